// 代表名册 (/deputies): staff search their deputies (q, level, 在任/已停用, and for the city the
// county, all in the address), add one, import a roster file, reset a password, manage one (edit,
// 停用/恢复, 变更记录), open a deputy's 履职档案, and print 开通通知单 for the deputies they tick
// or for all not yet activated.
import { useEffect, useMemo, useState } from 'preact/hooks'
import { deputiesApi, type NewDeputy } from '../activities-api'
import { DEPUTY_LEVEL_OPTIONS, countyOptions } from '../activity-format'
import { usePaged } from '../activity-pages'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { SelectField } from '../components/form-fields'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { RosterAdd } from '../components/roster-add'
import { RosterImport } from '../components/roster-import'
import { CreatedPanel } from '../components/roster-created'
import { RosterList, slipFor } from '../components/roster-list'
import { EmptyState, LoadError, LoadMore } from '../components/states'
import { placeLabel } from '../identity'
import { isStaffRole } from '../issue-format'
import { queryString } from '../issues-api'
import { countyName } from '../reference'
import { navigate, useSearch } from '../router'
import { openSlips } from '../slips-selection'
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
  const [added, setAdded] = useState<NewDeputy | null>(null)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [q, setQ] = useState(filters.q ?? '')
  useEffect(() => setQ(filters.q ?? ''), [filters.q])

  const apply = (next: Filters) => {
    const qs = queryString(next)
    navigate(qs ? `/deputies?${qs}` : '/deputies', { replace: true })
  }
  const place = placeLabel(user, reference)
  const back = { href: `/deputies${query ? `?${query}` : ''}`, label: '代表名册' }
  const choose = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  const printChosen = () => openSlips({ selection: { userIds: [...chosen] }, label: `所选的 ${chosen.size} 名代表`, back })
  const printPending = () => {
    const county = city ? filters.countyCode : undefined
    const where = city ? (county ? countyName(reference, county) : '全市') : place
    openSlips({ selection: { notActivated: true, ...(county ? { countyCode: county } : {}) }, label: `${where}全部未开通的代表`, back })
  }
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
          <CreatedPanel
            title={`已添加代表${added.name}`}
            name={added.name}
            phone={added.phone}
            text={`账号尚未开通：请打印开通通知单交${added.name}本人，凭开通码首次登录并设置密码。`}
            onPrint={() => slipFor(added.id, added.name, back)}
            onClose={() => setAdded(null)}
          />
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
            onImported={() => pages.retry()}
            onClose={() => setPanel('none')}
            onPrintSlips={printPending}
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
              <div class="card slips-choose" role="group" aria-label="开通通知单">
                <p>
                  开通通知单：{chosen.size ? <strong>已选 {chosen.size} 名代表</strong> : '勾选代表，或打印全部未开通代表的通知单'}
                </p>
                <div class="reset-buttons">
                  <Button disabled={chosen.size === 0} onClick={printChosen}>
                    打印所选{chosen.size ? `（${chosen.size}）` : ''}
                  </Button>
                  <Button variant="secondary" onClick={printPending}>
                    全部未开通
                  </Button>
                  {chosen.size > 0 && (
                    <Button variant="secondary" onClick={() => setChosen(new Set())}>
                      清除选择
                    </Button>
                  )}
                </div>
              </div>
              <RosterList
                deputies={pages.items}
                reference={reference}
                showCounty={city}
                chosen={chosen}
                onChoose={choose}
                back={back}
                onChanged={(d) => pages.update((items) => items.map((x) => (x.id === d.id ? { ...x, ...d } : x)))}
              />
              <LoadMore hasMore={pages.hasMore} busy={pages.loadingMore} error={pages.moreError} onMore={pages.loadMore} shown={pages.items.length} />
            </>
          ))}
      </div>
    </AppShell>
  )
}
