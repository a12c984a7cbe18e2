// The size a photo is redrawn at, and the before/after columns of a closed issue, as data (Node;
// the drawing itself is tested in Chromium by test/e2e/photos.test.ts).
import { describe, expect, it } from 'vitest'
import { compareColumns } from '../components/photo-compare'
import type { IssueEvent } from '../issues-api'
import { fit, FULL_EDGE, THUMB_EDGE } from './shrink'

describe('the size a photo is sent at', () => {
  it('brings the long edge of a phone photo down to 1920 px, keeping its shape', () => {
    expect(fit(4032, 3024, FULL_EDGE)).toEqual({ width: 1920, height: 1440 })
    expect(fit(3024, 4032, FULL_EDGE)).toEqual({ width: 1440, height: 1920 })
  })

  it('never enlarges a small picture', () => {
    expect(fit(800, 600, FULL_EDGE)).toEqual({ width: 800, height: 600 })
  })

  it('makes the thumbnail about 320 px on its long edge, and never 0 px on the short one', () => {
    expect(fit(4032, 3024, THUMB_EDGE)).toEqual({ width: 320, height: 240 })
    expect(fit(10_000, 10, THUMB_EDGE)).toEqual({ width: 320, height: 1 })
  })
})

const photo = (id: string) => ({ id }) as IssueEvent['photos'][number]
const event = (id: string, action: IssueEvent['action'], photos: string[]) => ({ id, action, photos: photos.map(photo), withdrawnPhotos: [] }) as unknown as IssueEvent

describe('整改前后对比', () => {
  it('takes the report’s photos, the earliest progress report with photos and the last completion with photos', () => {
    const columns = compareColumns([
      event('e1', 'create', ['found']),
      event('e2', 'progress', []),
      event('e3', 'progress', ['before']),
      event('e4', 'progress', ['later']),
      event('e5', 'complete', ['first-try']),
      event('e6', 'return', ['still-dirty']),
      event('e7', 'complete', ['after']),
      event('e8', 'verify', ['verified']),
    ])
    expect(columns.map((c) => [c.label, c.photos.map((p) => p.id)])).toEqual([
      ['发现时', ['found']],
      ['整改前', ['before']],
      ['整改后', ['after']],
    ])
  })

  it('falls back to the closing verification’s photos when no completion had any', () => {
    const columns = compareColumns([event('e1', 'create', []), event('e2', 'complete', []), event('e3', 'verify', ['verified'])])
    expect(columns.map((c) => c.photos.map((p) => p.id))).toEqual([[], [], ['verified']])
  })
})
