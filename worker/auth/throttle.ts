// The sign-in throttle: every credential check is admitted first (counted atomically, before the
// slow hash), per phone and client address, per address across phones, per phone across addresses.
import type { Db } from '../db/client'
import { RateLimited } from '../core/errors'
import { addressBucket } from './client-address'
import { admitAttemptRows, forgiveAttempt, type ThrottleCounter } from './auth.queries'

/** Who is trying: the phone typed in (known or not) and the client address it came from. */
export interface Attempt {
  phone: string
  address: string
}

/**
 * One phone from one address: 5 attempts in 15 minutes, then that address waits out the
 * 15 minutes for that phone. The owner elsewhere is not affected.
 */
export const PER_PHONE_AND_ADDRESS = { limit: 5, windowMs: 15 * 60_000 }
/** One address across all phones: 30 failed sign-ins an hour (a success takes its attempt back). */
export const PER_ADDRESS = { limit: 30, windowMs: 60 * 60_000 }
/**
 * One phone across all addresses: 10 attempts a minute. A slow-down, not a lock: it only bites
 * when many addresses guess at one phone, and then its owner waits at most a minute.
 */
export const PER_PHONE = { limit: 10, windowMs: 60_000 }

type Kind = 'pair' | 'address' | 'phone'

function chainOf({ phone, address }: Attempt): (ThrottleCounter & { kind: Kind })[] {
  const bucket = addressBucket(address)
  // The order matters: a refusal counts nowhere after it, so an attempt refused for its own
  // phone and address never uses up the budget of the address, or of the phone that its owner shares.
  return [
    { kind: 'pair', key: `pair:${phone}@${bucket}`, ...PER_PHONE_AND_ADDRESS },
    { kind: 'address', key: `address:${bucket}`, ...PER_ADDRESS },
    { kind: 'phone', key: `phone:${phone}`, ...PER_PHONE },
  ]
}

function refusal(kind: Kind, seconds: number): RateLimited {
  const minutes = Math.ceil(seconds / 60)
  if (kind === 'pair') return new RateLimited(`登录失败次数过多，该手机号在当前网络已暂停登录，请 ${minutes} 分钟后再试`, seconds)
  if (kind === 'address') return new RateLimited(`当前网络登录失败次数过多，已暂停登录，请 ${minutes} 分钟后再试`, seconds)
  return new RateLimited(`该手机号登录过于频繁，请 ${seconds} 秒后再试`, seconds)
}

/**
 * Admits one credential check or throws RateLimited (429, Retry-After = seconds until the
 * refusing counter's window ends). Call it BEFORE verifying anything: the attempt is counted
 * here, so a failure needs no further call; a success calls attemptSucceeded.
 */
export async function admitAttempt(db: Db, who: Attempt, now = new Date()): Promise<void> {
  const chain = chainOf(who)
  const attempt = crypto.randomUUID()
  const rows = new Map((await admitAttemptRows(db, chain, attempt, now)).map((r) => [r.key, r]))
  const refused = chain.find((c) => rows.get(c.key)?.admittedBy !== attempt)
  if (!refused) return
  const started = rows.get(refused.key)?.windowStartedAt
  const ends = started ? Date.parse(started) + refused.windowMs : now.getTime() + refused.windowMs
  throw refusal(refused.kind, Math.max(1, Math.ceil((ends - now.getTime()) / 1000)))
}

/**
 * After a right password: the phone's count from this address starts again, and the address and
 * the phone take back this attempt (only failures count against them).
 */
export async function attemptSucceeded(db: Db, who: Attempt): Promise<void> {
  const [pair, address, phone] = chainOf(who)
  await forgiveAttempt(db, [pair!.key], [address!.key, phone!.key])
}
