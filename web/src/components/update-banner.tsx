// 有新版本，点击更新: shown on every screen while a new version waits; tapping it is the only
// thing that reloads (what was typed into a form is kept as a draft).
import { useEffect, useState } from 'preact/hooks'
import { applyUpdate, onUpdateReady } from '../sw-update'

export function UpdateBanner() {
  const [ready, setReady] = useState(false)
  useEffect(() => onUpdateReady(setReady), [])
  if (!ready) return null
  return (
    <div class="update-banner" role="status">
      <button type="button" class="update-button" onClick={applyUpdate}>
        有新版本，点击更新
      </button>
    </div>
  )
}
