// Loading the figures of a statistics screen: every table of a year and scope at once, with
// retry; an answer for an older year or county never overwrites a newer one.
import { useEffect, useRef, useState } from 'preact/hooks'
import { ApiError } from '../api'
import type { Issue } from '../issues-api'
import { statsApi, type Activities, type FiveOnesRow, type InactiveDeputy, type Supervision } from '../stats-api'

export interface StatsData {
  sup: Supervision
  act: Activities
  /** The rows in scope: for one county only its own congress. */
  five: FiveOnesRow[]
  townships?: Supervision
  inactive?: InactiveDeputy[]
  overdueIssues?: Issue[]
  closedIssues?: Issue[]
}

export interface StatsRequest {
  year: number
  /** One county; absent for the whole city. */
  countyCode?: string
  /** The county view: by township too, and who to call. */
  county?: boolean
  /** The report: the overdue and closed lists. */
  lists?: boolean
}

export type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; data: StatsData }

async function load({ year, countyCode, county, lists }: StatsRequest): Promise<StatsData> {
  const issueScope = { year, countyCode }
  const [sup, act, fiveAll, townships, inactive, overdueIssues, closedIssues] = await Promise.all([
    statsApi.supervision(year, countyCode),
    statsApi.activities(year, countyCode),
    statsApi.fiveOnes(year),
    county && countyCode ? statsApi.supervision(year, countyCode, 'township') : undefined,
    county && countyCode ? statsApi.inactive(year, countyCode).then((r) => r.items) : undefined,
    lists ? statsApi.allIssues({ ...issueScope, overdue: 'true' }) : undefined,
    lists ? statsApi.allIssues({ ...issueScope, status: 'closed' }) : undefined,
  ])
  const five = countyCode ? fiveAll.rows.filter((r) => r.countyCode === countyCode) : fiveAll.rows
  return { sup, act, five, townships, inactive, overdueIssues, closedIssues }
}

export function useStatsData(request: StatsRequest | null): Loaded & { retry(): void } {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const generation = useRef(0)
  const key = request ? JSON.stringify(request) : ''

  useEffect(() => {
    if (!request) return
    const gen = ++generation.current
    setLoaded({ state: 'loading' })
    load(request).then(
      (data) => gen === generation.current && setLoaded({ state: 'ready', data }),
      (e: unknown) => gen === generation.current && setLoaded({ state: 'failed', message: e instanceof ApiError ? e.message : '统计数据加载失败，请稍后重试' }),
    )
  }, [key, attempt])

  return { ...loaded, retry: () => setAttempt((n) => n + 1) }
}
