// 活动照片 of the printable 履职档案: each confirmed activity that has photos, by date and theme,
// with its thumbnails (six to a row on paper).
import type { Activity } from '../activities-api'
import { PhotoThumbs } from './photo-thumbs'

export function RecordPhotos({ activities }: { activities: Activity[] }) {
  const shown = activities.filter((a) => a.photos.length > 0)
  if (shown.length === 0) return null
  return (
    <section class="record-list record-photos" aria-labelledby="record-photos-heading">
      <h2 id="record-photos-heading" class="section-title">
        活动照片
      </h2>
      <ul class="record-photo-list">
        {shown.map((a) => (
          <li key={a.id} class="record-photo-item">
            <p class="record-photo-title">
              {a.date} · {a.title}
            </p>
            <PhotoThumbs photos={a.photos} label={a.title} />
          </li>
        ))}
      </ul>
    </section>
  )
}
