// 现场照片: take a photo (拍照, the back camera) or pick from the album (从相册选择), up to nine per
// step with a counter, each shrunk on the phone as it is picked (photos/shrink.ts) and removable
// before sending. Loaded with the photo code on first use, so the forms' own chunks stay small.
import { useRef, useState } from 'preact/hooks'
import { newId } from '../issues-api'
import { MAX_PHOTOS, type PickedPhoto } from '../photos/picked'
import { shrink } from '../photos/shrink'

export interface PhotoFieldProps {
  photos: PickedPhoto[]
  onChange: (photos: PickedPhoto[]) => void
  /** Photos this step already has on the server, which count towards the nine. */
  already?: number
  label?: string
  disabled?: boolean
}

const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result))
    r.onerror = () => reject(r.error)
    r.readAsDataURL(blob)
  })

export function PhotoField({ photos, onChange, already = 0, label = '现场照片', disabled }: PhotoFieldProps) {
  const camera = useRef<HTMLInputElement>(null)
  const album = useRef<HTMLInputElement>(null)
  const [working, setWorking] = useState(0)
  const [error, setError] = useState('')
  // The latest list, for picks that finish after another change.
  const latest = useRef(photos)
  latest.current = photos
  const room = Math.max(0, MAX_PHOTOS - already - photos.length)

  async function picked(input: HTMLInputElement) {
    const files = [...(input.files ?? [])]
    input.value = ''
    if (files.length === 0) return
    const taken = files.slice(0, room)
    setError(files.length > room ? `每个环节最多 ${MAX_PHOTOS} 张照片，多选的 ${files.length - room} 张未添加。` : '')
    setWorking((n) => n + taken.length)
    let unreadable = 0
    for (const file of taken) {
      try {
        const s = await shrink(file)
        const photo: PickedPhoto = { id: newId(), ...s, preview: await dataUrl(s.thumb) }
        latest.current = [...latest.current, photo]
        onChange(latest.current)
      } catch {
        unreadable++
      } finally {
        setWorking((n) => n - 1)
      }
    }
    if (unreadable) setError(`有 ${unreadable} 张无法读取，请换一张（支持手机拍摄的照片和 JPG、PNG 图片）。`)
  }

  function removeAt(index: number) {
    onChange(photos.filter((_, i) => i !== index))
    setError('')
  }

  const total = already + photos.length
  return (
    <fieldset class="field photo-field" id="photos" aria-describedby="photos-count">
      <legend class="field-label">
        {label}
        <span class="field-aside" id="photos-count">
          选填 · 已选 {total}/{MAX_PHOTOS} 张
        </span>
      </legend>
      {photos.length > 0 && (
        <ul class="photo-grid" aria-label="已选照片">
          {photos.map((p, i) => (
            <li key={p.id} class="photo-cell">
              <img class="photo-img" src={p.preview} alt={`第 ${i + 1} 张照片`} />
              <button type="button" class="photo-remove" onClick={() => removeAt(i)} disabled={disabled} aria-label={`移除第 ${i + 1} 张照片`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {working > 0 && (
        <p class="photo-working" role="status">
          <span class="spinner spinner-small" aria-hidden="true" /> 正在处理照片…
        </p>
      )}
      {room > 0 && (
        <div class="photo-pick">
          <button type="button" class="btn btn-secondary photo-pick-btn" onClick={() => camera.current?.click()} disabled={disabled}>
            拍照
          </button>
          <button type="button" class="btn btn-secondary photo-pick-btn" onClick={() => album.current?.click()} disabled={disabled}>
            从相册选择
          </button>
          <input ref={camera} class="visually-hidden" type="file" accept="image/*" capture="environment" tabIndex={-1} aria-hidden="true" onChange={(e) => void picked(e.currentTarget)} />
          <input ref={album} class="visually-hidden" type="file" accept="image/*" multiple tabIndex={-1} aria-hidden="true" onChange={(e) => void picked(e.currentTarget)} />
        </div>
      )}
      <p class="photo-hint">照片会在手机上压缩并去掉位置信息，无网络时也能先保存，有网络后自动上传。</p>
      {error && <p class="field-error">{error}</p>}
    </fieldset>
  )
}

export default PhotoField
