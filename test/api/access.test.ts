import { describe, expect, it } from 'vitest'
import { PERMISSIONS, can, canManageCounty, canReadUser, scopeOf, staffCountyFilter, type Permission } from '../../worker/auth/access'
import { ROLES } from '../../worker/core/taxonomy'
import type { SessionUser } from '../../worker/auth/sessions'

const base = { name: '某人', phone: '13800000000', unitName: null, level: null, mustChangePassword: false }
const city: SessionUser = { ...base, id: 'c', role: 'city_staff', countyCode: null, unitId: null }
const pingquan: SessionUser = { ...base, id: 'p', role: 'county_staff', countyCode: '130881', unitId: null }
const unit: SessionUser = { ...base, id: 'u', role: 'unit', countyCode: '130881', unitId: 'unit-1' }
const deputy: SessionUser = { ...base, id: 'd', role: 'deputy', countyCode: '130825', unitId: null, level: 'township' }

describe('access: a user becomes a scope', () => {
  it.each([
    [city, { kind: 'city' }],
    [pingquan, { kind: 'county', countyCode: '130881' }],
    [unit, { kind: 'unit', countyCode: '130881', unitId: 'unit-1' }],
    [deputy, { kind: 'deputy', countyCode: '130825', userId: 'd' }],
  ])('scopes %s', (user, scope) => {
    expect(scopeOf(user)).toEqual(scope)
  })

  it.each([
    ['city staff, no county asked', city, undefined, { all: true }],
    ['city staff, one county asked', city, '130825', { codes: ['130825'] }],
    ['county staff, nothing asked', pingquan, undefined, { codes: ['130881'] }],
    ['county staff, own county asked', pingquan, '130881', { codes: ['130881'] }],
    ['county staff, another county asked', pingquan, '130825', { codes: [] }],
  ] as const)('filters a staff list: %s', (_name, user, requested, expected) => {
    expect(staffCountyFilter(scopeOf(user), requested)).toEqual(expected)
  })

  it.each([
    [city, '130825', true],
    [pingquan, '130881', true],
    [pingquan, '130825', false],
    [pingquan, null, false],
    [unit, '130881', false],
    [deputy, '130825', false],
  ] as const)('lets %o manage county %s: %s', (user, county, expected) => {
    expect(canManageCounty(scopeOf(user), county)).toBe(expected)
  })

  it.each([
    [city, { id: 'x', countyCode: '130825' }, true],
    [pingquan, { id: 'x', countyCode: '130881' }, true],
    [pingquan, { id: 'x', countyCode: '130825' }, false],
    [pingquan, { id: 'x', countyCode: null }, false],
    [deputy, { id: 'd', countyCode: '130825' }, true],
    [deputy, { id: 'x', countyCode: '130825' }, false],
    [unit, { id: 'x', countyCode: '130881' }, false],
  ] as const)('lets %o read user %o: %s', (user, target, expected) => {
    expect(canReadUser(user, target)).toBe(expected)
  })
})

// The permission table as it should read: one line per permission, one column per role
// (D deputy, U unit, C county staff, S city staff); Y may, . may not.
const EXPECTED = `
                                  D U C S
  issue.create                    Y . Y Y
  issue.create.any_county         . . . Y
  issue.import                    . . Y Y
  activity.read                   Y . Y Y
  activity.create                 Y . Y Y
  activity.create.for_deputy      . . Y Y
  activity.review                 . . Y Y
  roster.manage                   . . Y Y
  unit.manage                     . . Y Y
  account.manage                  . . Y Y
  account.list.unit               . . Y Y
  account.list.county_staff       . . Y Y
  account.list.city_staff         . . . Y
  account.create.unit             . . Y Y
  account.create.county_staff     . . . Y
  account.create.city_staff       . . . Y
  account.credential.deputy       . . Y Y
  account.credential.unit         . . Y Y
  account.credential.county_staff . . . Y
  account.credential.city_staff   . . . Y
  stats.read                      . . Y Y
  stats.city_congress             . . . Y
  five_one.write                  . . Y Y
  five_one.read                   . . Y Y
  photo.withdraw                  . . Y Y
  group.manage                    . . Y Y
  commendation.read               . . Y Y
  nomination.write                . . Y Y
  nomination.confirm              . . . Y
  settings.write                  . . . Y
`

const expected = new Map(
  EXPECTED.trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [name, ...marks] = line.trim().split(/\s+/)
      return [name!, marks] as const
    }),
)

describe('access: the permission table', () => {
  it('names exactly the permissions of the expected table', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...expected.keys()].sort())
  })

  const cells = [...expected].flatMap(([permission, marks]) => ROLES.map((role, i) => [permission, role, marks[i] === 'Y'] as const))
  it.each(cells)('%s for %s: %s', (permission, role, allowed) => {
    expect(ROLES).toEqual(['deputy', 'unit', 'county_staff', 'city_staff'])
    expect(can({ role }, permission as Permission)).toBe(allowed)
  })
})
