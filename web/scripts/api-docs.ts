// Vite plugin: puts the API reference page's files into the build under /api-docs/ (outside
// /api/, so Workers serve them as static assets and Node from web/dist): the Swagger UI of the
// swagger-ui-dist package (MIT, with its licence) and the page's own start script and styles
// (web/api-docs/). No CDN: intranets and mainland networks cannot reach one.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

const require = createRequire(import.meta.url)
const SWAGGER_UI = dirname(require.resolve('swagger-ui-dist/package.json'))
const OWN = fileURLToPath(new URL('../api-docs/', import.meta.url))

const FILES: [string, string][] = [
  ['swagger-ui-bundle.js', join(SWAGGER_UI, 'swagger-ui-bundle.js')],
  ['swagger-ui.css', join(SWAGGER_UI, 'swagger-ui.css')],
  ['LICENSE.txt', join(SWAGGER_UI, 'LICENSE')],
  ['init.js', join(OWN, 'init.js')],
  ['docs.css', join(OWN, 'docs.css')],
]

export function apiDocs(): Plugin {
  return {
    name: 'api-docs',
    apply: 'build',
    generateBundle() {
      for (const [name, path] of FILES) this.emitFile({ type: 'asset', fileName: `api-docs/${name}`, source: readFileSync(path) })
    },
  }
}
