// The photo components as the screens use them, <Photo part="PhotoThumbs" …/>: renders nothing
// until the photo code has loaded (a moment after the screen shows), then the part. The screens'
// own chunks, the forms' and the sign-in page carry only this loader. The photo code rides in the
// 待发送 screen's chunk (pages/outbox.tsx re-exports photos/parts.ts), reached through the outbox's
// module, which every screen loads anyway: with a chunk of its own, Vite's bundler (rolldown 1.2)
// splits preact out of the app's main chunk, and each extra file is named in that main chunk,
// which the sign-in page downloads.
import type { ComponentProps, ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type * as All from './parts'

type Parts = typeof All
let parts: Parts | null = null

export function Photo<K extends keyof Parts>({ part, ...props }: { part: K } & ComponentProps<Parts[K]>) {
  const [, setParts] = useState(parts)
  useEffect(() => {
    if (!parts) void import('../outbox/outbox').then((m) => m.photoParts()).then((m) => setParts((parts = m)), () => undefined)
  }, [])
  const Part = parts?.[part] as ComponentType<object> | undefined
  return Part ? <Part {...props} /> : null
}
