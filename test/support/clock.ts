// An optional fixed "today" for date-sensitive tests: TEST_TODAY=YYYY-MM-DD fakes Date only (timers
// stay real, so libSQL's group commit runs as ever) from noon of that day in Asia/Shanghai, with
// the clock ticking on from there. Import this first in a test file, before anything reads today.
import { vi } from 'vitest'

const fixed = process.env.TEST_TODAY
if (fixed) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`TEST_TODAY must be YYYY-MM-DD, not ${fixed}`)
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true })
  vi.setSystemTime(new Date(`${fixed}T04:00:00Z`))
}

/** Throws unless a setup request answered one of the expected statuses; answers the response. */
export async function ok(res: Response | Promise<Response>, ...statuses: number[]): Promise<Response> {
  const r = await res
  if (!(statuses.length ? statuses : [200, 201]).includes(r.status)) throw new Error(`setup call failed: ${r.status} ${await r.clone().text()}`)
  return r
}
