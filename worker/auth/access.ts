// The one place that decides access: what each role may do (the PERMISSIONS table routes and
// services ask by name) and which rows it reaches (its scope: which counties, which unit, whose
// records). Every scoped query takes its filter from here, and a record outside the scope is
// answered as 404 (never 403), so that nobody learns what exists in another county.
import { STAFF_ROLES, type Role } from '../core/taxonomy'
import { Forbidden } from '../core/errors'
import type { SessionUser } from './sessions'

export type Scope =
  /** City staff: every county and the city itself. */
  | { kind: 'city' }
  /** County staff: everything of one county. */
  | { kind: 'county'; countyCode: string }
  /** A responsible unit: issues assigned to it. */
  | { kind: 'unit'; countyCode: string; unitId: string }
  /** A deputy: their own activities and the issues they reported. */
  | { kind: 'deputy'; countyCode: string; userId: string }

export function scopeOf(user: SessionUser): Scope {
  switch (user.role) {
    case 'city_staff':
      return { kind: 'city' }
    case 'county_staff':
      return { kind: 'county', countyCode: must(user.countyCode) }
    case 'unit':
      return { kind: 'unit', countyCode: must(user.countyCode), unitId: must(user.unitId) }
    case 'deputy':
      return { kind: 'deputy', countyCode: must(user.countyCode), userId: user.id }
  }
}

function must(v: string | null): string {
  // The schema's CHECKs make these present for the roles that need them.
  if (!v) throw new Error('account is missing its county or unit')
  return v
}

const STAFF: readonly Role[] = STAFF_ROLES
const CITY: readonly Role[] = ['city_staff']

/**
 * What each role may do at all, by name. Which rows it may do it to is its scope (below): a
 * county staff member's `roster.manage` reaches their own county's deputies only.
 */
export const PERMISSIONS = {
  /** File an issue (in one's own county). */
  'issue.create': ['deputy', 'county_staff', 'city_staff'],
  /** File an issue in any county, choosing it. */
  'issue.create.any_county': CITY,
  /** Import a county's Excel ledger (台账导入): county staff their own county, city staff naming one. */
  'issue.import': STAFF,
  /** Read activities and deputies' yearly records (units have none). */
  'activity.read': ['deputy', 'county_staff', 'city_staff'],
  /** Record an activity (a deputy their own). */
  'activity.create': ['deputy', 'county_staff', 'city_staff'],
  /** Record an activity for a deputy in scope, naming them. */
  'activity.create.for_deputy': STAFF,
  /** Confirm or return a submitted activity. */
  'activity.review': STAFF,
  /** List, add, change and import deputies. */
  'roster.manage': STAFF,
  /** List and add responsible units. */
  'unit.manage': STAFF,
  /** List, create, change and reset accounts, issue activation codes, read account history. */
  'account.manage': STAFF,
  /** Which accounts' kinds a staff member lists (GET /users). */
  'account.list.unit': STAFF,
  'account.list.county_staff': STAFF,
  'account.list.city_staff': CITY,
  /** Which kinds of account a staff member creates. */
  'account.create.unit': STAFF,
  'account.create.county_staff': CITY,
  'account.create.city_staff': CITY,
  /** Whose password a staff member resets and whom they issue activation codes for. */
  'account.credential.deputy': STAFF,
  'account.credential.unit': STAFF,
  'account.credential.county_staff': CITY,
  'account.credential.city_staff': CITY,
  /** The statistics ledger, its export and the deputies to call. */
  'stats.read': STAFF,
  /** The city's own congress as a row of the 五个一 figures. */
  'stats.city_congress': CITY,
  /** Record 五个一 (in a county one may manage). */
  'five_one.write': STAFF,
  'five_one.read': STAFF,
  /** Withdraw a wrongly attached photo (within the record's scope), and still see it afterwards. */
  'photo.withdraw': STAFF,
  /** Create and change deputy groups (of a county one may manage). */
  'group.manage': STAFF,
  /** The commendation table (一年一表彰) and its print and export. */
  'commendation.read': STAFF,
  /** Nominate a deputy as 优秀人大代表 (of a county one may manage), change or withdraw the nomination. */
  'nomination.write': STAFF,
  /** Confirm a county's nomination: the city's decision. */
  'nomination.confirm': CITY,
  /** Set a year's N (days before a deadline that turn an item yellow). */
  'settings.write': CITY,
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

/** May this user's role do this at all? */
export function can(user: { role: Role }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role)
}

/** Throws 403 unless the user's role may do this at all. */
export function requirePermission(user: { role: Role }, permission: Permission, message?: string): void {
  if (!can(user, permission)) throw new Forbidden(message)
}

/**
 * The counties a staff list may read: null for "all" (city staff), else the one county.
 * A requested county outside that scope yields an empty set, never another county's rows.
 */
export function staffCountyFilter(scope: Scope, requested?: string): { all: true } | { codes: string[] } {
  if (scope.kind === 'city') return requested ? { codes: [requested] } : { all: true }
  if (requested && requested !== scope.countyCode) return { codes: [] }
  return { codes: [scope.countyCode] }
}

/** May a staff member administer (read, create, reset) people and units of this county? */
export function canManageCounty(scope: Scope, countyCode: string | null): boolean {
  if (scope.kind === 'city') return true
  return scope.kind === 'county' && countyCode === scope.countyCode
}

/** May this user read the account record of another user? Staff within their scope, others only their own. */
export function canReadUser(user: SessionUser, target: { id: string; countyCode: string | null }): boolean {
  if (user.id === target.id) return true
  const scope = scopeOf(user)
  if (scope.kind === 'city') return true
  return scope.kind === 'county' && target.countyCode === scope.countyCode
}

/**
 * May a staff member change (edit, end, restore) this account, which they can already read?
 * City staff: every account. County staff: their county's deputies and unit accounts only.
 */
export function canChangeAccount(user: SessionUser, target: { role: Role; countyCode: string | null }): boolean {
  const scope = scopeOf(user)
  if (scope.kind === 'city') return true
  return scope.kind === 'county' && target.countyCode === scope.countyCode && (target.role === 'deputy' || target.role === 'unit')
}

/** Which issues a scope covers: the filter every issue query starts from. */
export type IssueScopeFilter = { all: true } | { countyCode: string } | { unitId: string } | { reporterId: string }

export function issueScope(scope: Scope): IssueScopeFilter {
  switch (scope.kind) {
    case 'city':
      return { all: true }
    case 'county':
      return { countyCode: scope.countyCode }
    case 'unit':
      return { unitId: scope.unitId }
    case 'deputy':
      return { reporterId: scope.userId }
  }
}

/** May this scope see this issue? (Outside it, every issue route answers 404.) */
export function canSeeIssue(scope: Scope, issue: { countyCode: string; unitId: string | null; reporterId: string }): boolean {
  const f = issueScope(scope)
  if ('all' in f) return true
  if ('countyCode' in f) return issue.countyCode === f.countyCode
  if ('unitId' in f) return issue.unitId === f.unitId
  return issue.reporterId === f.reporterId
}

/** Which activities (and deputies' records) a scope covers. Units have none: they get 403. */
export type ActivityScopeFilter = { all: true } | { countyCode: string } | { deputyId: string }

export function activityScope(user: SessionUser): ActivityScopeFilter {
  requirePermission(user, 'activity.read')
  const scope = scopeOf(user)
  switch (scope.kind) {
    case 'city':
      return { all: true }
    case 'county':
      return { countyCode: scope.countyCode }
    case 'deputy':
      return { deputyId: scope.userId }
    case 'unit':
      throw new Forbidden()
  }
}

export function canSeeActivity(f: ActivityScopeFilter, a: { countyCode: string; deputyId: string }): boolean {
  if ('all' in f) return true
  if ('countyCode' in f) return a.countyCode === f.countyCode
  return a.deputyId === f.deputyId
}
