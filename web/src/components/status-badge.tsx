// The status of an issue as a coloured badge (one colour per status on every screen), and the
// red 逾期 marker beside it.
import type { IssueStatus } from '../../../worker/core/taxonomy'
import { statusLabel } from '../issue-format'

export function StatusBadge({ status }: { status: IssueStatus }) {
  return <span class={`status status-${status}`}>{statusLabel(status)}</span>
}

export function OverdueBadge({ label = '逾期' }: { label?: string }) {
  return <span class="status status-overdue">{label}</span>
}
