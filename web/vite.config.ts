// Vite build of the web app: root is web/, output web/dist (served by worker/node.ts and as
// Workers static assets), with the web app manifest and the Workbox service worker (sw.js) that
// lets the app open with no signal. The dev server proxies the API to the Node entry on :8787.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import preact from '@preact/preset-vite'
import { VitePWA } from 'vite-plugin-pwa'
import { apiDocs } from './scripts/api-docs'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root,
  plugins: [
    preact(),
    apiDocs(),
    VitePWA({
      // web/src/sw-update.ts registers it (the CSP forbids the plugin's inline registration) and
      // asks before a new version takes over, so a half-filled form is never reloaded under anyone.
      injectRegister: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: '承德市人大履职监督台账',
        short_name: '人大台账',
        description: '承德市人大系统“5+2”联动监督与代表履职台账',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#b3261e',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The shell and every screen's chunk: after one visit any screen opens with no network.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // The API reference page (/api-docs/, 1.5 MB of Swagger UI) is not part of the field app.
        globIgnores: ['.vite/**', 'api-docs/**'],
        // Every app path is the one page; the API is never answered from a cache.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        // Background Sync where the browser has it: wakes the open tabs' outbox (public/sw-sync.js).
        importScripts: ['/sw-sync.js'],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
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
