// A chosen "today" for the tests: TEST_TODAY=YYYY-MM-DD shifts Date to noon of that day in
// Asia/Shanghai, TEST_TODAY=YYYY-MM-DDTHH:MM to that time of day (the edges of the day, where the
// UTC date is another). Only Date moves, and it runs on at the real pace with every millisecond
// (timers stay real, so libSQL's group commit runs as ever). The node projects load this file
// before every test file (vitest.config.ts); a server in a child process keeps the real clock.
import { vi } from 'vitest'

// workerd has no `process` (no nodejs_compat): there the real clock runs.
const fixed = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.TEST_TODAY

/** The instant TEST_TODAY names (Asia/Shanghai is UTC+8 all year). */
export function testTodayInstant(value: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value)
  const day = m ? new Date(`${m[1]}T00:00:00Z`) : null
  const at = m ? new Date(`${m[1]}T${m[2] ?? '12:00'}:00+08:00`) : null
  // 2027-02-30 parses (as 2 March), so the day must come back as it was written.
  if (!day || !at || Number.isNaN(at.getTime()) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== m![1]) {
    throw new Error(`TEST_TODAY must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Asia/Shanghai), not ${value}`)
  }
  return at
}

const RealDate = Date

/** Replaces Date by one `offset` ms ahead of (or behind) the real clock; everything else is Date's. */
function shiftDate(to: Date) {
  const offset = to.getTime() - RealDate.now()
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...(args as [number]))
    }
    static override now() {
      return RealDate.now() + offset
    }
    static override [Symbol.hasInstance](value: unknown) {
      return value instanceof RealDate
    }
  }
  globalThis.Date = ShiftedDate as unknown as DateConstructor
}

if (fixed) shiftDate(testTodayInstant(fixed))

/**
 * Runs `fn` with Date stopped at the current instant, so that every request it makes happens in
 * the same millisecond (a retry that arrives at once); the clock then runs on as before.
 */
export async function inOneMillisecond<T>(fn: () => Promise<T>): Promise<T> {
  const at = Date.now()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at)
  try {
    return await fn()
  } finally {
    vi.useRealTimers() // back to the real clock, or to TEST_TODAY's
  }
}

/** Throws unless a setup request answered one of the expected statuses; answers the response. */
export async function ok(res: Response | Promise<Response>, ...statuses: number[]): Promise<Response> {
  const r = await res
  if (!(statuses.length ? statuses : [200, 201]).includes(r.status)) throw new Error(`setup call failed: ${r.status} ${await r.clone().text()}`)
  return r
}
