// A paged activity list with its states: loading, could not load (retry), nothing yet, then cards
// (or a table on a desk screen) and 加载更多.
import type { ComponentChildren } from 'preact'
import type { Activity } from '../activities-api'
import type { Paged } from '../activity-pages'
import type { Reference } from '../api'
import { ActivityCard } from './activity-card'
import { ActivityTable } from './activity-table'
import { Loading } from './loading'
import { EmptyState, LoadError, LoadMore } from './states'

interface ActivityListProps {
  pages: Paged<Activity>
  reference: Reference | null
  table?: boolean
  showDeputy?: boolean
  showCounty?: boolean
  label: string
  emptyTitle: string
  emptyText?: string
  emptyAction?: ComponentChildren
  /** Buttons under one card (phone lists only). */
  actionsOf?: (activity: Activity) => ComponentChildren
}

export function ActivityList(props: ActivityListProps) {
  const { pages, reference, table, showDeputy = false, showCounty = false, label, actionsOf } = props
  if (pages.status === 'loading') return <Loading label="正在加载履职记录…" />
  if (pages.status === 'error') return <LoadError message={pages.error} onRetry={pages.retry} />
  if (pages.items.length === 0) {
    return (
      <EmptyState title={props.emptyTitle} text={props.emptyText}>
        {props.emptyAction}
      </EmptyState>
    )
  }
  return (
    <section aria-label={label}>
      {table ? (
        <ActivityTable activities={pages.items} reference={reference} showDeputy={showDeputy} showCounty={showCounty} />
      ) : (
        <ul class="act-cards">
          {pages.items.map((a) => (
            <li key={a.id}>
              <ActivityCard activity={a} reference={reference} showDeputy={showDeputy} showCounty={showCounty}>
                {actionsOf?.(a)}
              </ActivityCard>
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={pages.hasMore} busy={pages.loadingMore} error={pages.moreError} onMore={pages.loadMore} shown={pages.items.length} />
    </section>
  )
}
