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
    <>
      {issue.number && <span class="rl-number">{issue.number}</span>}
      <a href={`/issues/${issue.id}`} onClick={followLink}>
        {issue.title}
      </a>
    </>
  )
}

interface Column {
  head: string
  cell: (issue: Issue) => string | number
  /** The cell's class; nowrap unless said. */
  cls?: string
}

/** The numbered table both lists share; they differ in their order and their last two columns. */
function IssueTable({ id, issues, reference, showCounty, caption, empty, order, columns }: ListProps & { order: (a: Issue, b: Issue) => number; columns: [Column, Column] }) {
  if (issues.length === 0) return <p class="report-none">{empty}</p>
  const sorted = [...issues].sort(order)
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
              {columns.map((c) => (
                <th key={c.head} scope="col" class="nowrap">
                  {c.head}
                </th>
              ))}
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
                {columns.map((c) => (
                  <td key={c.head} class={c.cls ?? 'nowrap'}>{c.cell(issue)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

/** Oldest deadline first: the longest overdue lead the list. */
export function OverdueList(props: ListProps) {
  const { today } = props
  return (
    <IssueTable
      {...props}
      order={(a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? '')}
      columns={[
        { head: '整改时限', cell: (issue) => issue.deadline ?? '—' },
        { head: '逾期天数', cell: (issue) => (issue.deadline ? daysBetween(issue.deadline, today) : '—'), cls: 'rl-n rl-late' },
      ]}
    />
  )
}

/** Latest closure first. */
export function ClosedList(props: ListProps) {
  return (
    <IssueTable
      {...props}
      order={(a, b) => (b.closedOn ?? '').localeCompare(a.closedOn ?? '')}
      columns={[
        { head: '销号日期', cell: (issue) => issue.closedOn ?? '—' },
        { head: '是否按期', cell: (issue) => (issue.closedOnTime === null ? '—' : issue.closedOnTime ? '按期' : '逾期') },
      ]}
    />
  )
}
