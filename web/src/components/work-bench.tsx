// 工作台: the counts of what waits for this person, one card each, each opening exactly the
// records it counts; with loading, empty and error states. One request (GET /me/summary).
import { useEffect, useState } from 'preact/hooks'
import type { Role } from '../../../worker/core/taxonomy'
import { asApiError } from '../api'
import { COUNT_LABELS, meApi, pageFor, type Summary } from '../me-api'
import { countyName } from '../reference'
import type { Reference } from '../api'
import { followLink } from '../router'
import { Loading } from './loading'
import { LoadError } from './states'
import '../bench.css'

interface WorkBenchProps {
  role: Role
  reference: Reference | null
  /** Records kept on this phone, not yet sent (the outbox): a deputy's own count. */
  unsent?: number
}

type Load = { state: 'loading' } | { state: 'ready'; summary: Summary } | { state: 'failed'; message: string }

/** Counts that mean something is late: shown with the red light's shape and word. */
const URGENT = new Set(['overdue', 'pressed', 'declined', 'returned'])

export function WorkBench({ role, reference, unsent = 0 }: WorkBenchProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    setLoad({ state: 'loading' })
    meApi.summary().then(
      (summary) => live && setLoad({ state: 'ready', summary }),
      (e) => live && setLoad({ state: 'failed', message: asApiError(e, '工作台加载失败').message }),
    )
    return () => {
      live = false
    }
  }, [attempt])

  if (load.state === 'loading') return <Loading label="正在统计待办事项…" />
  if (load.state === 'failed') return <LoadError message={load.message} onRetry={() => setAttempt(attempt + 1)} />
  const { summary } = load
  const cards = Object.entries(summary.counts).map(([name, n]) => ({ name, n, href: pageFor(role, name, summary.lists[name] ?? '') }))
  if (role === 'deputy') cards.push({ name: 'unsent', n: unsent, href: '/outbox' })
  const nothing = cards.every((c) => c.n === 0)

  return (
    <div class="bench">
      {nothing && <p class="bench-empty">目前没有需要您处理的事项。</p>}
      <ul class="bench-grid" aria-label="待办事项计数">
        {cards.map((c) => (
          <li key={c.name}>
            <a class={`bench-card${c.n > 0 && URGENT.has(c.name) ? ' bench-card-urgent' : ''}${c.n === 0 ? ' bench-card-zero' : ''}`} href={c.href} onClick={followLink}>
              <span class="bench-count">{c.n > 99 ? '99+' : c.n}</span>
              <span class="bench-label">
                {c.n > 0 && URGENT.has(c.name) && (
                  <span class="bench-icon" aria-hidden="true">
                    !
                  </span>
                )}
                {COUNT_LABELS[c.name] ?? c.name}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {summary.overdueByCounty && (
        <details class="bench-counties">
          <summary>各县市区逾期情况</summary>
          <ul class="bench-county-list">
            {summary.overdueByCounty.map((r) => (
              <li key={r.countyCode}>
                <a href={`/issues?countyCode=${r.countyCode}&light=red`} onClick={followLink} class={r.overdue > 0 ? 'is-overdue' : undefined}>
                  {countyName(reference, r.countyCode)}：逾期 {r.overdue} 件
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
