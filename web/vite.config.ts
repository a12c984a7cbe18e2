// Vite build of the web app: root is web/, output web/dist (served by worker/node.ts and as
// Workers static assets). The dev server proxies the API to the Node entry on :8787.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP forbids inline scripts; the polyfill is an inline script and every browser we
    // target supports modulepreload natively.
    modulePreload: { polyfill: false },
    // Older Chromium kernels (domestic browsers, office PCs) still run ES2020.
    target: 'es2020',
    // The chunk graph, so that bench/sizes.ts can add up what each page needs.
    manifest: true,
  },
  server: {
    // Host stays the dev server's, so the API's Origin check sees a same-origin request.
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
})
