// 代表名册 (/deputies): staff search their deputies (q, level, 在任/已停用, and for the city the
// county, all in the address), add one, import a roster file, reset a password, manage one (edit,
// 停用/恢复, 变更记录), and open a deputy's 履职档案.
import { useEffect, useMemo, useState } from 'preact/hooks'
import { deputiesApi, type Deputy, type NewAccount } from '../activities-api'
import { DEPUTY_LEVEL_OPTIONS, countyOptions } from '../activity-format'
import { usePaged } from '../activity-pages'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { SelectField } from '../components/form-fields'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { RosterAdd } from '../components/roster-add'
import { RosterImport } from '../components/roster-import'
import { RosterList } from '../components/roster-list'
import { SecretPanel } from '../components/roster-secret'
import { RosterSheet } from '../components/roster-sheet'
import { EmptyState, LoadError, LoadMore, NotForRole } from '../components/states'
import { placeLabel } from '../identity'
import { isStaffRole } from '../issue-format'
import { queryString } from '../issues-api'
import { countyName } from '../reference'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Panel = 'none' | 'add' | 'import'
type Filters = { q?: string; level?: string; countyCode?: string; active?: 'false' }
const ACTIVE_OPTIONS = [{ value: 'false', label: '已停用' }]

export default function DeputiesPage() {
  useTitle('代表名册')
  const user = useUser()
  const { reference } = useSession()
  const search = useSearch()
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  const filters = useMemo<Filters>(() => {
    const qs = new URLSearchParams(search)
    return {
      q: qs.get('q') || undefined,
      level: qs.get('level') || undefined,
      countyCode: (city && qs.get('countyCode')) || undefined,
      active: qs.get('active') === 'false' ? 'false' : undefined,
    }
  }, [search, city])
  const query = queryString(filters)
  const pages = usePaged(staff ? query : null, deputiesApi.list)
  const [panel, setPanel] = useState<Panel>('none')
  const [added, setAdded] = useState<(Deputy & NewAccount) | null>(null)
  const [sheet, setSheet] = useState<NewAccount[]>([])
  const [q, setQ] = useState(filters.q ?? '')
  useEffect(() => setQ(filters.q ?? ''), [filters.q])

  if (!staff) {
    return (
      <AppShell>
        <NotForRole />
      </AppShell>
    )
  }
  const apply = (next: Filters) => {
    const qs = queryString(next)
    navigate(qs ? `/deputies?${qs}` : '/deputies', { replace: true })
  }
  const place = placeLabel(user, reference)
  const filtered = query !== ''
  return (
    <AppShell>
      <div class="page-list roster-page">
        <PageHeader title="代表名册" back={{ href: '/', label: '首页' }} note={`范围：${place}`}>
          <Button variant={panel === 'import' ? 'primary' : 'secondary'} onClick={() => setPanel(panel === 'import' ? 'none' : 'import')}>
            导入名册
          </Button>
          <Button variant={panel === 'add' ? 'primary' : 'secondary'} onClick={() => {
              setAdded(null)
              setPanel(panel === 'add' ? 'none' : 'add')
            }}>
            添加代表
          </Button>
        </PageHeader>
        {added && (
          <SecretPanel title={`已添加代表${added.name}`} name={added.name} phone={added.phone} password={added.temporaryPassword} onClose={() => setAdded(null)} />
        )}
        {panel === 'add' && (
          <RosterAdd
            reference={reference}
            city={city}
            onCancel={() => setPanel('none')}
            onAdded={(d) => {
              setAdded(d)
              setPanel('none')
              pages.retry()
            }}
          />
        )}
        {panel === 'import' && (
          <RosterImport
            exampleCounty={countyName(reference, user.countyCode) || '平泉市'}
            onImported={(r) => {
              setSheet(r.accounts)
              pages.retry()
            }}
            onClose={() => {
              setPanel('none')
              setSheet([])
            }}
          />
        )}
        <div class="filters roster-filters">
          <form class="filter-search" role="search" onSubmit={(e) => {
              e.preventDefault()
              apply({ ...filters, q: q.trim() || undefined })
            }}>
            <label class="visually-hidden" for="filter-q">
              搜索代表
            </label>
            <input id="filter-q" class="input" type="search" value={q} maxLength={50} placeholder="姓名或手机号" onInput={(e) => setQ(e.currentTarget.value)} enterKeyHint="search" />
            <Button type="submit" variant="secondary">
              搜索
            </Button>
          </form>
          <div class="roster-selects">
            <SelectField id="filter-level" label="代表层级" value={filters.level ?? ''} onChange={(v) => apply({ ...filters, level: v || undefined })} placeholder="全部层级" options={DEPUTY_LEVEL_OPTIONS} />
            {city && (
              <SelectField id="filter-county" label="县市区" value={filters.countyCode ?? ''} onChange={(v) => apply({ ...filters, countyCode: v || undefined })} placeholder="全部县市区" options={countyOptions(reference)} />
            )}
            <SelectField id="filter-active" label="状态" value={filters.active ?? ''} onChange={(v) => apply({ ...filters, active: v === 'false' ? 'false' : undefined })} placeholder="在任代表" options={ACTIVE_OPTIONS} />
          </div>
        </div>
        {pages.status === 'loading' && <Loading label="正在加载名册…" />}
        {pages.status === 'error' && <LoadError message={pages.error} onRetry={pages.retry} />}
        {pages.status === 'ready' &&
          (pages.items.length === 0 ? (
            <EmptyState
              title={filters.active ? '没有已停用的代表' : filtered ? '没有符合条件的代表' : '名册中还没有代表'}
              text={filters.active ? '代表任期结束或调离时，可在名册中点“管理”停用，停用的代表显示在这里。' : filtered ? '请核对姓名、手机号，或调整筛选条件。' : '可以逐个添加，或用“导入名册”一次导入。'}
            >
              {filtered && (
                <Button variant="secondary" onClick={() => apply({})}>
                  清除筛选
                </Button>
              )}
            </EmptyState>
          ) : (
            <>
              <RosterList deputies={pages.items} reference={reference} showCounty={city} onChanged={(d) => pages.update((items) => items.map((x) => (x.id === d.id ? d : x)))} />
              <LoadMore hasMore={pages.hasMore} busy={pages.loadingMore} error={pages.moreError} onMore={pages.loadMore} shown={pages.items.length} />
            </>
          ))}
      </div>
      {sheet.length > 0 && <RosterSheet accounts={sheet} place={city ? '' : place} />}
    </AppShell>
  )
}
