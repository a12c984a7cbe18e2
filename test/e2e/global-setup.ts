// Starts the real Node server (`node --import tsx worker/node.ts --demo`) on a free port with a
// fresh database for the browser suite, and stops it afterwards. Needs web/dist built.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { freePort } from '../support/server'


declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    /** The server's database, for a test that changes what no route changes (a unit's name). */
    databaseUrl: string
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const START_TIMEOUT_MS = 45_000

/** Polls /api/v1/health until the server answers, failing fast if the process dies. */
async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`)
    const ok = await fetch(url).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server did not answer ${url} within ${START_TIMEOUT_MS} ms:\n${output()}`)
}

export default async function setup(project: TestProject) {
  if (!existsSync(join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run the suite with `npm run test:e2e`, which builds first')
  }
  const dir = mkdtempSync(join(tmpdir(), 'chengde-e2e-'))
  const port = await freePort()
  let log = ''
  const databaseUrl = `file:${join(dir, 'e2e.db')}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))

  const baseURL = `http://127.0.0.1:${port}`
  try {
    await waitUntilHealthy(`${baseURL}/api/v1/health`, child, () => log)
  } catch (e) {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  project.provide('baseURL', baseURL)
  project.provide('databaseUrl', databaseUrl)

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
}
