// 问题台账: county staff's (and the city's) ledger. A dense table on a desk screen, cards on a
// phone; filters in the address; 加载更多 by cursor; exports of exactly what the filters show.
import { useEffect, useMemo } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { IssueFilters } from '../components/issue-filters'
import { IssueList } from '../components/issue-list'
import { PageHeader } from '../components/page-header'
import { placeLabel } from '../identity'
import { countyName } from '../reference'
import { isStaffRole, rememberList } from '../issue-format'
import { FILTER_KEYS, issuesApi, queryString, type Filters } from '../issues-api'
import { followLink, navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { orderOf, useIssuePages } from '../use-issue-pages'
import { useMedia, WIDE } from '../use-media'
import { useTitle } from '../use-title'
import IssuesPressPage from './issues-press'
import '../issues.css'

const PAGE = 50

function filtersOf(search: string): { filters: Filters; limit: number } {
  const qs = new URLSearchParams(search)
  const filters: Filters = {}
  for (const key of FILTER_KEYS) {
    const value = qs.get(key)
    // An empty township is a filter of its own: the items with none filled in.
    if (value || (key === 'township' && value === '')) filters[key] = value
  }
  // ?limit= is honoured for a shorter page (a slow line, or a test of paging); 1 to 200.
  const limit = Number(qs.get('limit'))
  return { filters, limit: Number.isInteger(limit) && limit >= 1 && limit <= 200 ? limit : PAGE }
}

export default function IssuesLedgerPage() {
  // 督办清单 is a view of the ledger (/issues?view=press): the same screen, chunk and role.
  if (new URLSearchParams(useSearch()).get('view') === 'press') return <IssuesPressPage />
  return <LedgerPage />
}

function LedgerPage() {
  useTitle('问题台账')
  const user = useUser()
  const { reference } = useSession()
  const search = useSearch()
  const wide = useMedia(WIDE)
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  const { filters, limit } = useMemo(() => filtersOf(search), [search])
  const query = queryString(filters)
  const order = orderOf(query, 'newest')
  const pages = useIssuePages(staff ? query : null, order, limit)
  const filtered = query !== ''
  useEffect(() => rememberList('/issues', search), [search])

  function apply(next: Filters) {
    const qs = queryString({ ...next, limit: limit === PAGE ? undefined : String(limit) })
    navigate(qs ? `/issues?${qs}` : '/issues', { replace: true })
  }

  return (
    <AppShell>
      <div class="ledger">
        <PageHeader title="问题台账" back={{ href: '/', label: '首页' }} note={`范围：${filters.countyCode ? countyName(reference, filters.countyCode) : placeLabel(user, reference)}${filters.township === undefined ? '' : ` · ${filters.township || '未填写乡镇'}`}${order === 'deadline' ? ' · 按整改时限排序，最紧迫的在前' : ''}`}>
          <ButtonLink href="/issues/new" variant="primary">
            登记问题
          </ButtonLink>
        </PageHeader>
        <IssueFilters filters={filters} onChange={apply} reference={reference} city={city} />
        <div class="ledger-tools">
          <a class="btn btn-secondary btn-small" href="/issues?view=press" onClick={followLink}>
            督办清单
          </a>
          <a class="btn btn-secondary btn-small" href="/issues/import" onClick={followLink}>
            导入台账
          </a>
          <span class="muted">{filtered ? '按当前筛选条件导出' : '导出全部问题'}</span>
          <a class="btn btn-secondary btn-small" href={issuesApi.exportUrl('xlsx', filters)} download>
            导出 Excel
          </a>
          <a class="btn btn-secondary btn-small" href={issuesApi.exportUrl('csv', filters)} download>
            导出 CSV
          </a>
        </div>
        <IssueList
          pages={pages}
          reference={reference}
          today={todayInShanghai()}
          table={wide}
          showCounty={city}
          showReporter
          label="问题列表"
          emptyTitle={filtered ? '没有符合条件的问题' : '暂无问题'}
          emptyText={filtered ? '请调整或清除筛选条件后再看。' : '代表和工作人员报送的问题会出现在这里。'}
          emptyAction={
            filtered ? (
              <button type="button" class="btn btn-secondary" onClick={() => apply({})}>
                清除筛选
              </button>
            ) : undefined
          }
        />
      </div>
    </AppShell>
  )
}
