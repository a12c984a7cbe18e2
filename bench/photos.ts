// 8. Photos on the real Node server (embedded libSQL file, synchronous=FULL, FILES_DIR on this
// disk with fsync): upload throughput of 1 MB photos in a closed loop from a few connections
// (requests and MB per second), and the server's resident memory while 20 upload at once
// (peak against idle, read from /proc while the uploads run). D1 rows read for an issue detail
// with 9 photos are measured inside workerd with the other endpoints (bench/workerd/rows-read.bench.ts).
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent, request } from 'node:http'
import { jpegOfSize } from '../test/support/images'
import { percentile, prepareFile, round, sessionsFor, startServer } from './lib/server'

const PHOTO_BYTES = 1024 * 1024
const CONNECTIONS = 4
const AT_ONCE = 20
const ROUNDS = 5

/** Resident memory of a process, in MB (Linux /proc). */
function rssMB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024
}

function put(url: string, agent: Agent, path: string, cookie: string, body: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const req = request({ hostname, port, path, method: 'PUT', agent, headers: { cookie, 'content-type': 'image/jpeg', 'content-length': body.length } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(body)
  })
}

export async function photoUploads(seconds = 6) {
  const dir = mkdtempSync(join(tmpdir(), 'npc-photos-'))
  const file = join(dir, 'app.db')
  const client = await prepareFile(file)
  const now = new Date().toISOString()
  await client.execute({ sql: `insert into users (id, name, phone, role, county_code, level, must_change_password, created_at, updated_at) values ('deputy', '王秀兰', '13800000004', 'deputy', '130881', 'county', 0, ?, ?)`, args: [now, now] })
  const [cookie] = await sessionsFor(client, ['deputy'])
  client.close()
  const server = await startServer(file, { FILES_DIR: join(dir, 'files') })
  const pid = server.process.pid!
  const photo = jpegOfSize(PHOTO_BYTES)
  const agent = new Agent({ keepAlive: true, maxSockets: AT_ONCE })
  // Issues to attach to, made before anything is measured: each step takes nine photos.
  const issues: string[] = []
  let slot = 0
  const nextPlace = async () => {
    const n = slot++
    while (issues.length <= Math.floor(n / 9)) {
      const res = await fetch(`${server.url}/api/v1/issues`, {
        method: 'POST',
        headers: { cookie: cookie!, 'content-type': 'application/json' },
        body: JSON.stringify({ fieldCode: 'rural_living', title: '村道垃圾未清运', description: '主干道旁垃圾堆放', source: 'deputy', foundOn: now.slice(0, 10) }),
      })
      if (res.status !== 201) throw new Error(`issue create answered ${res.status}`)
      issues.push(((await res.json()) as { id: string }).id)
    }
    return issues[Math.floor(n / 9)]!
  }
  const upload = async () => {
    const issueId = await nextPlace()
    const start = performance.now()
    const status = await put(server.url, agent, `/api/v1/photos/${crypto.randomUUID()}?issueId=${issueId}`, cookie!, photo)
    if (status !== 201) throw new Error(`photo upload answered ${status}`)
    return performance.now() - start
  }
  try {
    // Warm: the upload path compiled, the issues for the loop made.
    for (let i = 0; i < 18; i++) await upload()
    const warm = slot
    for (let i = 0; i < 9 * 300; i++) await nextPlace()
    slot = warm
    const idleMB = rssMB(pid)

    const latencies: number[] = []
    const ends = performance.now() + seconds * 1000
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < ends) latencies.push(await upload())
      }),
    )
    const elapsed = (performance.now() - started) / 1000
    const sorted = [...latencies].sort((a, b) => a - b)

    // 20 at once, a few times over, sampling the server's memory meanwhile.
    const idleBeforeBurstMB = rssMB(pid)
    let peakMB = idleBeforeBurstMB
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        peakMB = Math.max(peakMB, rssMB(pid))
        await new Promise((r) => setTimeout(r, 5))
      }
    })()
    for (let r = 0; r < ROUNDS; r++) await Promise.all(Array.from({ length: AT_ONCE }, upload))
    sampling = false
    await sampler
    return {
      photoMB: round(PHOTO_BYTES / 1024 / 1024, 2),
      throughput: {
        connections: CONNECTIONS,
        seconds: round(elapsed, 1),
        uploads: latencies.length,
        rps: round(latencies.length / elapsed, 1),
        mbPerSecond: round((latencies.length * PHOTO_BYTES) / 1024 / 1024 / elapsed, 1),
        latencyMs: { p50: round(percentile(sorted, 50), 1), p99: round(percentile(sorted, 99), 1) },
      },
      memory: { atOnce: AT_ONCE, rounds: ROUNDS, idleMB: round(Math.min(idleMB, idleBeforeBurstMB), 1), peakMB: round(peakMB, 1), addedMB: round(peakMB - Math.min(idleMB, idleBeforeBurstMB), 1) },
    }
  } finally {
    agent.destroy()
    await server.stop()
  }
}
