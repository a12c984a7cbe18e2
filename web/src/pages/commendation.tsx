// 一年一表彰 (/commendation?year=&countyCode=&level=&groupId=&sort=): a county's deputies with
// their confirmed figures (sortable, by level or group), 推荐 with a reason, and the year's
// nominations; city staff see every county's nominations and confirm them. Print list and Excel.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { FIRST_YEAR } from '../../../worker/core/limits'
import { yearInShanghai } from '../../../worker/core/dates'
import { asApiError } from '../api'
import { countyOptions, DEPUTY_LEVEL_OPTIONS, levelLabel, placeName, yearOptions } from '../activity-format'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { CommendationTable } from '../components/commendation-table'
import { FormActions, SelectField, TextArea } from '../components/form-fields'
import { Loading } from '../components/loading'
import { NominationsList } from '../components/nominations-list'
import { PageHeader } from '../components/page-header'
import { Section } from '../components/stats-section'
import { EmptyState, LoadError } from '../components/states'
import { commendationApi, groupsApi, type CommendationRow, type CommendationSort, type CommendationTable as Table, type GroupSummary, type Nomination } from '../groups-api'
import { newId } from '../new-id'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useMedia, WIDE } from '../use-media'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'
import '../stats.css'
import '../groups.css'

type Load<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; data: T }
const SORTS: readonly CommendationSort[] = ['activities', 'venues', 'fourBatches', 'introductions', 'name']

function useLoad<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]) {
  const [state, setState] = useState<Load<T>>({ state: 'loading' })
  const run = useCallback(() => {
    if (!load) return
    setState({ state: 'loading' })
    load().then(
      (data) => setState({ state: 'ready', data }),
      (e: unknown) => setState({ state: 'failed', message: asApiError(e, '加载失败，请稍后重试').message }),
    )
  }, deps)
  useEffect(run, [run])
  return { state, reload: run }
}

/** 推荐 one deputy: a reason, sent under an id made once, so a retry nominates once. */
function NominateForm({ row, year, onDone, onCancel }: { row: CommendationRow; year: number; onDone: (n: Nomination) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [id] = useState(newId)
  // The form opens above the table: bring it (and the reason) to the hand that tapped 推荐 far below.
  useEffect(() => {
    const field = document.getElementById('nominate-reason')
    field?.scrollIntoView({ block: 'center' })
    field?.focus({ preventScroll: true })
  }, [row.deputyId])
  const submit = async (e: Event) => {
    e.preventDefault()
    if (!reason.trim()) return setError('请填写推荐理由')
    setBusy(true)
    setError('')
    try {
      onDone(await commendationApi.nominate({ id, year, deputyId: row.deputyId, reason: reason.trim() }))
    } catch (err) {
      const a = asApiError(err, '推荐失败，请稍后重试')
      setError(a.fields.reason ?? a.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="card cm-nominate" onSubmit={submit} noValidate>
      <h2 class="card-title">
        推荐{row.name}为 {year} 年度优秀人大代表
      </h2>
      <p class="section-note">
        {levelLabel(row.level)}人大代表 · 个人活动 {row.activities} 次 · 集体活动 {row.groupActivities} 次 · 九进覆盖 {row.venuesCovered} 项 · 四个一批 {row.fourBatches}
      </p>
      <TextArea id="nominate-reason" label="推荐理由" value={reason} onInput={setReason} error={error} maxLength={2000} rows={5} placeholder="写明主要履职事迹和成效" />
      <FormActions busy={busy} busyLabel="正在提交…" onCancel={onCancel}>
        提交推荐
      </FormActions>
    </form>
  )
}

export default function CommendationPage() {
  useTitle('一年一表彰')
  const user = useUser()
  const { reference } = useSession()
  const wide = useMedia(WIDE)
  const qs = new URLSearchParams(useSearch())
  const city = user.role === 'city_staff'
  const asked = Number(qs.get('year'))
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= 2100 ? asked : yearInShanghai()
  const county = city ? qs.get('countyCode') || '' : (user.countyCode ?? '')
  const level = qs.get('level') || ''
  const groupId = qs.get('groupId') || ''
  const sortAsked = qs.get('sort') as CommendationSort | null
  const sort: CommendationSort = sortAsked && SORTS.includes(sortAsked) ? sortAsked : 'activities'
  const place = placeName(reference, county)
  const [nominating, setNominating] = useState<CommendationRow | null>(null)
  const [message, setMessage] = useState('')

  const query = { year, countyCode: county || undefined, level: level || undefined, groupId: groupId || undefined, sort }
  const table = useLoad<Table>(county ? () => commendationApi.table(query) : null, [year, county, level, groupId, sort])
  const groups = useLoad<GroupSummary[]>(county ? () => groupsApi.list(year, county) : null, [year, county])
  const noms = useLoad<Nomination[]>(() => commendationApi.nominations(year, county || undefined), [year, county])

  const go = (change: Record<string, string | number>) => {
    const next = { year, countyCode: city ? county : '', level, groupId, sort, ...change }
    const p = new URLSearchParams()
    for (const [k, v] of Object.entries(next)) if (v !== '' && !(k === 'sort' && v === 'activities')) p.set(k, String(v))
    setNominating(null)
    navigate(`/commendation?${p.toString()}`, { replace: true })
  }
  const changed = (m: string) => {
    if (m) setMessage(m)
    noms.reload()
    table.reload()
  }
  const printHref = `/commendation/print?year=${year}${county ? `&countyCode=${county}` : ''}`
  const groupOptions = groups.state.state === 'ready' ? groups.state.data.map((g) => ({ value: g.id, label: g.name })) : []

  return (
    <AppShell>
      <div class="page-list commendation-page">
        <PageHeader title="一年一表彰" back={{ href: '/', label: '首页' }} note={`${county ? place : '各县市区'} · ${year} 年度优秀人大代表推荐`}>
          <ButtonLink href={printHref} variant="primary">
            打印推荐名单
          </ButtonLink>
          {county && (
            <a class="btn btn-secondary" href={commendationApi.exportUrl(query)} download>
              导出（Excel）
            </a>
          )}
        </PageHeader>
        <div class="cm-controls">
          <SelectField id="cm-year" label="年度" value={String(year)} onChange={(v) => go({ year: Number(v), groupId: '' })} options={yearOptions(reference)} />
          {city && <SelectField id="cm-county" label="县市区" value={county} onChange={(v) => go({ countyCode: v, groupId: '' })} placeholder="全部县市区" options={countyOptions(reference)} />}
          {county && <SelectField id="cm-level" label="代表层级" value={level} onChange={(v) => go({ level: v })} placeholder="全部层级" options={DEPUTY_LEVEL_OPTIONS} />}
          {county && <SelectField id="cm-group" label="代表小组" value={groupId} onChange={(v) => go({ groupId: v })} placeholder="全部代表" options={groupOptions} />}
        </div>
        {message && (
          <Alert tone="success" onClose={() => setMessage('')}>
            {message}
          </Alert>
        )}

        <Section id="sec-nominations" title={city && !county ? '各县市区推荐情况' : '推荐情况'} note={city ? '县市区推荐的优秀人大代表，由市人大确认。' : '推荐后由市人大确认；确认前可以撤回。'}>
          {noms.state.state === 'loading' && <Loading label="正在加载推荐…" />}
          {noms.state.state === 'failed' && <LoadError message={noms.state.message} onRetry={noms.reload} />}
          {noms.state.state === 'ready' && <NominationsList items={noms.state.data} reference={reference} city={city} showCounty={city && !county} onChanged={changed} />}
        </Section>

        {county && (
          <Section id="sec-figures" title="代表履职情况" note="只计本人经审核确认的履职活动；点击数字查看对应的活动。">
            {nominating && (
              <NominateForm
                row={nominating}
                year={year}
                onCancel={() => setNominating(null)}
                onDone={(n) => {
                  setNominating(null)
                  changed(`已推荐：${n.deputyName}`)
                }}
              />
            )}
            {table.state.state === 'loading' && <Loading label="正在统计…" />}
            {table.state.state === 'failed' && <LoadError message={table.state.message} onRetry={table.reload} />}
            {table.state.state === 'ready' &&
              (table.state.data.items.length === 0 ? (
                <EmptyState title="没有符合条件的代表" text="名册中没有该层级或该小组的在册代表。" />
              ) : (
                <CommendationTable
                  items={table.state.data.items}
                  year={year}
                  countyCode={county}
                  sort={sort}
                  wide={wide}
                  canNominate={year <= yearInShanghai()}
                  onSort={(s) => go({ sort: s })}
                  onNominate={(r) => setNominating(r)}
                />
              ))}
          </Section>
        )}
        {city && !county && <p class="section-note">选择县市区，查看该地代表的履职数据并代为推荐。</p>}
      </div>
    </AppShell>
  )
}
