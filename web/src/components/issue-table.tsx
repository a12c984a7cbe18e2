// The ledger as a dense table for a desk screen: one row per issue, the title opens it.
import type { Reference } from '../api'
import type { Issue } from '../issues-api'
import { deadlineNote, fieldName } from '../issue-format'
import { countyName } from '../reference'
import { followLink } from '../router'
import { LightBadge, PressBadge, StatusBadge } from './status-badge'

interface IssueTableProps {
  issues: Issue[]
  reference: Reference | null
  today: string
  showCounty: boolean
}

export function IssueTable({ issues, reference, today, showCounty }: IssueTableProps) {
  return (
    <div class="table-wrap">
      <table class="table issue-table">
        <thead>
          <tr>
            <th scope="col">状态</th>
            <th scope="col">问题</th>
            <th scope="col">监督领域</th>
            {showCounty && <th scope="col">县市区</th>}
            <th scope="col">乡镇 · 位置</th>
            <th scope="col">责任单位</th>
            <th scope="col">整改时限</th>
            <th scope="col">发现日期</th>
            <th scope="col">反映人</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => {
            const open = issue.status === 'assigned' || issue.status === 'rectifying'
            const due = deadlineNote(issue.deadline, today, open)
            return (
              <tr key={issue.id} class={issue.overdue ? 'is-overdue-row' : undefined}>
                <td>
                  <span class="cell-badges">
                    <StatusBadge status={issue.status} />
                    <LightBadge light={issue.light} />
                    {issue.declinedNote && issue.status === 'reported' && <span class="status status-declined">已退办</span>}
                    <PressBadge count={issue.pressCount} />
                  </span>
                  {issue.status === 'rectifying' && <span class="cell-sub">进度 {issue.progress}%</span>}
                </td>
                <td class="cell-title">
                  <a href={`/issues/${issue.id}`} onClick={followLink}>
                    {issue.title}
                  </a>
                  {issue.kind === 'suggestion' && <span class="badge">意见建议</span>}
                  {issue.number && <span class="cell-sub issue-number">{issue.number}</span>}
                </td>
                <td>{fieldName(reference, issue.fieldCode, issue.year)}</td>
                {showCounty && <td class="nowrap">{countyName(reference, issue.countyCode)}</td>}
                <td>{[issue.township, issue.location].filter(Boolean).join(' · ') || '—'}</td>
                <td>{issue.unitName ?? '—'}</td>
                <td class={issue.overdue ? 'nowrap is-overdue' : 'nowrap'}>
                  {issue.deadline ?? '—'}
                  {due && <span class="cell-sub">{due}</span>}
                </td>
                <td class="nowrap">{issue.foundOn}</td>
                <td class="nowrap">{issue.reporterName}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
