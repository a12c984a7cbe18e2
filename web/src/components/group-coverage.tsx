// 七个领域代表小组覆盖: for each county in scope, whether every field of the year has a group, and
// the fields that have none; each county links to its groups. Loads GET /stats/groups itself, so
// a dashboard or report shows it beside its own figures.
import { useCallback, useEffect, useState } from 'preact/hooks'
import type { Reference } from '../api'
import { asApiError } from '../api'
import { groupsApi, type Coverage } from '../groups-api'
import { fieldName } from '../issue-format'
import { countyName } from '../reference'
import { Loading } from './loading'
import { Section } from './stats-section'
import { LoadError } from './states'

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; coverage: Coverage }

interface GroupCoverageProps {
  year: number
  /** One county's row only; all rows in scope without it. */
  countyCode?: string
  reference: Reference | null
  /** Changed by the screen when groups change, to load the coverage again. */
  refresh?: number
}

export function GroupCoverage({ year, countyCode, reference, refresh = 0 }: GroupCoverageProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const fetch = useCallback(() => {
    setLoad({ state: 'loading' })
    groupsApi.coverage(year).then(
      (coverage) => setLoad({ state: 'ready', coverage }),
      (e: unknown) => setLoad({ state: 'failed', message: asApiError(e, '加载失败，请稍后重试').message }),
    )
  }, [year, refresh])
  useEffect(fetch, [fetch])
  const rows = load.state === 'ready' ? load.coverage.rows.filter((r) => !countyCode || r.countyCode === countyCode) : []
  const complete = rows.filter((r) => r.complete).length
  const fields = load.state === 'ready' ? load.coverage.fieldCodes.length : 0
  const note =
    load.state !== 'ready'
      ? undefined
      : countyCode
        ? `每个领域都要设立 1 个以上代表小组，确保 ${fields} 个领域全覆盖。`
        : `每个领域都要设立 1 个以上代表小组；${rows.length} 个县市区中 ${complete} 个已全覆盖。`
  return (
    <Section id="sec-group-coverage" title="七个领域代表小组覆盖" note={note}>
      {load.state === 'loading' && <Loading label="正在加载代表小组…" />}
      {load.state === 'failed' && <LoadError message={load.message} onRetry={fetch} />}
      {load.state === 'ready' && (
        <ul class="coverage-list">
          {rows.map((r) => (
            <li key={r.countyCode} class={r.complete ? 'coverage-row coverage-done' : 'coverage-row coverage-missing'}>
              <a class="coverage-county" href={`/groups?year=${year}&countyCode=${r.countyCode}`}>
                {countyName(reference, r.countyCode) || r.countyCode}
              </a>
              <span class="coverage-state">{r.complete ? `✓ ${fields} 个领域全覆盖` : `${r.covered.length}/${fields} 个领域有小组`}</span>
              <span class="coverage-groups">{r.groups} 个小组</span>
              {!r.complete && <span class="coverage-gaps">尚无小组：{r.missing.map((f) => fieldName(reference, f, year)).join('、')}</span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}
