// One value fetched for a screen (a count, a list to pick from), fetched again when `deps` change;
// an answer that comes after the screen moved on is dropped, and a failure leaves `initial`.
import { useEffect, useState } from 'preact/hooks'

/** `load` null fetches nothing (not for this account) and keeps what was there. */
export function useLoaded<T>(load: (() => Promise<T>) | null, initial: T, deps: readonly unknown[]): T {
  const [value, setValue] = useState<T>(initial)
  useEffect(() => {
    if (!load) return
    let live = true
    load().then(
      (v) => live && setValue(() => v),
      () => live && setValue(() => initial),
    )
    return () => {
      live = false
    }
  }, deps)
  return value
}
