// The Workers build: worker/index.ts bundled by esbuild into dist/worker/, minified and split, so
// the module that starts every isolate holds only what serves a request, and what few routes
// need (XLSX reading and writing, the Turso client, the OpenAPI generator, the demo data) is a
// chunk of its own that `await import()` loads the first time one of them runs. wrangler uploads
// the files as they are (wrangler.toml: no_bundle, find_additional_modules).
// `npm run build:worker`; vitest's config calls buildWorker() so workerd tests run this output.
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, context, type BuildOptions, type Metafile, type Plugin } from 'esbuild'

export const WORKER_OUT = 'dist/worker'

const shim = (file: string) => fileURLToPath(new URL(file, import.meta.url))

/**
 * Imports inside dependencies that resolve to something smaller, each saying why it is exact for
 * this app: drizzle's dialect-neutral modules import two things from pg-core (which would bring
 * pg-core's column and table classes along), drizzle's libSQL driver imports the libSQL client
 * only to open one from a URL, and zod's default locale is English. Any other import of pg-core
 * from drizzle fails the build.
 */
const shims: Plugin = {
  name: 'worker-shims',
  setup(b) {
    b.onResolve({ filter: /pg-core\// }, (args) => {
      if (!args.importer.includes('/node_modules/drizzle-orm/')) return undefined
      if (/\/pg-core\/(primary-keys|columns\/enum)\.js$/.test(args.path)) return { path: shim('./no-pg-core.ts') }
      return { errors: [{ text: `drizzle-orm/pg-core would enter the worker through ${args.importer}` }] }
    })
    // zod sets English as its default until z.config() picks a locale; validate.ts picks zh-CN,
    // so the default is zh-CN as well and English is not shipped.
    b.onResolve({ filter: /\/locales\/en\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/') ? { path: resolve(args.resolveDir, args.path.replace(/en\.js$/, 'zh-CN.js')) } : undefined,
    )
    b.onResolve({ filter: /^@libsql\/client\/web$/ }, (args) =>
      args.importer.includes('/node_modules/drizzle-orm/libsql/web/') ? { path: shim('./no-libsql-url.ts') } : undefined,
    )
  },
}

/** What the worker's build is given: the same for a one-off build and for --watch. */
function options(outdir: string): BuildOptions {
  return {
    entryPoints: { index: 'worker/index.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    // Chinese messages as UTF-8, not \u escapes (half the bytes).
    charset: 'utf8',
    // What wrangler's own bundling would choose for Workers.
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    define: { 'process.env.NODE_ENV': '"production"' },
    chunkNames: 'chunks/[name]-[hash]',
    external: ['cloudflare:*'],
    metafile: true,
    logLevel: 'warning',
    plugins: [shims],
  }
}

/** Builds the worker and returns esbuild's metafile (which input went into which output). */
export async function buildWorker(outdir = WORKER_OUT): Promise<Metafile> {
  rmSync(outdir, { recursive: true, force: true })
  const result = await build(options(outdir))
  return result.metafile!
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // --watch rebuilds on every change (beside `wrangler dev`, which reloads what it serves).
  if (process.argv.includes('--watch')) {
    rmSync(WORKER_OUT, { recursive: true, force: true })
    await (await context(options(WORKER_OUT))).watch()
  } else await buildWorker()
}
