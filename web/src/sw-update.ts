// The service worker (sw.js, built by Workbox): registered here because the CSP forbids an inline
// registration. A new version waits until the person taps 更新: nothing ever reloads by itself, so
// a half-filled form is never pulled out from under anyone (drafts are kept in IndexedDB anyway).
type Listener = (ready: boolean) => void

let waiting: ServiceWorker | null = null
let updating = false
const listeners = new Set<Listener>()

function announce(worker: ServiceWorker | null): void {
  waiting = worker
  for (const l of listeners) l(worker !== null)
}

/** Calls `listener` with true while a new version is installed and waiting. */
export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener)
  listener(waiting !== null)
  return () => listeners.delete(listener)
}

/** The person asked for the new version: let it take over, then reload this tab only. */
export function applyUpdate(): void {
  if (!waiting) return
  updating = true
  waiting.postMessage({ type: 'SKIP_WAITING' })
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  const sw = navigator.serviceWorker
  // Other tabs keep what they show; only the one whose button was tapped reloads.
  sw.addEventListener('controllerchange', () => updating && window.location.reload())
  sw.register('/sw.js', { scope: '/' }).then(
    (reg) => {
      const track = (worker: ServiceWorker | null) => {
        if (!worker) return
        worker.addEventListener('statechange', () => {
          // Installed while a page is controlled: a new version, not the first install.
          if (worker.state === 'installed' && sw.controller) announce(worker)
        })
      }
      if (reg.waiting && sw.controller) announce(reg.waiting)
      track(reg.installing)
      reg.addEventListener('updatefound', () => track(reg.installing))
      // Phones keep the app open for days: look for a new version when it comes back to the front.
      document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void reg.update().catch(() => undefined))
    },
    () => undefined,
  )
}
