// 照片上传中 2/5: how far an outbox item's photos have gone up, a bar per photo, and the server's
// words for one it refused. On the outbox screen per item, and under a form or an action once
// its record is in while the photos still go up.
import { useEffect, useRef } from 'preact/hooks'
import type { OutboxItem, PhotoRow } from '../outbox/db'
import type { Snapshot } from '../outbox/outbox'
import { useOutbox } from '../outbox/use-outbox'

/** The item's photos in the order they were picked. */
export function photosOfItem(item: OutboxItem, snap: Snapshot): PhotoRow[] {
  const rows = new Map(snap.photos.map((p) => [p.id, p]))
  return (item.photos ?? []).map((id) => rows.get(id)).filter((p): p is PhotoRow => !!p)
}

function line(p: PhotoRow, progress: number | undefined): string {
  if (p.state === 'done') return '已上传'
  if (p.state === 'rejected') return `未能上传：${p.message ?? '服务器拒收'}`
  if (p.state === 'thumb') return '已上传，正在传缩略图'
  return progress !== undefined ? `上传中 ${Math.round(progress * 100)}%` : '等待上传'
}

export function PhotoProgress({ item, snap }: { item: OutboxItem; snap: Snapshot }) {
  const photos = photosOfItem(item, snap)
  if (photos.length === 0) return null
  const done = photos.filter((p) => p.state === 'done').length
  if (!item.recorded) return <p class="photo-status">含 {photos.length} 张照片，记录送达后上传</p>
  return (
    <div class="photo-status">
      <p class="photo-status-head">{item.state === 'rejected' ? `照片已上传 ${done}/${photos.length}` : `照片上传中 ${done}/${photos.length}`}</p>
      <ol class="photo-bars">
        {photos.map((p, i) => {
          const progress = p.state === 'done' || p.state === 'thumb' ? 1 : snap.progress[p.id]
          return (
            <li key={p.id} class={`photo-bar photo-bar-${p.state}`}>
              <span class="photo-bar-label">第 {i + 1} 张</span>
              <progress class="progress" max={100} value={p.state === 'rejected' ? 0 : Math.round((progress ?? 0) * 100)} aria-label={`第 ${i + 1} 张照片`} />
              <span class="photo-bar-state">{line(p, snap.progress[p.id])}</span>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

export interface PhotoUploadsProps {
  userId: string
  itemId: string
  /** All in: the screen may show the photos from the server now. */
  onDone?: () => void
}

/** The progress of one item, followed until it leaves the outbox (every photo confirmed). */
export function PhotoUploads({ userId, itemId, onDone }: PhotoUploadsProps) {
  const snap = useOutbox(userId)
  const item = snap.items.find((i) => i.id === itemId)
  // The hook's first answer is a placeholder until the outbox has read the store.
  const first = useRef(snap)
  const gone = !item && snap !== first.current
  useEffect(() => {
    if (gone) onDone?.()
  }, [gone])
  if (gone) {
    return (
      <p class="photo-status photo-status-done" role="status">
        照片已全部上传
      </p>
    )
  }
  return item ? (
    <div role="status" aria-live="polite">
      <PhotoProgress item={item} snap={snap} />
      {item.state === 'rejected' && <p class="photo-status-note">未能上传的照片可在“待发送”中查看。</p>}
      {item.state !== 'rejected' && snap.held && <p class="photo-status-note">{snap.held}照片会自动续传。</p>}
    </div>
  ) : null
}

export default PhotoUploads
