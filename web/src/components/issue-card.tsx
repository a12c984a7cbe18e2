// One issue as a card in a phone list: status first, then the title, then what a person scans
// for (field, place, unit, deadline). The whole card opens the issue.
import type { Reference } from '../api'
import type { Issue } from '../issues-api'
import { deadlineNote, fieldName, kindLabel } from '../issue-format'
import { countyName } from '../reference'
import { followLink } from '../router'
import { ProgressBar } from './progress-bar'
import { LightBadge, PressBadge, StatusBadge } from './status-badge'

interface IssueCardProps {
  issue: Issue
  reference: Reference | null
  today: string
  showCounty?: boolean
  showReporter?: boolean
}

export function IssueCard({ issue, reference, today, showCounty, showReporter }: IssueCardProps) {
  const open = issue.status === 'assigned' || issue.status === 'rectifying'
  const place = [showCounty ? countyName(reference, issue.countyCode) : '', issue.township, issue.location].filter(Boolean).join(' · ')
  const due = deadlineNote(issue.deadline, today, open)
  return (
    <a class={issue.overdue ? 'issue-card issue-card-overdue' : 'issue-card'} href={`/issues/${issue.id}`} onClick={followLink}>
      <span class="issue-card-badges">
        <StatusBadge status={issue.status} />
        <LightBadge light={issue.light} />
        {issue.declinedNote && issue.status === 'reported' && <span class="status status-declined">已退办</span>}
        <PressBadge count={issue.pressCount} />
        {issue.kind === 'suggestion' && <span class="badge">{kindLabel(issue.kind)}</span>}
        {issue.number && <span class="issue-card-number">{issue.number}</span>}
        <span class="issue-card-date">{issue.foundOn}</span>
      </span>
      <span class="issue-card-title">{issue.title}</span>
      <span class="issue-card-meta">
        <span>{fieldName(reference, issue.fieldCode, issue.year)}</span>
        {place && <span>{place}</span>}
      </span>
      {issue.unitName && (
        <span class="issue-card-unit">
          <span class="issue-card-label">责任单位</span>
          {issue.unitName}
        </span>
      )}
      {issue.deadline && (
        <span class={issue.overdue ? 'issue-card-unit is-overdue' : 'issue-card-unit'}>
          <span class="issue-card-label">整改时限</span>
          {issue.deadline}
          {due && <span class="issue-card-due">（{due}）</span>}
        </span>
      )}
      {issue.status === 'rectifying' && <ProgressBar value={issue.progress} />}
      {issue.groupName && <span class="issue-card-reporter">代表小组：{issue.groupName}</span>}
      {showReporter && <span class="issue-card-reporter">反映人：{issue.reporterName}</span>}
    </a>
  )
}
