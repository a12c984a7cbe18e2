// GET /reference loaded once per page load and shared: county names for every screen. It is
// public and small; a failed load is retried the next time someone asks.
import { api, type Reference } from './api'

let pending: Promise<Reference | null> | null = null

/** Resolves to null instead of failing: labels fall back, screens still work. */
export function loadReference(): Promise<Reference | null> {
  pending ??= api.reference().catch(() => {
    pending = null
    return null
  })
  return pending
}

export function countyName(reference: Reference | null, code: string | null): string {
  if (!code) return ''
  return reference?.counties.find((c) => c.code === code)?.name ?? ''
}
