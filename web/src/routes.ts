// Every screen of the app as one table: its address (with :params), the screen (a chunk of its
// own, loaded through lazy.tsx) and the roles that may open it. The router matches against it,
// app.tsx applies `roles` once (a screen never checks roles for access), and the home screen's
// navigation (nav.ts) names its items by these patterns and shows a role only what it may open.
// The sign-in page's download carries this module: labels and descriptions live in nav.ts.
import type { Role } from '../../worker/core/taxonomy'
import { lazyPage, type LazyScreen } from './lazy'

export interface Route {
  /** The address: fixed segments and :params, e.g. '/issues/:id'. */
  pattern: string
  page: LazyScreen
  /** Who may open it; 'guest' for the sign-in screens, which only someone not signed in sees. */
  roles: readonly Role[] | 'guest'
}

// The same groups as the server's permissions (worker/auth/access.ts): a screen is open to whoever
// may do what it is for, e.g. 履职审核 to `activity.review`. Spelled out rather than taxonomy's
// ROLES, whose module would bring every label into the sign-in page's chunk.
const EVERYONE: readonly Role[] = ['deputy', 'unit', 'county_staff', 'city_staff']
const STAFF: readonly Role[] = ['county_staff', 'city_staff']
/** `issue.create`, `activity.read`, `activity.create`: units have no activities and file no issues. */
const NOT_UNITS: readonly Role[] = ['deputy', 'county_staff', 'city_staff']
const DEPUTY: readonly Role[] = ['deputy']
const UNIT: readonly Role[] = ['unit']

// One chunk for both addresses: /activate (the QR code of 开通通知单) is the sign-in screen's other form.
const LoginPage = lazyPage(() => import('./pages/login'))

/** The screen for an address that is in no route. */
export const NotFoundPage = lazyPage(() => import('./pages/not-found'))
/** The screen for a route whose `roles` leave out the signed-in account's role, with a way home. */
export const NotForRolePage = lazyPage(() => import('./pages/not-for-role'))

const activityPage = () => import('./pages/activity-detail')
/**
 * 记录履职's parts that ride in the activity page's chunk, loaded when needed (see
 * pages/activity-new.tsx): 集体活动, and the roster search with which staff pick a deputy.
 */
export const loadFormParts = activityPage

export const ROUTES = [
  { pattern: '/', page: lazyPage(() => import('./pages/home')), roles: EVERYONE },
  { pattern: '/login', page: LoginPage, roles: 'guest' },
  { pattern: '/activate', page: LoginPage, roles: 'guest' },
  { pattern: '/password', page: lazyPage(() => import('./pages/password')), roles: EVERYONE },
  { pattern: '/outbox', page: lazyPage(() => import('./pages/outbox')), roles: EVERYONE },
  { pattern: '/issues', page: lazyPage(() => import('./pages/issues-ledger')), roles: STAFF },
  { pattern: '/issues/new', page: lazyPage(() => import('./pages/issue-new')), roles: NOT_UNITS },
  { pattern: '/issues/import', page: lazyPage(() => import('./pages/issues-import')), roles: STAFF },
  { pattern: '/issues/mine', page: lazyPage(() => import('./pages/issues-mine')), roles: DEPUTY },
  { pattern: '/issues/todo', page: lazyPage(() => import('./pages/issues-todo')), roles: UNIT },
  { pattern: '/issues/:id', page: lazyPage(() => import('./pages/issue-detail')), roles: EVERYONE },
  { pattern: '/units', page: lazyPage(() => import('./pages/units')), roles: STAFF },
  { pattern: '/activities', page: lazyPage(() => import('./pages/activities')), roles: NOT_UNITS },
  { pattern: '/activities/new', page: lazyPage(() => import('./pages/activity-new')), roles: NOT_UNITS },
  { pattern: '/activities/mine', page: lazyPage(() => import('./pages/activities-mine')), roles: DEPUTY },
  { pattern: '/activities/progress', page: lazyPage(() => import('./pages/activities-progress')), roles: DEPUTY },
  { pattern: '/activities/review', page: lazyPage(() => import('./pages/activities-review')), roles: STAFF },
  { pattern: '/activities/:id', page: lazyPage(activityPage), roles: NOT_UNITS },
  // Only the deputy whose record it is may change it (the server answers 403 to anyone else).
  { pattern: '/activities/:id/edit', page: lazyPage(() => import('./pages/activity-edit')), roles: DEPUTY },
  { pattern: '/deputies', page: lazyPage(() => import('./pages/deputies')), roles: STAFF },
  // A deputy's own yearly record, or any deputy's for staff.
  { pattern: '/deputies/:id/record', page: lazyPage(() => import('./pages/deputy-record')), roles: NOT_UNITS },
  { pattern: '/five-ones', page: lazyPage(() => import('./pages/five-ones')), roles: STAFF },
  { pattern: '/accounts', page: lazyPage(() => import('./pages/accounts')), roles: STAFF },
  { pattern: '/dashboard', page: lazyPage(() => import('./pages/dashboard')), roles: STAFF },
  { pattern: '/report', page: lazyPage(() => import('./pages/report')), roles: STAFF },
  { pattern: '/slips', page: lazyPage(() => import('./pages/slips')), roles: STAFF },
  { pattern: '/groups', page: lazyPage(() => import('./pages/groups')), roles: STAFF },
  { pattern: '/commendation', page: lazyPage(() => import('./pages/commendation')), roles: STAFF },
  { pattern: '/commendation/print', page: lazyPage(() => import('./pages/commendation-print')), roles: STAFF },
] as const satisfies readonly Route[]

/** An address of the table, as written there ('/issues/:id'). */
export type RoutePattern = (typeof ROUTES)[number]['pattern']

export interface Match {
  route: Route
  /** The :params of the pattern, decoded ('/issues/:id' on /issues/a%20b gives { id: 'a b' }). */
  params: Record<string, string>
}

/**
 * The route for a path (without its query), or null. A fixed segment beats a parameter, so
 * /issues/new is the form and not an issue called "new", whatever the order of the table.
 */
export function matchRoute(path: string, routes: readonly Route[] = ROUTES): Match | null {
  let best: Match | null = null
  for (const route of routes) {
    // Patterns are plain segments and :params, nothing a regular expression would read otherwise.
    const names: string[] = []
    const found = new RegExp(`^${route.pattern.replace(/:\w+/g, (p) => (names.push(p.slice(1)), '([^/]+)'))}$`).exec(path)
    // Same number of segments: fewer params is more fixed segments, the more specific route.
    if (!found || (best && names.length >= Object.keys(best.params).length)) continue
    try {
      best = { route, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)])) }
    } catch {
      // A malformed escape (/issues/%E0) matches nothing rather than throwing during render.
    }
  }
  return best
}

/** May this role (null: nobody signed in) open the route? The sign-in screens are for nobody signed in. */
export function allows(route: Route, role: Role | null): boolean {
  return route.roles === 'guest' ? role === null : role !== null && route.roles.includes(role)
}

/** Is the path a sign-in screen, the only screens someone not signed in may see? */
export function isGuestPath(path: string): boolean {
  return matchRoute(path)?.route.roles === 'guest'
}

/**
 * The screen for a path: the route's page with its params, the not-found screen for an address
 * in no route, or the "not for your role" screen. (app.tsx's redirects run first: nobody signed
 * in is sent to /login, a signed-in account away from it.)
 */
export function screenFor(path: string, role: Role | null): { page: LazyScreen; params: Record<string, string> } {
  const match = matchRoute(path)
  if (!match) return { page: NotFoundPage, params: {} }
  if (!allows(match.route, role)) return { page: NotForRolePage, params: {} }
  return { page: match.route.page, params: match.params }
}
