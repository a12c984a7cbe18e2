// How the built web is cached and which paths are screens, one rule for Node (static-node.ts) and
// Workers (index.ts and web/public/_headers): only content-hashed files under /assets/ are
// immutable; the HTML, the service worker, the web manifest and every other file by a fixed name
// are revalidated (no-cache), so a deploy is seen at once; a missing file is 404 and not cached.

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'
export const NOT_FOUND_CACHE = 'no-store'

// Vite names built files <name>-<8-character hash>.<ext> under /assets/.
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/

/** Cache-Control for a file of the built web that exists. */
export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(path) ? IMMUTABLE : REVALIDATE
}

/** Content types the runtimes may not know or get wrong, by file name. */
export function contentTypeFor(path: string): string | null {
  return path.endsWith('.webmanifest') ? 'application/manifest+json' : null
}

/**
 * A path the single-page app answers with its HTML: a screen, never a file. Anything under
 * /assets/ or with an extension in its last segment (/nope.js, /sw.js) is a file, and 404 when
 * it is missing, so a browser never caches HTML at a script's URL.
 */
export function isScreenPath(path: string): boolean {
  if (path.startsWith('/assets/') || path.startsWith('/api/')) return false
  const last = path.slice(path.lastIndexOf('/') + 1)
  return !last.includes('.')
}
