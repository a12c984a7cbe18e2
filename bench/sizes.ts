// 4. Sizes: the worker (wrangler's dry run of the whole upload, raw and gzip, and the built main
// module with what it imports at start, apart from the chunks loaded lazily) and the web's JS + CSS
// that the sign-in page and the deputy's activity form need, gzip, from the Vite manifest's chunk graph.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
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
  // The chunks wrangler attaches beside the main module (wrangler.toml find_additional_modules).
  const modules = [...log.matchAll(/│ (chunks\/[\w.-]+\.js)\s+│ esm/g)].map((x) => x[1]!)
  return { rawKiB: Number(m[1]), gzipKiB: Number(m[2]), modules }
}

export interface WorkerModule {
  file: string
  gzipKiB: number
  /** The packages (`worker` for our own code) with bytes in this file. */
  packages: string[]
  /** The source files with bytes in this file. */
  inputs: string[]
}

const kib = (n: number) => Math.round((n / 1024) * 10) / 10

const packageOf = (input: string) => {
  const inside = input.split('node_modules/').at(-1)!
  if (inside === input) return 'worker'
  return inside.split('/').slice(0, inside.startsWith('@') ? 2 : 1).join('/')
}

/**
 * The worker as built for Workers (worker/build/build.ts, into a scratch directory): the main
 * module and the chunks it imports statically (what every isolate evaluates at start, `start`),
 * and the chunks only `import()` reaches (`lazy`), each gzip -9, with the packages inside.
 */
export async function workerModules(): Promise<{ start: WorkerModule[]; startGzipKiB: number; lazy: WorkerModule[] }> {
  const { buildWorker } = await import('../worker/build/build')
  const dir = mkdtempSync(join(tmpdir(), 'npc-worker-build-'))
  const meta = await buildWorker(dir)
  const describe = (file: string): WorkerModule => {
    const inputs = Object.entries(meta.outputs[file]!.inputs).filter(([, i]) => i.bytesInOutput > 0)
    const packages = [...new Set(inputs.map(([p]) => packageOf(p)))].sort()
    const gzipKiB = kib(gzipSync(readFileSync(file), { level: 9 }).length)
    // esbuild names outputs relative to the working directory, which may be anywhere.
    return { file: relative(dir, resolve(file)).split(sep).join('/'), gzipKiB, packages, inputs: inputs.map(([p]) => p) }
  }
  // The worker's own entry (a lazily imported module is an entry point of esbuild's too).
  const entry = Object.keys(meta.outputs).find((f) => meta.outputs[f]!.entryPoint === 'worker/index.ts')!
  const start = new Set<string>()
  const visit = (f: string) => {
    if (start.has(f)) return
    start.add(f)
    for (const i of meta.outputs[f]!.imports) if (i.kind === 'import-statement') visit(i.path)
  }
  visit(entry)
  const js = Object.keys(meta.outputs).filter((f) => f.endsWith('.js'))
  const startModules = [...start].map(describe)
  return {
    start: startModules,
    startGzipKiB: kib(startModules.reduce((sum, m) => sum + m.gzipKiB * 1024, 0)),
    lazy: js.filter((f) => !start.has(f)).map(describe),
  }
}
