// The real Node server as a child process (`node --import tsx worker/node.ts`), for the tests of
// what only the process does: the address it binds, its start line, its logs, a port in use.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WAIT_MS = 60_000

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface ServerProcess {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves once stdout matches, fails if the process exits first. */
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  stop: () => Promise<void>
}

export function startServer(env: Record<string, string | undefined>, args: string[] = []): ServerProcess {
  const base: Record<string, string | undefined> = { ...process.env }
  for (const name of ['HOST', 'PORT', 'DATABASE_URL', 'DEMO_DATA', 'TRUST_PROXY']) delete base[name]
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts', ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  async function waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
    const deadline = Date.now() + WAIT_MS
    while (Date.now() < deadline) {
      const m = out.match(pattern)
      if (m) return m
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}\n${err}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`no ${pattern} within ${WAIT_MS} ms:\n${out}\n${err}`)
  }

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await exited
    }
  }

  return { child, stdout: () => out, stderr: () => err, waitFor, exited, stop }
}
