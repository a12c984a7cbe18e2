// 整改前后对比 of a closed issue: 发现时 (the report's photos), 整改前 (the unit's earliest progress
// report with photos: the site as rectification began) and 整改后 (the last completion report with
// photos, the one that was accepted; the closing verification's if it had none), side by side.
import type { IssueEvent } from '../issues-api'
import type { Photo } from '../photos/photos-api'
import { PhotoThumbs } from './photo-thumbs'

interface Column {
  label: string
  photos: Photo[]
}

const withPhotos = (events: IssueEvent[], action: IssueEvent['action']) => events.filter((e) => e.action === action && e.photos.length > 0)

/** The three columns; all empty when no step of the issue had photos. */
export function compareColumns(events: IssueEvent[]): Column[] {
  const after = withPhotos(events, 'complete').at(-1) ?? withPhotos(events, 'verify').at(-1)
  return [
    { label: '发现时', photos: withPhotos(events, 'create')[0]?.photos ?? [] },
    { label: '整改前', photos: withPhotos(events, 'progress')[0]?.photos ?? [] },
    { label: '整改后', photos: after?.photos ?? [] },
  ]
}

export function PhotoCompare({ events }: { events: IssueEvent[] }) {
  const columns = compareColumns(events)
  if (columns.every((c) => c.photos.length === 0)) return null
  return (
    <section class="card photo-compare-card" aria-labelledby="compare-heading">
      <h2 id="compare-heading" class="card-title">
        整改前后对比
      </h2>
      <div class="photo-compare">
        {columns.map((c) => (
          <div key={c.label} class="photo-compare-col">
            <h3>{c.label}</h3>
            {c.photos.length > 0 ? <PhotoThumbs photos={c.photos} label={c.label} /> : <p class="photo-compare-empty">这一步没有照片</p>}
          </div>
        ))}
      </div>
    </section>
  )
}
