// 待办整改: what a responsible unit owes, soonest deadline first, with the overdue count on top.
// 待办 is "assigned" and "rectifying" together; finished work sits in the other two tabs.
import { useEffect } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { AppShell } from '../components/app-shell'
import { IssueList } from '../components/issue-list'
import { PageHeader } from '../components/page-header'
import { Tabs } from '../components/tabs'
import { rememberList } from '../issue-format'
import { issuesApi } from '../issues-api'
import { useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useIssuePages, type Order } from '../use-issue-pages'
import { useLoaded } from '../use-loaded'
import { useTitle } from '../use-title'
import '../issues.css'

const TABS: { key: string; label: string; query: string; order: Order; empty: string }[] = [
  // Both open statuses in one request: the server orders and pages them together.
  { key: 'todo', label: '待办', query: 'status=assigned,rectifying', order: 'deadline', empty: '暂无待办的整改任务' },
  { key: 'rectified', label: '待验收', query: 'status=rectified', order: 'deadline', empty: '暂无待验收的问题' },
  { key: 'closed', label: '已销号', query: 'status=closed', order: 'newest', empty: '暂无已销号的问题' },
]
const OVERDUE_LIMIT = 200

export default function IssuesTodoPage() {
  useTitle('待办整改')
  const user = useUser()
  const { reference } = useSession()
  const search = useSearch()
  const isUnit = user.role === 'unit'
  const tabKey = new URLSearchParams(search).get('tab') ?? 'todo'
  const tab = TABS.find((t) => t.key === tabKey) ?? TABS[0]!
  const pages = useIssuePages(isUnit ? tab.query : null, tab.order)
  // How many of the unit's items are overdue now: null while unknown.
  const overdue = useLoaded(
    isUnit ? () => issuesApi.list(`overdue=true&limit=${OVERDUE_LIMIT}`).then((p) => ({ count: p.items.length, more: p.nextCursor !== null })) : null,
    null,
    [isUnit],
  )
  const today = todayInShanghai()
  useEffect(() => rememberList('/issues/todo', search), [search])

  return (
    <AppShell>
      <PageHeader title="待办整改" back={{ href: '/', label: '首页' }} note={user.unitName ?? undefined} />
      <div class="todo-summary" aria-live="polite">
        {overdue &&
          (overdue.count > 0 ? (
            <p class="overdue-count">
              逾期 <strong>{overdue.more ? `${overdue.count}+` : overdue.count}</strong> 件，请抓紧整改
            </p>
          ) : (
            <p class="overdue-none">暂无逾期问题</p>
          ))}
      </div>
      <Tabs
        label="整改任务分类"
        current={tab.key}
        tabs={TABS.map((t) => ({ key: t.key, label: t.label, href: t.key === 'todo' ? '/issues/todo' : `/issues/todo?tab=${t.key}` }))}
      />
      <IssueList
        pages={pages}
        reference={reference}
        today={today}
        label={`${tab.label}问题`}
        emptyTitle={tab.empty}
        emptyText={tab.key === 'todo' ? '人大机关交办的问题会出现在这里，请及时接收并报告整改进展。' : undefined}
      />
    </AppShell>
  )
}
