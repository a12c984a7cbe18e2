// A tiny router on the History API: the current path as a hook, navigate(), and a click handler
// for plain links. Enough for a handful of screens without a routing library.
import { useEffect, useState } from 'preact/hooks'

const CHANGE = 'app:navigate'

export function currentPath(): string {
  return window.location.pathname
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentPath() + window.location.search) return
  if (options.replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  window.dispatchEvent(new Event(CHANGE))
}

function useLocationPart(read: () => string): string {
  const [value, setValue] = useState(read)
  useEffect(() => {
    const update = () => setValue(read())
    window.addEventListener('popstate', update)
    window.addEventListener(CHANGE, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(CHANGE, update)
    }
  }, [])
  return value
}

/** The current path; re-renders on navigate() and on the browser's back and forward. */
export function usePath(): string {
  return useLocationPart(currentPath)
}

/** The query string without its '?': list screens keep their filters there, so back restores them. */
export function useSearch(): string {
  return useLocationPart(() => window.location.search.slice(1))
}

/**
 * onClick for an <a href> that stays in the app. Modified clicks (new tab, new window) and
 * other targets keep the browser's own behaviour.
 */
export function followLink(event: MouseEvent): void {
  const a = event.currentTarget as HTMLAnchorElement | null
  if (!a || event.defaultPrevented || event.button !== 0) return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || a.target) return
  if (a.origin !== window.location.origin) return
  event.preventDefault()
  navigate(a.pathname + a.search)
}
