// Background Sync (Chromium) in the service worker, imported by sw.js (Workbox). When the page
// queued a record with no signal it registered the tag 'outbox'; the browser fires `sync` once it
// thinks the phone is online again, even if the tab is in the background, and this tells every
// open tab of the app to send its outbox (outbox.ts does the sending, under its lock and account
// rules). It does not send by itself: with no tab open the outbox goes at the next app start.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'outbox') return
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((tabs) => {
      for (const tab of tabs) tab.postMessage({ type: 'outbox-sync' })
    }),
  )
})
