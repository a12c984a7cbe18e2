// The status of an activity as a coloured badge (待审核 amber, 已确认 green, 已退回 red), the same
// badge shape as an issue's.
import type { ActivityStatus } from '../../../worker/core/taxonomy'
import { activityStatusLabel } from '../activity-format'

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  return <span class={`status status-act-${status}`}>{activityStatusLabel(status)}</span>
}
