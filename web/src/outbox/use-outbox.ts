// The signed-in account's outbox as a hook: starts it sending (idempotent) and re-renders on
// every change, in this tab or another. The outbox's code loads after the screen has rendered,
// so it never delays a form on a slow phone.
import { useEffect, useState } from 'preact/hooks'
import type { Snapshot } from './outbox'

export function useOutbox(userId: string): Snapshot {
  const [snap, setSnap] = useState<Snapshot>({ items: [], waiting: 0, rejected: 0, sent: [], held: '', photos: [], progress: {} })
  useEffect(() => {
    let stop: (() => void) | null = null
    let live = true
    void import('./outbox').then((m) => {
      if (!live) return
      m.start(userId)
      stop = m.subscribe(setSnap)
    })
    return () => {
      live = false
      stop?.()
    }
  }, [userId])
  return snap
}

// The photo components' loader lives with the hook every screen has, so it adds no file of its own.
export { Photo } from '../photos/lazy'
