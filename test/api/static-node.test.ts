// The built web on Node (worker/static-node.ts): the same caching rules as Workers static assets.
import { describe, expect, it, beforeAll, afterAll } from 'vitest'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeTestApp, type TestApp } from '../support/app'
import { serveWeb } from '../../worker/static-node'

let dir: string
let t: TestApp

// A build as Vite and the PWA plugin lay it out, with the real robots.txt and _headers.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-web-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div><script type="module" src="/assets/index-r-r9xxol.js"></script>')
  writeFileSync(join(dir, 'assets/index-r-r9xxol.js'), 'export {}')
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {})')
  writeFileSync(join(dir, 'workbox-5ffe50d4.js'), '')
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"承德市人大台账"}')
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  copyFileSync('web/public/robots.txt', join(dir, 'robots.txt'))
  copyFileSync('web/public/_headers', join(dir, '_headers'))
  t = await makeTestApp()
  expect(serveWeb(t.app, dir)).toBe(true)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const get = (path: string) => t.app.request(path)

describe('static files on Node', () => {
  it('answers a missing /assets/nope.js with 404, not cached, and never with the HTML', async () => {
    for (const path of ['/assets/nope.js', '/nope.js', '/assets/index-r-r9xxol.css', '/_headers']) {
      const res = await get(path)
      expect(res.status, path).toBe(404)
      expect(res.headers.get('cache-control'), path).toBe('no-store')
      expect(await res.text()).not.toContain('<div id="app"')
    }
  })

  it('serves screens with the HTML, revalidated', async () => {
    for (const path of ['/', '/issues/some-id', '/login']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
      expect(await res.text()).toContain('<div id="app"')
    }
  })

  it('keeps only content-hashed assets for a year; the service worker, manifest and workbox files are revalidated', async () => {
    expect((await get('/assets/index-r-r9xxol.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    for (const path of ['/sw.js', '/workbox-5ffe50d4.js', '/manifest.webmanifest', '/favicon.svg', '/robots.txt']) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
    }
    expect((await get('/manifest.webmanifest')).headers.get('content-type')).toBe('application/manifest+json')
  })

  it('tells crawlers to stay out', async () => {
    expect(await (await get('/robots.txt')).text()).toBe('User-agent: *\nDisallow: /\n')
  })

  it('leaves the API to the API', async () => {
    const res = await get('/api/v1/nope.js')
    expect(res.headers.get('content-type')).toContain('application/json')
  })
})
