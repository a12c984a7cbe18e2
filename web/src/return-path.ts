// Where sign-in sends someone back to: the address they were on when the session ended (or a
// link they opened signed out), carried in /login?next=. Only an in-app path of this origin is
// ever followed, so a crafted sign-in link cannot send a person to another site.
import { isGuestPath } from './routes'

const MAX_LENGTH = 2000

/**
 * The path (with its query) to return to, or null when `next` is not one of ours. Refused: other
 * origins and protocol-relative addresses (`//host`, `/\host`, which browsers treat alike),
 * schemes (`http:`, `javascript:`), control characters (a tab or newline inside `//` is dropped
 * by the browser's URL parser) and the sign-in screens themselves.
 */
export function safeReturn(next: string | null | undefined): string | null {
  if (!next || next.length > MAX_LENGTH) return null
  if (!next.startsWith('/') || next[1] === '/' || next[1] === '\\') return null
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null
  const path = next.split(/[?#]/, 1)[0]!
  if (path === '/' && next === '/') return null
  if (isGuestPath(path.length > 1 ? path.replace(/\/+$/, '') : path)) return null
  return next.split('#', 1)[0]!
}

/** The sign-in address that comes back to `from` (path + query) once signed in. */
export function loginReturningTo(from: string): string {
  const back = safeReturn(from)
  return back ? `/login?next=${encodeURIComponent(back)}` : '/login'
}

/** Where a sign-in screen sends someone who has just signed in: `?next=` when it is ours, else home. */
export function afterSignIn(search: string): string {
  return safeReturn(new URLSearchParams(search).get('next')) ?? '/'
}
