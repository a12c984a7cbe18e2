// 督办清单 (/issues?view=press, a view of the ledger): every open item (assigned or rectifying) grouped by responsible unit, with the days to
// or past its deadline, its light and how often it was pressed; printable on A4 and exported as
// the ledger's file of the same items. Staff only (a county's, or the city's, or one county's).
import { useEffect, useState } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { asApiError } from '../api'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { EmptyState, LoadError } from '../components/states'
import { LightBadge } from '../components/status-badge'
import { placeLabel } from '../identity'
import { deadlineNote, statusLabel } from '../issue-format'
import { issuesApi, queryString, type Issue } from '../issues-api'
import { countyName } from '../reference'
import { followLink, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'

/** A list for a meeting, not a ledger: a few hundred open items at most in a county. */
const MAX_ROWS = 1000
const PAGE = 200

type Load = { state: 'loading' } | { state: 'ready'; items: Issue[]; more: boolean } | { state: 'failed'; message: string }

async function allOpen(query: string): Promise<{ items: Issue[]; more: boolean }> {
  const items: Issue[] = []
  let cursor: string | null = null
  do {
    const page = await issuesApi.list(`${query}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && items.length < MAX_ROWS)
  return { items, more: cursor !== null }
}

export default function IssuesPressPage() {
  useTitle('督办清单')
  const user = useUser()
  const { reference } = useSession()
  const countyCode = new URLSearchParams(useSearch()).get('countyCode') ?? undefined
  const filters = { status: 'assigned,rectifying', countyCode }
  const query = `${queryString(filters)}&sort=deadline`
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    setLoad({ state: 'loading' })
    allOpen(query).then(
      (r) => live && setLoad({ state: 'ready', ...r }),
      (e) => live && setLoad({ state: 'failed', message: asApiError(e, '督办清单加载失败').message }),
    )
    return () => {
      live = false
    }
  }, [query, attempt])
  const today = todayInShanghai()
  const scope = countyCode ? countyName(reference, countyCode) : placeLabel(user, reference)

  const groups = new Map<string, Issue[]>()
  if (load.state === 'ready') for (const i of load.items) groups.set(i.unitName ?? '—', [...(groups.get(i.unitName ?? '—') ?? []), i])

  return (
    <AppShell>
      <div class="press-list">
        <div class="no-print">
          <PageHeader title="督办清单" back={{ href: '/issues', label: '问题台账' }} note={`范围：${scope} · 已交办和整改中的问题，按责任单位`}>
            <Button onClick={() => window.print()} disabled={load.state !== 'ready'}>
              打印
            </Button>
            <a class="btn btn-secondary" href={issuesApi.exportUrl('xlsx', filters)} download>
              导出 Excel
            </a>
          </PageHeader>
        </div>
        <h1 class="print-only press-print-title">
          {scope}督办清单（{today}）
        </h1>
        {load.state === 'loading' && <Loading label="正在加载督办清单…" />}
        {load.state === 'failed' && <LoadError message={load.message} onRetry={() => setAttempt(attempt + 1)} />}
        {load.state === 'ready' && load.items.length === 0 && <EmptyState title="暂无需要督办的问题" text="已交办和整改中的问题会按责任单位列在这里。" />}
        {load.state === 'ready' && load.more && <p class="muted">只列出时限最近的 {MAX_ROWS} 件；全部请导出 Excel。</p>}
        {[...groups].map(([unit, items]) => (
          <section key={unit} class="press-unit" aria-label={unit}>
            <h2 class="press-unit-title">
              {unit}
              <span class="muted">（{items.length} 件，逾期 {items.filter((i) => i.light === 'red').length} 件）</span>
            </h2>
            <div class="table-wrap">
              <table class="press-table">
                <thead>
                  <tr>
                    <th scope="col">编号</th>
                    <th scope="col">问题</th>
                    {!countyCode && user.role === 'city_staff' && <th scope="col">县市区</th>}
                    <th scope="col">状态</th>
                    <th scope="col">整改时限</th>
                    <th scope="col">距时限</th>
                    <th scope="col">亮灯</th>
                    <th scope="col">督办次数</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id}>
                      <td class="nowrap issue-number" data-label="编号">{i.number ?? '—'}</td>
                      <td class="press-title">
                        <a href={`/issues/${i.id}`} onClick={followLink}>
                          {i.title}
                        </a>
                      </td>
                      {!countyCode && user.role === 'city_staff' && <td class="nowrap" data-label="县市区">{countyName(reference, i.countyCode)}</td>}
                      <td class="nowrap" data-label="状态">{statusLabel(i.status)}</td>
                      <td class="nowrap" data-label="整改时限">{i.deadline ?? '—'}</td>
                      <td class={i.light === 'red' ? 'nowrap is-overdue' : 'nowrap'} data-label="距时限">{deadlineNote(i.deadline, today, true)}</td>
                      <td class="nowrap" data-label="亮灯">
                        <LightBadge light={i.light} />
                      </td>
                      <td class="nowrap" data-label="督办">{i.pressCount > 0 ? `${i.pressCount} 次` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </AppShell>
  )
}
