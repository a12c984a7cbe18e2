// The routes table as data: every screen opens for its roles and shows the "not for your role"
// screen to the others, :params are parsed, fixed segments beat params, an unknown address is the
// not-found screen, and each role's menu names screens that role may open. Runs in Node (the
// table only holds loaders: no screen is imported).
import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../../worker/core/taxonomy'
import { MENUS, NAV } from './nav'
import { isGuestPath, matchRoute, NotForRolePage, NotFoundPage, ROUTES, screenFor, type Route } from './routes'

/** An address of the route, with a value for each :param. */
const sample = (route: Route) => route.pattern.replace(/:\w+/g, 'rec-1')
const route = (pattern: string) => ROUTES.find((r) => r.pattern === pattern)!

describe('the routes table', () => {
  it('gives every address a pattern of its own', () => {
    expect(new Set(ROUTES.map((r) => r.pattern)).size).toBe(ROUTES.length)
  })

  it.each(ROUTES.filter((r) => r.roles !== 'guest').map((r) => [r.pattern, r] as const))('opens %s for its roles and for no other', (_pattern, r) => {
    for (const role of ROLES) {
      const allowed = (r.roles as readonly Role[]).includes(role)
      expect(screenFor(sample(r), role).page, `${role} on ${r.pattern}`).toBe(allowed ? r.page : NotForRolePage)
    }
  })

  it('opens the sign-in screens to nobody signed in, and nothing else', () => {
    for (const r of ROUTES) {
      expect(isGuestPath(sample(r)), r.pattern).toBe(r.pattern === '/login' || r.pattern === '/activate')
      expect(screenFor(sample(r), null).page, r.pattern).toBe(r.roles === 'guest' ? r.page : NotForRolePage)
    }
    expect(route('/login').page).toBe(route('/activate').page)
  })

  it('keeps the screens of each role as they were: staff-only, deputy-only, unit-only and shared', () => {
    const opens = (pattern: string) => ROLES.filter((role) => screenFor(sample(route(pattern)), role).page !== NotForRolePage)
    for (const p of ['/issues', '/issues/import', '/units', '/activities/review', '/deputies', '/five-ones', '/accounts', '/dashboard', '/report', '/slips']) expect(opens(p), p).toEqual(['county_staff', 'city_staff'])
    for (const p of ['/issues/mine', '/activities/mine', '/activities/progress', '/activities/:id/edit']) expect(opens(p), p).toEqual(['deputy'])
    expect(opens('/issues/todo')).toEqual(['unit'])
    for (const p of ['/issues/new', '/activities', '/activities/new', '/activities/:id', '/deputies/:id/record']) expect(opens(p), p).toEqual(['deputy', 'county_staff', 'city_staff'])
    for (const p of ['/', '/password', '/outbox', '/issues/:id']) expect(opens(p), p).toEqual([...ROLES])
  })

  it('parses and decodes the :params of an address', () => {
    expect(matchRoute('/issues/iss_01H8')).toEqual({ route: route('/issues/:id'), params: { id: 'iss_01H8' } })
    expect(matchRoute('/activities/a%20b/edit')).toEqual({ route: route('/activities/:id/edit'), params: { id: 'a b' } })
    expect(matchRoute('/deputies/u-7/record')?.params).toEqual({ id: 'u-7' })
    expect(screenFor('/activities/act-9', 'deputy')).toEqual({ page: route('/activities/:id').page, params: { id: 'act-9' } })
    expect(matchRoute('/issues')?.params).toEqual({})
  })

  it('prefers a fixed segment to a :param, whatever the order of the table', () => {
    for (const table of [ROUTES, [...ROUTES].reverse()]) {
      expect(matchRoute('/issues/new', table)?.route.pattern).toBe('/issues/new')
      expect(matchRoute('/issues/todo', table)?.route.pattern).toBe('/issues/todo')
      expect(matchRoute('/activities/review', table)?.route.pattern).toBe('/activities/review')
      expect(matchRoute('/issues/newer', table)?.route.pattern).toBe('/issues/:id')
    }
  })

  it('answers an address in no route with the not-found screen, for every role', () => {
    for (const path of ['/no-such-page', '/issues/a/b', '/activities/x/delete', '/deputies/x', '/deputies//record', '/issues/%E0%A4%A', '/Issues', '/issues/']) {
      expect(matchRoute(path), path).toBeNull()
      for (const role of ROLES) expect(screenFor(path, role).page, `${role} on ${path}`).toBe(NotFoundPage)
    }
  })
})

describe('the home screen’s menus', () => {
  it.each(ROLES.map((role) => [role] as const))('lists for %s only screens of the table that role may open', (role) => {
    expect(MENUS[role].length).toBeGreaterThan(0)
    for (const item of MENUS[role]) {
      const match = matchRoute(item.path)
      expect(match?.route.pattern, item.title).toBe(item.path)
      expect(screenFor(item.path, role).page, item.title).toBe(match!.route.page)
    }
    // So nothing listed is dropped on the way to the screen.
    expect(NAV[role]).toEqual(MENUS[role])
  })
})
