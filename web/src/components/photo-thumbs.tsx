// Photos from the server as a row of thumbnails; a tap opens the viewer (a modal <dialog>: the full
// photo, 关闭, Esc, ← → between photos). Staff may withdraw a wrongly attached one there, with a
// reason. A photo that does not load shows a placeholder, never a broken image.
import { useEffect, useRef, useState } from 'preact/hooks'
import { MAX_CHARS } from '../../../worker/core/limits'
import { asApiError } from '../api'
import { formatInstant } from '../issue-format'
import { photosApi, photoUrl, type Photo, type WithdrawnPhoto } from '../photos/photos-api'
import { Alert } from './alert'
import { Button } from './button'
import { TextArea } from './form-fields'

/** An <img> of ours that turns into a grey 照片无法显示 box when it cannot load (offline, withdrawn). */
export function PhotoImage({ src, alt, className }: { src: string; alt: string; className: string }) {
  const [failed, setFailed] = useState(false)
  if (failed) {
    return (
      <span class={`${className} photo-missing`} role="img" aria-label={`${alt}（无法显示）`}>
        照片无法显示
      </span>
    )
  }
  return <img class={className} src={src} alt={alt} loading="lazy" decoding="async" onError={() => setFailed(true)} />
}

interface PhotoThumbsProps {
  photos: Photo[]
  /** What the photos show, for their alternative text: 发现时, 整改完成 … */
  label: string
  /** Staff in scope: 撤回 in the viewer; called after a photo was withdrawn. */
  onWithdrawn?: () => void
}

export function PhotoThumbs({ photos, label, onWithdrawn }: PhotoThumbsProps) {
  const [open, setOpen] = useState<number | null>(null)
  if (photos.length === 0) return null
  return (
    <>
      <ul class="photo-thumbs" aria-label={`${label}照片`}>
        {photos.map((p, i) => (
          <li key={p.id}>
            <button type="button" class="photo-thumb" onClick={() => setOpen(i)} aria-label={`查看${label}第 ${i + 1} 张照片（共 ${photos.length} 张）`}>
              <PhotoImage className="photo-img" src={photoUrl(p.id, true)} alt={`${label}第 ${i + 1} 张照片`} />
            </button>
          </li>
        ))}
      </ul>
      {open !== null && photos[open] && (
        <PhotoViewer photos={photos} index={open} label={label} onIndex={setOpen} onClose={() => setOpen(null)} onWithdrawn={onWithdrawn} />
      )}
    </>
  )
}

interface ViewerProps {
  photos: Photo[]
  index: number
  label: string
  onIndex: (i: number) => void
  onClose: () => void
  onWithdrawn?: () => void
}

function PhotoViewer({ photos, index, label, onIndex, onClose, onWithdrawn }: ViewerProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const photo = photos[index]!
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    const d = dialog.current
    d?.showModal()
    return () => d?.close()
  }, [])
  useEffect(() => {
    setAsking(false)
    setError('')
  }, [index])

  function onKey(e: KeyboardEvent) {
    if (asking) return
    if (e.key === 'ArrowRight' && index < photos.length - 1) onIndex(index + 1)
    if (e.key === 'ArrowLeft' && index > 0) onIndex(index - 1)
  }

  async function withdraw() {
    if (!reason.trim()) return setError('请填写撤回原因')
    setBusy(true)
    setError('')
    try {
      await photosApi.withdraw(photo.id, reason.trim())
      onClose()
      onWithdrawn?.()
    } catch (e) {
      setError(asApiError(e, '撤回失败，请稍后重试').message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog ref={dialog} class="photo-viewer" aria-label={`${label}第 ${index + 1} 张照片`} onClose={onClose} onKeyDown={onKey}>
      <div class="photo-viewer-bar">
        <span class="photo-viewer-count">
          {label} · 第 {index + 1}/{photos.length} 张
        </span>
        <button type="button" class="btn btn-on-dark photo-viewer-close" onClick={onClose}>
          关闭
        </button>
      </div>
      <PhotoImage key={photo.id} className="photo-viewer-img" src={photoUrl(photo.id)} alt={`${label}第 ${index + 1} 张照片`} />
      <p class="photo-viewer-meta">
        {photo.uploadedByName} · {formatInstant(photo.createdAt)} 上传
      </p>
      <div class="photo-viewer-nav">
        <button type="button" class="btn btn-on-dark" disabled={index === 0} onClick={() => onIndex(index - 1)}>
          上一张
        </button>
        <button type="button" class="btn btn-on-dark" disabled={index === photos.length - 1} onClick={() => onIndex(index + 1)}>
          下一张
        </button>
        {onWithdrawn && !asking && (
          <button type="button" class="btn btn-danger" onClick={() => setAsking(true)}>
            撤回这张照片
          </button>
        )}
      </div>
      {asking && (
        <div class="photo-withdraw card">
          <TextArea id="withdraw-reason" label="撤回原因" value={reason} onInput={setReason} maxLength={MAX_CHARS.reviewNote} rows={2} placeholder="如：误传了其他问题的照片" hint="撤回后照片不再显示和导出，办理过程中保留撤回记录。" />
          {error && <Alert tone="error">{error}</Alert>}
          <div class="form-actions">
            <Button variant="danger" busy={busy} busyLabel="正在撤回…" onClick={() => void withdraw()}>
              确认撤回
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)} disabled={busy}>
              取消
            </Button>
          </div>
        </div>
      )}
    </dialog>
  )
}

/** 照片已撤回：<原因>（<who>，<when>）, kept in the timeline where the photo was. */
export function WithdrawnLines({ photos }: { photos: WithdrawnPhoto[] }) {
  return (
    <>
      {photos.map((p) => (
        <p key={p.id} class="tl-data photo-withdrawn">
          照片已撤回：{p.withdrawn.reason}（{p.withdrawn.byName}，{formatInstant(p.withdrawn.at)}）
        </p>
      ))}
    </>
  )
}
