// 待办整改: what a responsible unit owes, soonest deadline first (so overdue items lead), with
// the items staff pressed (督办) above them and the work bench's counts on top, each opening its
// own list (?list=). 待办 is "assigned" and "rectifying" together; finished work sits in the other two tabs.
import { useEffect } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { AppShell } from '../components/app-shell'
import { IssueList } from '../components/issue-list'
import { PageHeader } from '../components/page-header'
import { Tabs } from '../components/tabs'
import { rememberList } from '../issue-format'
import { issuesApi } from '../issues-api'
import { followLink, useSearch } from '../router'
import { meApi } from '../me-api'
import { IssueCard } from '../components/issue-card'
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
/** The lists a work-bench count opens (GET /me/summary names the same queries). */
const LISTS: Record<string, { title: string; query: string }> = {
  toAccept: { title: '待接收', query: 'status=assigned' },
  rectifying: { title: '整改中', query: 'status=rectifying' },
  dueSoon: { title: '即将到期', query: 'light=yellow' },
  overdue: { title: '逾期', query: 'light=red' },
  pressed: { title: '被督办', query: 'status=assigned,rectifying&pressed=true' },
}
const PRESSED_SHOWN = 20

export default function IssuesTodoPage() {
  useTitle('待办整改')
  const user = useUser()
  const { reference } = useSession()
  const search = useSearch()
  const isUnit = user.role === 'unit'
  const params = new URLSearchParams(search)
  const tabKey = params.get('tab') ?? 'todo'
  const tab = TABS.find((t) => t.key === tabKey) ?? TABS[0]!
  const list = LISTS[params.get('list') ?? '']
  const pages = useIssuePages(isUnit ? (list ? list.query : tab.query) : null, list ? 'deadline' : tab.order)
  // The work bench's counts: one request, counted on the server from counters.
  const summary = useLoaded(isUnit ? () => meApi.summary().then((s) => s.counts) : null, null as Record<string, number> | null, [isUnit])
  // Pressed items lead the to-do (with their count on each card); the full list follows, soonest deadline first.
  const pressed = useLoaded(
    isUnit && !list && tab.key === 'todo' && (summary?.pressed ?? 0) > 0 ? () => issuesApi.list(`${LISTS.pressed!.query}&sort=deadline&limit=${PRESSED_SHOWN}`).then((p) => p.items) : null,
    [],
    [isUnit, list, tab.key, summary?.pressed],
  )
  const today = todayInShanghai()
  useEffect(() => rememberList('/issues/todo', search), [search])

  return (
    <AppShell>
      <PageHeader title="待办整改" back={{ href: '/', label: '首页' }} note={user.unitName ?? undefined} />
      <div class="todo-summary" aria-live="polite">
        {summary &&
          (summary.overdue! > 0 || summary.dueSoon! > 0 || summary.pressed! > 0 ? (
            <p class="overdue-count">
              {(['overdue', 'dueSoon', 'pressed'] as const).map((k) => (
                <a key={k} class="todo-count-link" href={`/issues/todo?list=${k}`} onClick={followLink}>
                  {LISTS[k]!.title} <strong>{summary[k] ?? 0}</strong> 件
                </a>
              ))}
            </p>
          ) : (
            <p class="overdue-none">暂无逾期和即将到期的问题</p>
          ))}
      </div>
      {list && (
        <p class="list-scope">
          正在查看：<strong>{list.title}</strong>
          <a class="link-button" href="/issues/todo" onClick={followLink}>
            查看全部待办
          </a>
        </p>
      )}
      {pressed.length > 0 && (
        <section class="pressed-block" aria-label="被督办的问题">
          <h2 class="section-title">被督办（请优先办理）</h2>
          <ul class="issue-cards">
            {pressed.map((i) => (
              <li key={i.id}>
                <IssueCard issue={i} reference={reference} today={todayInShanghai()} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {!list && (
        <Tabs
          label="整改任务分类"
          current={tab.key}
          tabs={TABS.map((t) => ({ key: t.key, label: t.label, href: t.key === 'todo' ? '/issues/todo' : `/issues/todo?tab=${t.key}` }))}
        />
      )}
      <IssueList
        pages={pages}
        reference={reference}
        today={today}
        label={`${list ? list.title : tab.label}问题`}
        emptyTitle={list ? `暂无${list.title}的问题` : tab.empty}
        emptyText={tab.key === 'todo' ? '人大机关交办的问题会出现在这里，请及时接收并报告整改进展。' : undefined}
      />
    </AppShell>
  )
}
