// 五个一 (/five-ones?year=&countyCode=): the five things each congress owes a year. County staff
// see and record their own; city staff see the city and every county as a matrix, and open one
// (the city's own included) to see or record its items.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { todayInShanghai, yearInShanghai } from '../../../worker/core/dates'
import type { FiveOne } from '../../../worker/core/taxonomy'
import { FIRST_YEAR } from '../../../worker/core/limits'
import { fiveOnesApi, type FiveOneItem } from '../activities-api'
import { FIVE_ONES, placeName, yearOptions } from '../activity-format'
import { ApiError } from '../api'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { FiveOneForm } from '../components/five-one-form'
import { FiveOneList, FiveOneMatrix } from '../components/five-one-matrix'
import { SelectField } from '../components/form-fields'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { LoadError } from '../components/states'
import { isStaffRole } from '../issue-format'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; items: FiveOneItem[] }

export default function FiveOnesPage() {
  useTitle('五个一')
  const user = useUser()
  const { reference } = useSession()
  const qs = new URLSearchParams(useSearch())
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  const asked = Number(qs.get('year'))
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= 2100 ? asked : yearInShanghai()
  const county = city ? qs.get('countyCode') || '' : (user.countyCode ?? '')
  const today = todayInShanghai()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [form, setForm] = useState<FiveOne | '' | null>(null)
  const [saved, setSaved] = useState('')

  const fetchItems = useCallback(() => {
    setLoad({ state: 'loading' })
    fiveOnesApi.list(year, county || undefined).then(
      (items) => setLoad({ state: 'ready', items }),
      (e: unknown) => setLoad({ state: 'failed', message: e instanceof ApiError ? e.message : '加载失败，请稍后重试' }),
    )
  }, [year, county])
  useEffect(() => {
    if (!staff) return
    setForm(null)
    setSaved('')
    fetchItems()
  }, [staff, fetchItems])

  const go = (y: number, c: string) => navigate(`/five-ones?year=${y}${city && c ? `&countyCode=${c}` : ''}`, { replace: true })
  const place = placeName(reference, county)
  const places = [...(reference?.city ? [{ code: reference.city.code, name: `${reference.city.name}（市本级）` }] : []), ...(reference?.counties ?? [])]
  const items = load.state === 'ready' ? load.items : []
  const done = FIVE_ONES.filter((f) => items.some((i) => i.type === f.code)).length

  return (
    <AppShell>
      <div class="page-list">
        <PageHeader
          title="五个一"
          back={city && county ? { href: `/five-ones?year=${year}`, label: '全市“五个一”' } : { href: '/', label: '首页' }}
          note={county ? `${place}人大 · ${year} 年 · 已完成 ${load.state === 'ready' ? done : '…'}/5` : `全市及各县市区人大 · ${year} 年`}
        >
          {county && form === null && <Button onClick={() => setForm('')}>登记</Button>}
        </PageHeader>
        <div class="five-controls">
          <SelectField id="five-year" label="年度" value={String(year)} onChange={(v) => go(Number(v), county)} options={yearOptions(reference)} />
          {city && (
            <SelectField
              id="five-county"
              label="查看"
              value={county}
              onChange={(v) => go(year, v)}
              placeholder="全市汇总"
              options={places.map((p) => ({ value: p.code, label: p.name }))}
            />
          )}
        </div>
        {saved && (
          <Alert tone="success" onClose={() => setSaved('')}>
            {saved}
          </Alert>
        )}
        {county && form !== null && (
          <FiveOneForm
            key={form}
            countyCode={county}
            place={`${place}人大`}
            year={year}
            today={today}
            initialType={form}
            onCancel={() => setForm(null)}
            onSaved={(item) => {
              setLoad((l) => (l.state === 'ready' ? { state: 'ready', items: [...l.items, item] } : l))
              setForm(null)
              setSaved(`已登记：${item.title}`)
            }}
          />
        )}
        {load.state === 'loading' && <Loading label="正在加载…" />}
        {load.state === 'failed' && <LoadError message={load.message} onRetry={fetchItems} />}
        {load.state === 'ready' &&
          (county ? (
            <FiveOneList items={items} onRecord={(type) => setForm(type)} />
          ) : (
            <>
              <p class="section-note">点县市区名称查看明细或代为登记。✓ 已完成，数字为次数。</p>
              <FiveOneMatrix places={places} items={items} year={year} />
            </>
          ))}
        {city && county && (
          <ButtonLink href={`/five-ones?year=${year}`}>返回全市汇总</ButtonLink>
        )}
      </div>
    </AppShell>
  )
}
