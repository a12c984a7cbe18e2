// The built web as Workers static assets (wrangler.toml [assets], web/public/_headers): only
// content-hashed files are immutable, a missing file is 404 and not cached, screens get the HTML.
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'

/**
 * What Workers does with a request outside run_worker_first: the static asset when one matches,
 * else the worker (not_found_handling = "none"). fetchChecked reaches the worker alone in this pool.
 */
async function served(path: string): Promise<Response> {
  const asset = await env.ASSETS.fetch(`${ORIGIN}${path}`)
  return asset.status === 404 ? fetchChecked(`${ORIGIN}${path}`) : asset
}

async function hashedScript(): Promise<string> {
  const html = await (await env.ASSETS.fetch(`${ORIGIN}/`)).text()
  return /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!
}

describe('static files on Workers', () => {
  it('answers a missing /assets/nope.js with 404, not cached, and never with the HTML', async () => {
    for (const path of ['/assets/nope.js', '/nope.js', '/workbox-nope.js']) {
      const res = await served(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
      expect(await res.text()).not.toContain('<div id="app"')
    }
  })

  it('serves a screen path with the HTML, revalidated', async () => {
    const res = await served(`/issues/some-id`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(await res.text()).toContain('<div id="app"')
    const root = await served(`/`)
    expect(root.headers.get('cache-control')).toBe('no-cache')
  })

  it('keeps content-hashed files for a year, and revalidates files by a fixed name', async () => {
    const script = await served(`${await hashedScript()}`)
    expect(script.status).toBe(200)
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    for (const path of ['/favicon.svg', '/sw.js', '/manifest.webmanifest']) {
      const fixed = await served(path)
      expect(fixed.status, path).toBe(200)
      expect(fixed.headers.get('cache-control'), path).toBe('no-cache')
    }
  })

  it('tells crawlers to stay out', async () => {
    const res = await served(`/robots.txt`)
    expect(res.status).toBe(200)
    expect(await res.text()).toMatch(/User-agent: \*\s+Disallow: \//)
  })
})
