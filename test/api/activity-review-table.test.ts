import { describe, expect, it } from 'vitest'
import { ACTIVITY_REVIEW } from '../../worker/core/activity-review'

// The review as it should read: action, by whom, from → to, note required.
const EXPECTED = [
  ['edit', 'owner', 'submitted,returned', 'submitted', false],
  ['confirm', 'reviewer', 'submitted', 'confirmed', false],
  ['return', 'reviewer', 'submitted', 'returned', true],
] as const

describe('activity review table', () => {
  it('reads as the expected table', () => {
    expect(ACTIVITY_REVIEW.map((t) => [t.action, t.by, t.from.join(','), t.to, t.needsNote])).toEqual(EXPECTED.map((r) => [...r]))
  })
})
