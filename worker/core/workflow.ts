// The issue workflow as one table: which action, by whom, from which status, to which status,
// needing which fields. The service enforces it and the web reads it to decide which buttons a
// person sees, so the two can never disagree.
import { isStaff, type IssueAction, type IssueStatus, type Role } from './taxonomy'

/** How the acting person stands to an issue they can see. */
export type Actor = 'staff' | 'assigned_unit' | 'reporter' | 'viewer'

export type ActionField = 'note' | 'unitId' | 'requirement' | 'deadline' | 'progress'

export interface Transition {
  action: Exclude<IssueAction, 'create'>
  by: readonly Actor[]
  from: readonly IssueStatus[] | 'any'
  /** 'same' keeps the status (progress, extend, comment). */
  to: IssueStatus | 'same'
  needs: readonly ActionField[]
  /** Fields the action may carry but need not. */
  may?: readonly ActionField[]
}

const ALL_VIEWERS: readonly Actor[] = ['staff', 'assigned_unit', 'reporter', 'viewer']

export const WORKFLOW: readonly Transition[] = [
  { action: 'assign', by: ['staff'], from: ['reported', 'assigned', 'rectifying'], to: 'assigned', needs: ['unitId', 'requirement', 'deadline'], may: ['note'] },
  { action: 'reject', by: ['staff'], from: ['reported'], to: 'rejected', needs: ['note'] },
  { action: 'accept', by: ['assigned_unit'], from: ['assigned'], to: 'rectifying', needs: [], may: ['note'] },
  { action: 'decline', by: ['assigned_unit'], from: ['assigned'], to: 'reported', needs: ['note'] },
  { action: 'progress', by: ['assigned_unit'], from: ['rectifying'], to: 'same', needs: ['note'], may: ['progress'] },
  { action: 'complete', by: ['assigned_unit'], from: ['rectifying'], to: 'rectified', needs: ['note'] },
  { action: 'verify', by: ['staff'], from: ['rectified'], to: 'closed', needs: [], may: ['note'] },
  { action: 'return', by: ['staff'], from: ['rectified'], to: 'rectifying', needs: ['note'] },
  { action: 'extend', by: ['staff'], from: ['assigned', 'rectifying'], to: 'same', needs: ['deadline', 'note'] },
  { action: 'comment', by: ALL_VIEWERS, from: 'any', to: 'same', needs: ['note'] },
  { action: 'press', by: ['staff'], from: ['assigned', 'rectifying'], to: 'same', needs: ['note'], may: ['requirement'] },
]

export function transitionOf(action: string): Transition | undefined {
  return WORKFLOW.find((t) => t.action === action)
}

/** The actor a user is for an issue they can see. */
export function actorFor(
  user: { id: string; role: Role; unitId: string | null },
  issue: { reporterId: string; unitId: string | null },
): Actor {
  if (isStaff(user.role)) return 'staff'
  if (user.role === 'unit' && issue.unitId !== null && user.unitId === issue.unitId) return 'assigned_unit'
  if (user.id === issue.reporterId) return 'reporter'
  return 'viewer'
}

export function mayAct(t: Transition, actor: Actor): boolean {
  return t.by.includes(actor)
}

export function allowedFrom(t: Transition, status: IssueStatus): boolean {
  return t.from === 'any' || t.from.includes(status)
}

/** The actions a person may take on an issue now, in table order (what the buttons show). */
export function availableActions(actor: Actor, status: IssueStatus): Transition['action'][] {
  return WORKFLOW.filter((t) => mayAct(t, actor) && allowedFrom(t, status)).map((t) => t.action)
}

export function targetStatus(t: Transition, from: IssueStatus): IssueStatus {
  return t.to === 'same' ? from : t.to
}

/** Statuses in which the deadline runs (an issue past it is overdue). */
export const OPEN_STATUSES: readonly IssueStatus[] = ['assigned', 'rectifying']

/** Overdue: a deadline before today (Asia/Shanghai) while the unit still owes the fix. */
export function isOverdue(issue: { status: IssueStatus; deadline: string | null }, today: string): boolean {
  return issue.deadline !== null && OPEN_STATUSES.includes(issue.status) && issue.deadline < today
}

/** What each action's note is called when it is required (the form label and the error). */
export const NOTE_PROMPTS: Record<Transition['action'], string> = {
  assign: '交办说明',
  reject: '不予受理的理由',
  accept: '接收说明',
  decline: '退办理由',
  progress: '整改进展',
  complete: '整改完成情况',
  verify: '验收意见',
  return: '退回重改的理由',
  extend: '延期理由',
  comment: '备注内容',
  press: '督办意见',
}
