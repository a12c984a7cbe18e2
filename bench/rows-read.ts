// 3. Rows read per request on D1: runs bench/workerd/rows-read.bench.ts inside workerd (through
// vitest and the Workers pool) and reads the table it prints.
import { execFileSync } from 'node:child_process'

export function rowsRead(): Record<string, { status: number; rowsRead: number; rowsWritten: number }> {
  const out = execFileSync('npx', ['vitest', 'run', '--config', 'bench/vitest.workerd.config.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 })
  const line = out.split('\n').find((l) => l.includes('BENCH_ROWS '))
  if (!line) throw new Error(`the rows-read run printed no BENCH_ROWS line:\n${out.slice(-2000)}`)
  return JSON.parse(line.slice(line.indexOf('BENCH_ROWS ') + 'BENCH_ROWS '.length)) as ReturnType<typeof rowsRead>
}
