// Node entry: opens the libSQL database, migrates and seeds it, serves the API and the built web
// (web/dist) on PORT. `--demo` loads the demo data set into an empty database and prints the
// demo accounts. Thin: everything else is createApp's.
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { serveWeb } from './static-node'
import { drainUnreadBodies, NODE_SERVE_OPTIONS } from './node-bodies'
import { parseConfig } from './env'
import { openNodeDatabase, DEFAULT_DATABASE_URL } from './db/open-node'
import { prepareDatabase } from './db/prepare'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './db/seed/demo'
import { ROLE_LABELS } from './core/taxonomy'
import { COUNTIES } from './db/seed/chengde'

const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url))

async function main() {
  const demo = process.argv.includes('--demo')
  const config = parseConfig({ ...process.env, DEMO_DATA: demo ? 'true' : process.env.DEMO_DATA })
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const port = Number(process.env.PORT || 8787)
  const { db } = await openNodeDatabase(url, process.env.DATABASE_AUTH_TOKEN)
  await prepareDatabase(db, config)

  const app = createApp({ db, config })
  if (!serveWeb(app, WEB_DIST)) {
    console.warn(`web/dist not found: run "npm run build" to serve the web app (API only for now)`)
  }

  const server = serve({ fetch: app.fetch, ...NODE_SERVE_OPTIONS, port, hostname: process.env.HOST || '0.0.0.0' }, (info) => {
    console.log(`承德市人大台账系统 running at http://localhost:${info.port}  (database: ${url})`)
    if (config.demoData) {
      const county = (code: string | null) => COUNTIES.find((c) => c.code === code)?.name ?? '—'
      console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`)
      for (const a of DEMO_ACCOUNTS) {
        console.log(`  ${a.phone}  ${ROLE_LABELS[a.role].padEnd(10, '　')} ${county(a.countyCode)}${a.unitName ? ` · ${a.unitName}` : ''}  ${a.name}`)
      }
    }
  })
  drainUnreadBodies(server)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
