// 我反映的问题: a deputy's own reports, newest first, each with where it stands now.
import { todayInShanghai } from '../../../worker/core/dates'
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
  // Nothing to fetch for an account this screen is not for.
  const pages = useIssuePages(user.role === 'deputy' ? '' : null, 'newest')
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
        label="我反映的问题"
        emptyTitle="暂无问题"
        emptyText="您还没有反映过问题。视察调研中发现的问题和意见建议，可以随时报送。"
        emptyAction={
          <ButtonLink href="/issues/new" variant="primary">
            反映问题
          </ButtonLink>
        }
      />
    </AppShell>
  )
}
