// 我反映的问题: a deputy's own reports, newest first, each with where it stands now. Opened from
// the work bench (?updatedAfter=) it shows the reports with new progress; opening it marks the
// deputy's reports as looked at, so the bench counts only what comes after.
import { useEffect } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { meApi } from '../me-api'
import { useSearch } from '../router'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { IssueList } from '../components/issue-list'
import { PageHeader } from '../components/page-header'
import { useIssuePages } from '../use-issue-pages'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'

export default function IssuesMinePage() {
  useTitle('我反映的问题')
  const user = useUser()
  const { reference } = useSession()
  const since = new URLSearchParams(useSearch()).get('updatedAfter')
  const deputy = user.role === 'deputy'
  // Nothing to fetch for an account this screen is not for.
  const pages = useIssuePages(deputy ? (since ? `updatedAfter=${encodeURIComponent(since)}` : '') : null, 'newest')
  useEffect(() => {
    if (deputy) meApi.issuesSeen().catch(() => undefined) // a lost mark only means the count stays until the next visit
  }, [deputy])
  return (
    <AppShell>
      <PageHeader title="我反映的问题" back={{ href: '/', label: '首页' }} note="交办、整改和销号的进展都会在这里更新。">
        <ButtonLink href="/issues/new" variant="primary">
          反映问题
        </ButtonLink>
      </PageHeader>
      <IssueList
        pages={pages}
        reference={reference}
        today={todayInShanghai()}
        label={since ? '有新进展的问题' : '我反映的问题'}
        emptyTitle={since ? '暂无新进展' : '暂无问题'}
        emptyText={since ? '上次查看以后，您反映的问题还没有新的办理进展。' : '您还没有反映过问题。视察调研中发现的问题和意见建议，可以随时报送。'}
        emptyAction={
          <ButtonLink href="/issues/new" variant="primary">
            反映问题
          </ButtonLink>
        }
      />
    </AppShell>
  )
}
