// Draws the app icons (web/public/icons/*.png) from the favicon's design in Chromium, so that the
// PNGs the manifest names are made by the repo, not by hand. Run once after changing the design:
// `npm run icons`; the PNGs are committed.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const OUT = fileURLToPath(new URL('../public/icons/', import.meta.url))
const RED = '#b3261e'

/** The ledger page: three white lines. `inset` leaves the maskable safe zone (the inner 80 %). */
function svg(size: number, maskable: boolean): string {
  const inset = maskable ? 0.2 : 0
  const s = (n: number) => (inset * 32 + n * (1 - 2 * inset)).toFixed(2)
  const w = (3 * (1 - 2 * inset)).toFixed(2)
  const bg = maskable ? `<rect width="32" height="32" fill="${RED}"/>` : `<rect width="32" height="32" rx="7" fill="${RED}"/>`
  const line = (x1: number, y: number, x2: number) => `<path d="M${s(x1)} ${s(y)}H${s(x2)}" stroke="#fff" stroke-width="${w}" stroke-linecap="round"/>`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">${bg}${line(9, 10, 23)}${line(9, 16, 23)}${line(9, 22, 18)}</svg>`
}

const ICONS = [
  { name: 'icon-192.png', size: 192, maskable: false },
  { name: 'icon-512.png', size: 512, maskable: false },
  { name: 'maskable-192.png', size: 192, maskable: true },
  { name: 'maskable-512.png', size: 512, maskable: true },
  { name: 'apple-touch-icon.png', size: 180, maskable: true },
]

mkdirSync(OUT, { recursive: true })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
try {
  const page = await browser.newPage()
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size })
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg(icon.size, icon.maskable)}`)
    await page.locator('svg').screenshot({ path: `${OUT}${icon.name}`, omitBackground: true })
  }
} finally {
  await browser.close()
}
