import { describe, expect, it } from 'vitest'
import { canManageCounty, canReadUser, scopeOf, staffCountyFilter } from '../../worker/auth/access'
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
