// 代表小组 (/groups?year=&countyCode=): a county's groups of the year — name, fields or theme,
// leader, member count — with create and edit. City staff first see every county's coverage of
// the seven fields and pick a county; county staff always see their own.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { FIRST_YEAR } from '../../../worker/core/limits'
import { yearInShanghai } from '../../../worker/core/dates'
import { asApiError } from '../api'
import { countyOptions, placeName, yearOptions } from '../activity-format'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { SelectField } from '../components/form-fields'
import { GroupCoverage } from '../components/group-coverage'
import { GroupForm } from '../components/group-form'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { EmptyState, LoadError } from '../components/states'
import { groupsApi, type Group, type GroupSummary } from '../groups-api'
import { fieldName } from '../issue-format'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'
import '../stats.css'
import '../groups.css'

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; items: GroupSummary[] }
type Editing = null | { group: Group | null } | { loading: string }

export default function GroupsPage() {
  useTitle('代表小组')
  const user = useUser()
  const { reference } = useSession()
  const qs = new URLSearchParams(useSearch())
  const city = user.role === 'city_staff'
  const asked = Number(qs.get('year'))
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= 2100 ? asked : yearInShanghai()
  const county = city ? qs.get('countyCode') || '' : (user.countyCode ?? '')
  const place = placeName(reference, county)
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [editing, setEditing] = useState<Editing>(null)
  const [saved, setSaved] = useState('')
  const [openError, setOpenError] = useState('')
  const [changes, setChanges] = useState(0)

  const fetchItems = useCallback(() => {
    if (!county) return
    setLoad({ state: 'loading' })
    groupsApi.list(year, county).then(
      (items) => setLoad({ state: 'ready', items }),
      (e: unknown) => setLoad({ state: 'failed', message: asApiError(e, '加载失败，请稍后重试').message }),
    )
  }, [year, county])
  useEffect(() => {
    setEditing(null)
    fetchItems()
  }, [fetchItems])

  const go = (y: number, c: string) => navigate(`/groups?year=${y}${city && c ? `&countyCode=${c}` : ''}`, { replace: true })
  const edit = (id: string) => {
    setOpenError('')
    setSaved('')
    setEditing({ loading: id })
    groupsApi.get(id).then(
      (group) => setEditing({ group }),
      (e: unknown) => {
        setEditing(null)
        setOpenError(asApiError(e, '小组加载失败，请稍后重试').message)
      },
    )
  }
  const items = load.state === 'ready' ? load.items : []

  return (
    <AppShell>
      <div class="page-list groups-page">
        <PageHeader
          title="代表小组"
          back={city && county ? { href: `/groups?year=${year}`, label: '全市代表小组' } : { href: '/', label: '首页' }}
          note={county ? `${place} · ${year} 年 · ${load.state === 'ready' ? `${items.length} 个小组` : '…'}` : `各县市区 · ${year} 年`}
        >
          {county && editing === null && (
            <Button
              onClick={() => {
                setSaved('')
                setEditing({ group: null })
              }}
            >
              新建小组
            </Button>
          )}
        </PageHeader>
        <div class="five-controls">
          <SelectField id="groups-year" label="年度" value={String(year)} onChange={(v) => go(Number(v), county)} options={yearOptions(reference)} />
          {city && <SelectField id="groups-county" label="县市区" value={county} onChange={(v) => go(year, v)} placeholder="请选择县市区" options={countyOptions(reference)} />}
        </div>
        {saved && (
          <Alert tone="success" onClose={() => setSaved('')}>
            {saved}
          </Alert>
        )}
        {openError && <Alert tone="error">{openError}</Alert>}
        {!county && <GroupCoverage year={year} reference={reference} />}
        {county && editing && 'loading' in editing && <Loading label="正在打开小组…" />}
        {county && editing && 'group' in editing && (
          <GroupForm
            key={editing.group?.id ?? 'new'}
            year={year}
            countyCode={county}
            place={place}
            reference={reference}
            group={editing.group}
            onCancel={() => setEditing(null)}
            onSaved={(g, created) => {
              setEditing(null)
              setSaved(created ? `已建立：${g.name}` : `已保存：${g.name}`)
              fetchItems()
              setChanges((n) => n + 1)
            }}
          />
        )}
        {county && load.state === 'loading' && <Loading label="正在加载…" />}
        {county && load.state === 'failed' && <LoadError message={load.message} onRetry={fetchItems} />}
        {county && load.state === 'ready' && items.length === 0 && editing === null && (
          <EmptyState title="本年度还没有代表小组" text="每个监督领域都要设立 1 个以上代表小组。点“新建小组”开始组建。" />
        )}
        {county && load.state === 'ready' && items.length > 0 && (
          <ul class="group-cards">
            {items.map((g) => (
              <li key={g.id} class="card group-card">
                <div class="group-card-head">
                  <h2 class="group-card-name">{g.name}</h2>
                  <Button variant="secondary" onClick={() => edit(g.id)} disabled={editing !== null}>
                    编辑
                  </Button>
                </div>
                <p class="group-card-fields">
                  {g.fieldCodes.length ? g.fieldCodes.map((f) => <span key={f} class="badge">{fieldName(reference, f, year)}</span>) : <span class="badge">主题：{g.theme}</span>}
                  {g.fieldCodes.length > 0 && g.theme && <span class="group-card-theme">{g.theme}</span>}
                </p>
                <p class="group-card-meta">
                  组长：{g.leaderName ?? '尚未指定'} · 成员 {g.memberCount} 人
                </p>
              </li>
            ))}
          </ul>
        )}
        {county && <GroupCoverage year={year} countyCode={county} reference={reference} refresh={changes} />}
      </div>
    </AppShell>
  )
}
