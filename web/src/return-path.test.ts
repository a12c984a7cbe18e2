// Signing in again comes back to the address the session ended on, and to nowhere else: another
// site, a scheme, a protocol-relative address or the sign-in screen itself is never followed.
import { describe, expect, it } from 'vitest'
import { afterSignIn, loginReturningTo, safeReturn } from './return-path'

describe('the address sign-in returns to', () => {
  it('keeps an in-app path with its query', () => {
    expect(safeReturn('/issues/new')).toBe('/issues/new')
    expect(safeReturn('/issues?light=red&countyCode=130881')).toBe('/issues?light=red&countyCode=130881')
    expect(safeReturn('/issues/abc#timeline')).toBe('/issues/abc')
  })

  it.each([
    ['//evil.example/x'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['http://evil.example/'],
    ['https:evil.example'],
    ['javascript:alert(1)'],
    ['evil.example'],
    [''],
    ['/login'],
    ['/login/'],
    ['/login?next=/issues'],
    ['/activate'],
    ['/'],
    [`/${'a'.repeat(2001)}`],
  ])('refuses %j', (next) => {
    expect(safeReturn(next)).toBeNull()
    expect(afterSignIn(`?next=${encodeURIComponent(next)}`)).toBe('/')
  })

  it('round-trips through the sign-in address', () => {
    const from = '/issues?light=yellow&q=垃圾 清运&fieldCode=rural_living'
    const login = loginReturningTo(from)
    expect(login.startsWith('/login?next=')).toBe(true)
    expect(afterSignIn(login.slice('/login'.length))).toBe(from)
  })

  it('sends a visitor from home, or a bad address, to plain 登录', () => {
    expect(loginReturningTo('/')).toBe('/login')
    expect(loginReturningTo('//evil.example')).toBe('/login')
    expect(afterSignIn('')).toBe('/')
  })
})
