// 履职记录 (/activities): every activity in the caller's scope, newest first, filtered from the
// address with the API's names (/activities?year=2026&countyCode=130881&status=confirmed), as a
// table on a desk screen and cards on a phone, with 加载更多.
import { useMemo } from 'preact/hooks'
import { activitiesApi } from '../activities-api'
import { placeName } from '../activity-format'
import { usePaged } from '../activity-pages'
import { ActivityFilterBar, ACTIVITY_FILTER_KEYS, type ActivityFilters } from '../components/activity-filters'
import { ActivityList } from '../components/activity-list'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { PageHeader } from '../components/page-header'
import { placeLabel } from '../identity'
import { isStaffRole } from '../issue-format'
import { queryString } from '../issues-api'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useMedia, WIDE } from '../use-media'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

function filtersOf(search: string): ActivityFilters {
  const qs = new URLSearchParams(search)
  const filters: ActivityFilters = {}
  for (const key of ACTIVITY_FILTER_KEYS) {
    const value = qs.get(key)
    if (value) filters[key] = value
  }
  return filters
}

export default function ActivitiesPage() {
  useTitle('履职记录')
  const user = useUser()
  const { reference } = useSession()
  const search = useSearch()
  const wide = useMedia(WIDE)
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  const filters = useMemo(() => filtersOf(search), [search])
  const query = queryString(filters)
  const pages = usePaged(user.role === 'unit' ? null : query, activitiesApi.list)
  const filtered = query !== ''

  const apply = (next: ActivityFilters) => {
    const qs = queryString(next)
    navigate(qs ? `/activities?${qs}` : '/activities', { replace: true })
  }
  const scope = filters.countyCode ? placeName(reference, filters.countyCode) : placeLabel(user, reference)
  const deputyName = filters.deputyId ? pages.items.find((a) => a.deputyId === filters.deputyId)?.deputyName : undefined
  return (
    <AppShell>
      <div class="ledger">
        <PageHeader
          title="履职记录"
          back={{ href: staff ? '/activities/review' : '/activities/mine', label: staff ? '履职审核' : '我的履职' }}
          note={staff ? `范围：${scope}${filters.year ? ` · ${filters.year} 年` : ''}` : '本人的全部履职记录'}
        >
          <ButtonLink href="/activities/new" variant="primary">
            {staff ? '代记履职' : '记录履职'}
          </ButtonLink>
        </PageHeader>
        <ActivityFilterBar filters={filters} onChange={apply} reference={reference} city={city} deputyName={deputyName} />
        <div class="list-gap" />
        <ActivityList
          pages={pages}
          reference={reference}
          table={wide}
          showDeputy={staff}
          showCounty={city}
          label="履职记录列表"
          emptyTitle={filtered ? '没有符合条件的履职记录' : '暂无履职记录'}
          emptyText={filtered ? '请调整或清除筛选条件后再看。' : '代表提交的履职活动会出现在这里。'}
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
