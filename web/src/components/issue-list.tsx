// A paged issue list with its states: loading, could not load (retry), nothing yet, then cards
// (or the ledger table on a desk screen) and 加载更多.
import type { ComponentChildren } from 'preact'
import type { Reference } from '../api'
import type { IssuePages } from '../use-issue-pages'
import { IssueCard } from './issue-card'
import { IssueTable } from './issue-table'
import { Loading } from './loading'
import { EmptyState, LoadError, LoadMore } from './states'

interface IssueListProps {
  pages: IssuePages
  reference: Reference | null
  today: string
  /** The ledger's table instead of cards. */
  table?: boolean
  showCounty?: boolean
  showReporter?: boolean
  emptyTitle: string
  emptyText?: string
  /** Under the empty state, e.g. a button to file the first one. */
  emptyAction?: ComponentChildren
  label: string
}

export function IssueList({ pages, reference, today, table, showCounty = false, showReporter, emptyTitle, emptyText, emptyAction, label }: IssueListProps) {
  if (pages.status === 'loading') return <Loading label="正在加载问题…" />
  if (pages.status === 'error') return <LoadError message={pages.error} onRetry={pages.retry} />
  if (pages.items.length === 0) {
    return (
      <EmptyState title={emptyTitle} text={emptyText}>
        {emptyAction}
      </EmptyState>
    )
  }
  return (
    <section aria-label={label}>
      {table ? (
        <IssueTable issues={pages.items} reference={reference} today={today} showCounty={showCounty} />
      ) : (
        <ul class="issue-cards">
          {pages.items.map((issue) => (
            <li key={issue.id}>
              <IssueCard issue={issue} reference={reference} today={today} showCounty={showCounty} showReporter={showReporter} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={pages.hasMore} busy={pages.loadingMore} error={pages.moreError} onMore={pages.loadMore} shown={pages.items.length} />
    </section>
  )
}
