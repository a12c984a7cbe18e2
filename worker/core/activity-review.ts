// The activity review as one table beside the issue workflow: from which status an action
// goes to which, by whom, needing a note or not. The activities service enforces it.
import type { ActivityStatus } from './taxonomy'

export type ActivityAction = 'edit' | 'confirm' | 'return'

export interface ActivityTransition {
  action: ActivityAction
  /** The deputy the activity belongs to, or staff reviewing it (permission activity.review). */
  by: 'owner' | 'reviewer'
  from: readonly ActivityStatus[]
  to: ActivityStatus
  needsNote: boolean
}

export const ACTIVITY_REVIEW: readonly ActivityTransition[] = [
  { action: 'edit', by: 'owner', from: ['submitted', 'returned'], to: 'submitted', needsNote: false },
  { action: 'confirm', by: 'reviewer', from: ['submitted'], to: 'confirmed', needsNote: false },
  { action: 'return', by: 'reviewer', from: ['submitted'], to: 'returned', needsNote: true },
]

export function activityTransition(action: ActivityAction): ActivityTransition {
  return ACTIVITY_REVIEW.find((t) => t.action === action)!
}
