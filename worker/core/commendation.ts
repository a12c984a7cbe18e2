// The commendation's per-deputy figures kept as bit sets: which 九进 venues a deputy's confirmed
// activities covered, and which 五个引进 types they brought in (one bit each, in catalogue order).
// An OR keeps them exact under any order of confirmations; the web decodes them too.
import { FIVE_INTRODUCTIONS, VENUES } from './taxonomy'

const VENUE_CODES = VENUES.map((v) => v.code)

export function venueBit(venue: string | null): number {
  const i = venue === null ? -1 : VENUE_CODES.indexOf(venue as (typeof VENUE_CODES)[number])
  return i < 0 ? 0 : 1 << i
}

export function introductionBits(types: readonly string[]): number {
  return types.reduce((m, t) => {
    const i = FIVE_INTRODUCTIONS.indexOf(t as (typeof FIVE_INTRODUCTIONS)[number])
    return i < 0 ? m : m | (1 << i)
  }, 0)
}

export function venuesOf(bits: number): (typeof VENUE_CODES)[number][] {
  return VENUE_CODES.filter((_, i) => (bits & (1 << i)) !== 0)
}

export function introductionsOf(bits: number): (typeof FIVE_INTRODUCTIONS)[number][] {
  return FIVE_INTRODUCTIONS.filter((_, i) => (bits & (1 << i)) !== 0)
}

/** The CASE expressions that turn a venue or an introduction type into its bit, for recounts. */
export const VENUE_BIT_SQL = `case venue ${VENUE_CODES.map((c, i) => `when '${c}' then ${1 << i}`).join(' ')} else 0 end`
export const INTRODUCTION_BIT_SQL = `case type ${FIVE_INTRODUCTIONS.map((c, i) => `when '${c}' then ${1 << i}`).join(' ')} else 0 end`
