// The suite's clock: TEST_TODAY moves "today" to the day and time it names and the clock runs on
// from there at the real pace, so the projects that run on 1 January and 31 December really do.
import { describe, expect, it } from 'vitest'
import { inOneMillisecond, testTodayInstant } from '../support/clock'
import { todayInShanghai } from '../../worker/core/dates'

const fixed = process.env.TEST_TODAY

describe('the test clock', () => {
  it('reads TEST_TODAY as a day (noon) or a day and time in Asia/Shanghai, and refuses anything else', () => {
    expect(testTodayInstant('2027-01-01').toISOString()).toBe('2027-01-01T04:00:00.000Z')
    expect(testTodayInstant('2027-01-01T00:30').toISOString()).toBe('2026-12-31T16:30:00.000Z')
    for (const bad of ['2027-02-30', '2027-1-1', '2027-01-01T24:30', 'tomorrow']) expect(() => testTodayInstant(bad)).toThrow(/TEST_TODAY/)
  })

  it('is on the day TEST_TODAY names (without it, the real one), moving on every millisecond', async () => {
    if (fixed) {
      const at = testTodayInstant(fixed)
      expect(todayInShanghai()).toBe(todayInShanghai(at))
      expect(Date.now() - at.getTime()).toBeGreaterThanOrEqual(0)
      expect(Date.now() - at.getTime()).toBeLessThan(30 * 60_000)
      expect(new Date().getTime()).toBeGreaterThanOrEqual(at.getTime())
    } else {
      // performance's clock is never shifted: Date agrees with it.
      expect(Math.abs(Date.now() - (performance.timeOrigin + performance.now()))).toBeLessThan(1000)
    }
    const start = Date.now()
    await new Promise((r) => setTimeout(r, 5))
    expect(Date.now()).toBeGreaterThan(start)
  })

  it('stops for inOneMillisecond, and runs on afterwards', async () => {
    const [a, b] = await inOneMillisecond(async () => {
      const first = Date.now()
      await new Promise((r) => setTimeout(r, 5))
      return [first, Date.now()]
    })
    expect(b).toBe(a)
    await new Promise((r) => setTimeout(r, 5))
    expect(Date.now()).toBeGreaterThan(a!)
    if (fixed) expect(todayInShanghai()).toBe(todayInShanghai(testTodayInstant(fixed)))
  })
})
