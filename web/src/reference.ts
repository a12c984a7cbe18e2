// GET /reference loaded once per page load and shared: county names for every screen. It is
// public and small; a failed load is retried the next time someone asks, and meanwhile the copy
// of the last load (localStorage) lets the forms work with no signal.
import { api, type Reference } from './api'

let pending: Promise<Reference | null> | null = null
const KEY = 'reference-copy'

/** The catalogue as last loaded on this phone, if ever. */
export function lastReference(): Reference | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? 'null') as Reference | null
  } catch {
    return null
  }
}

/** Resolves to null instead of failing: labels fall back, screens still work. */
export function loadReference(): Promise<Reference | null> {
  pending ??= api.reference().then(
    (r) => {
      try {
        localStorage.setItem(KEY, JSON.stringify(r))
      } catch {
        // A full store: the next offline start just has no labels.
      }
      return r
    },
    () => {
      pending = null
      return lastReference()
    },
  )
  return pending
}

export function countyName(reference: Reference | null, code: string | null): string {
  if (!code) return ''
  return reference?.counties.find((c) => c.code === code)?.name ?? ''
}
