// 7. A roster import of 5,000 deputies against the real Node server (embedded libSQL file,
// synchronous=FULL), and what it does to everyone else: GET /me from two keep-alive connections
// in a closed loop, first for a few seconds alone (the baseline of the same run), then for as long
// as the import takes. Reported: the import's time, GET /me p50/p99/max without and during it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent } from 'node:http'
import { COUNTIES } from '../worker/db/seed/chengde'
import { percentile, prepareFile, round, sessionsFor, startServer } from './lib/server'
import { send } from './lib/load'

export const IMPORT_ROWS = 5000
const READERS = 2
const BASELINE_SECONDS = 4

function rosterCsv(rows: number, phonePrefix: string): string {
  const lines = ['姓名,手机号,代表层级,县市区,代表小组']
  for (let i = 0; i < rows; i++) lines.push(`代表${i},${phonePrefix}${String(i).padStart(11 - phonePrefix.length, '0')},乡,${COUNTIES[i % COUNTIES.length]!.name},第${i % 40}代表小组`)
  return lines.join('\r\n') + '\r\n'
}

/** GET /me from `READERS` connections until `until()` is true; every request's latency. */
async function readMe(url: string, cookie: string, until: () => boolean): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: READERS })
  const ms: number[] = []
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!until()) {
        const start = performance.now()
        const status = await send(url, agent, { path: '/api/v1/me', headers: { cookie } })
        if (status !== 200) throw new Error(`GET /me answered ${status}`)
        ms.push(performance.now() - start)
      }
    }),
  )
  agent.destroy()
  return ms
}

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  return { requests: sorted.length, p50: round(percentile(sorted, 50), 2), p99: round(percentile(sorted, 99), 2), max: round(sorted.at(-1) ?? 0, 1) }
}

async function postCsv(url: string, cookie: string, csv: string) {
  const res = await fetch(`${url}/api/v1/deputies/import`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv; charset=utf-8' }, body: csv })
  const body = (await res.json()) as Record<string, unknown>
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(body)}`)
  return body
}

export async function rosterImport(rows = IMPORT_ROWS) {
  const dir = mkdtempSync(join(tmpdir(), 'npc-import-'))
  const file = join(dir, 'app.db')
  const client = await prepareFile(file)
  const now = new Date().toISOString()
  await client.execute({ sql: `insert into users (id, name, phone, role, must_change_password, created_at, updated_at) values ('city', '市人大', '13800000001', 'city_staff', 0, ?, ?)`, args: [now, now] })
  const [city] = await sessionsFor(client, ['city'])
  client.close()
  const server = await startServer(file)
  try {
    // A server that has run for a while: the import and read paths compiled.
    await postCsv(server.url, city!, rosterCsv(300, '136'))
    const warm = performance.now() + 2000
    await readMe(server.url, city!, () => performance.now() > warm)

    const baselineEnds = performance.now() + BASELINE_SECONDS * 1000
    const alone = await readMe(server.url, city!, () => performance.now() > baselineEnds)

    const csv = rosterCsv(rows, '139')
    let done = false
    const reading = readMe(server.url, city!, () => done)
    const start = performance.now()
    const answer = await postCsv(server.url, city!, csv).finally(() => (done = true))
    const importMs = performance.now() - start
    const during = await reading
    if (answer.created !== rows) throw new Error(`import created ${String(answer.created)} of ${rows}`)
    const me = { alone: summary(alone), duringImport: summary(during) }
    return {
      rows,
      csvKB: round(Buffer.byteLength(csv) / 1024),
      importMs: Math.round(importMs),
      answerKeys: Object.keys(answer).sort(),
      readers: READERS,
      meLatencyMs: me,
      /** How much the import adds to the p99 of everyone else's GET /me. */
      meP99AddedMs: round(me.duringImport.p99 - me.alone.p99, 1),
    }
  } finally {
    await server.stop()
  }
}
