// An optional fixed "today" for date-sensitive tests: TEST_TODAY=YYYY-MM-DD fakes Date only (timers
// stay real, so libSQL's group commit runs as ever) from noon of that day in Asia/Shanghai, with
// the clock ticking on from there; TEST_TODAY=YYYY-MM-DDTHH:MM starts at that time of day in
// Asia/Shanghai instead (the edges of the day, where the UTC date is another). Import this first in
// a test file, before anything reads today.
import { vi } from 'vitest'

// workerd has no `process` (no nodejs_compat): there the real clock runs.
const fixed = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.TEST_TODAY

/** The instant TEST_TODAY names (Asia/Shanghai is UTC+8 all year). */
export function testTodayInstant(value: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value)
  if (!m) throw new Error(`TEST_TODAY must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, not ${value}`)
  const at = new Date(`${m[1]}T${m[2] ?? '12:00'}:00+08:00`)
  if (Number.isNaN(at.getTime())) throw new Error(`TEST_TODAY is not a real day and time: ${value}`)
  return at
}

function tickFrom(at: Date | number) {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  vi.setSystemTime(at)
}

if (fixed) tickFrom(testTodayInstant(fixed))

/**
 * Runs `fn` with Date stopped at the current instant, so that every request it makes happens in
 * the same millisecond (a retry that arrives at once); the clock then ticks on as before.
 */
export async function inOneMillisecond<T>(fn: () => Promise<T>): Promise<T> {
  const at = Date.now()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
  try {
    return await fn()
  } finally {
    if (fixed) tickFrom(at + 1)
    else vi.useRealTimers()
  }
}

/** Throws unless a setup request answered one of the expected statuses; answers the response. */
export async function ok(res: Response | Promise<Response>, ...statuses: number[]): Promise<Response> {
  const r = await res
  if (!(statuses.length ? statuses : [200, 201]).includes(r.status)) throw new Error(`setup call failed: ${r.status} ${await r.clone().text()}`)
  return r
}
