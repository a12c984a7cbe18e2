// The office-software check (npm run test:office): each export converted to PDF by LibreOffice,
// headless, and read with pdftotext. Needs Debian's libreoffice-calc-nogui and poppler-utils;
// not part of npm test or .ci/run (README: where it runs, how long it takes).
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/office/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/support/clock.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
