// Node entry: takes the port, opens the libSQL database, migrates and seeds it, serves the API and
// the built web (web/dist) on PORT, with one JSON log line per request. `--demo` loads the demo
// data set into an empty database and prints the demo accounts that sign in. Thin: everything
// else is createApp's (and node-start.ts's).
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createApp, type App } from './app'
import { parseConfig } from './env'
import { openNodeDatabase, DEFAULT_DATABASE_URL } from './db/open-node'
import { prepareDatabase } from './db/prepare'
import { EmbeddedClient } from './db/embedded'
import { lineSink } from './log'
import { demoAccountLines, listen, listenHost, startLine, usableDemoAccounts } from './node-start'
import { closeOnSignals } from './shutdown'
import { serveWeb } from './static-node'
import { drainUnreadBodies } from './node-bodies'
import { dirStore } from './files/dir-store'
import { DEFAULT_FILES_DIR } from './db/backup'

const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url))

async function main() {
  const demo = process.argv.includes('--demo')
  const config = parseConfig({ ...process.env, DEMO_DATA: demo ? 'true' : process.env.DEMO_DATA })
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const port = Number(process.env.PORT || 8787)
  // The port first: a port in use stops the start before the database is created or touched.
  // Requests that arrive meanwhile wait for the app.
  let started: (app: App) => void = () => {}
  const appReady = new Promise<App>((resolve) => (started = resolve))
  const server = await listen(async (req, env) => (await appReady).fetch(req, env), port, listenHost(process.env.HOST, config.demoData))
  drainUnreadBodies(server)

  const { client, db } = await openNodeDatabase(url, process.env.DATABASE_AUTH_TOKEN)
  await prepareDatabase(db, config)

  const app = createApp({ db, config, log: lineSink(process.stdout, process.stderr), files: dirStore(process.env.FILES_DIR || DEFAULT_FILES_DIR) })
  if (!serveWeb(app, WEB_DIST)) {
    console.warn(`web/dist not found: run "npm run build" to serve the web app (API only for now)`)
  }

  started(app)
  console.log(startLine(server.address() as AddressInfo, url))
  if (config.demoData) for (const line of demoAccountLines(await usableDemoAccounts(db))) console.log(line)
  closeOnSignals(server as Server, {
    closeDatabase() {
      if (client instanceof EmbeddedClient && !client.checkpoint()) console.warn('另一进程仍在读取数据库：预写日志（-wal 文件）未能全部写回')
      client.close()
    },
  })
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
