// The issue lists of the summary report: the overdue ones (who owes what, how late) and the
// closed ones (when, and whether on time), numbered, as tables that print row by row.
import type { Reference } from '../api'
import { daysBetween, fieldName } from '../issue-format'
import type { Issue } from '../issues-api'
import { countyName } from '../reference'
import { followLink } from '../router'

interface ListProps {
  /** Names the table (the id of its caption). */
  id: string
  issues: Issue[]
  reference: Reference | null
  today: string
  /** The city's report names each issue's county. */
  showCounty: boolean
  caption: string
  empty: string
}

function Title({ issue }: { issue: Issue }) {
  return (
    <a href={`/issues/${issue.id}`} onClick={followLink}>
      {issue.title}
    </a>
  )
}

/** Oldest deadline first: the longest overdue lead the list. */
export function OverdueList({ id, issues, reference, today, showCounty, caption, empty }: ListProps) {
  if (issues.length === 0) return <p class="report-none">{empty}</p>
  const sorted = [...issues].sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''))
  return (
    <>
      <p class="report-caption" id={id}>
        {caption}
      </p>
      <div class="report-scroll">
        <table class="report-table report-list" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col" class="nowrap">序号</th>
              {showCounty && <th scope="col">县市区</th>}
              <th scope="col">问题</th>
              <th scope="col">监督领域</th>
              <th scope="col">责任单位</th>
              <th scope="col" class="nowrap">整改时限</th>
              <th scope="col" class="nowrap">逾期天数</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((issue, i) => (
              <tr key={issue.id}>
                <td class="rl-n">{i + 1}</td>
                {showCounty && <td class="nowrap">{countyName(reference, issue.countyCode)}</td>}
                <td class="rl-title">
                  <Title issue={issue} />
                </td>
                <td>{fieldName(reference, issue.fieldCode, issue.year)}</td>
                <td>{issue.unitName ?? '—'}</td>
                <td class="nowrap">{issue.deadline ?? '—'}</td>
                <td class="rl-n rl-late">{issue.deadline ? daysBetween(issue.deadline, today) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** Latest closure first. */
export function ClosedList({ id, issues, reference, showCounty, caption, empty }: ListProps) {
  if (issues.length === 0) return <p class="report-none">{empty}</p>
  const sorted = [...issues].sort((a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? ''))
  return (
    <>
      <p class="report-caption" id={id}>
        {caption}
      </p>
      <div class="report-scroll">
        <table class="report-table report-list" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col" class="nowrap">序号</th>
              {showCounty && <th scope="col">县市区</th>}
              <th scope="col">问题</th>
              <th scope="col">监督领域</th>
              <th scope="col">责任单位</th>
              <th scope="col" class="nowrap">销号日期</th>
              <th scope="col" class="nowrap">是否按期</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((issue, i) => (
              <tr key={issue.id}>
                <td class="rl-n">{i + 1}</td>
                {showCounty && <td class="nowrap">{countyName(reference, issue.countyCode)}</td>}
                <td class="rl-title">
                  <Title issue={issue} />
                </td>
                <td>{fieldName(reference, issue.fieldCode, issue.year)}</td>
                <td>{issue.unitName ?? '—'}</td>
                <td class="nowrap">{issue.closedOn ?? '—'}</td>
                <td class="nowrap">{issue.closedOnTime === null ? '—' : issue.closedOnTime ? '按期' : '逾期'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
