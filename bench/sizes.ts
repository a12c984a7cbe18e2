// 4. Sizes: the worker bundle (wrangler's dry run, raw and gzip) and the web's JS + CSS that the
// sign-in page and the deputy's activity form need, gzip, from the Vite manifest's chunk graph.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface Chunk {
  file: string
  imports?: string[]
  css?: string[]
}

const DIST = 'web/dist'

/** Every file a page loads before it can render: its chunk, static imports and their CSS. */
export function pageFiles(manifest: Record<string, Chunk>, page: string): { js: string[]; css: string[] } {
  const js = new Set<string>()
  const css = new Set<string>()
  const visit = (key: string) => {
    const c = manifest[key]
    if (!c || js.has(c.file)) return
    js.add(c.file)
    for (const f of c.css ?? []) css.add(f)
    for (const i of c.imports ?? []) visit(i)
  }
  visit('index.html')
  visit(page)
  return { js: [...js], css: [...css] }
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length

export function webSizes() {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10
  const page = (key: string) => {
    const { js, css } = pageFiles(manifest, key)
    return { jsGzipKB: kb(js.reduce((s, f) => s + gz(f), 0)), cssGzipKB: kb(css.reduce((s, f) => s + gz(f), 0)), files: js.length + css.length }
  }
  return { signIn: page('src/pages/login.tsx'), activityForm: page('src/pages/activity-new.tsx') }
}

export function workerBundle() {
  const out = mkdtempSync(join(tmpdir(), 'npc-worker-'))
  const log = execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const m = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(log)
  if (!m) throw new Error(`no size in wrangler's output:\n${log}`)
  return { rawKiB: Number(m[1]), gzipKiB: Number(m[2]) }
}
