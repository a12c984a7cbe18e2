// A small closed-loop load generator: `connections` workers, each sending its next request as
// soon as the last one is answered, for `seconds`, over keep-alive HTTP. Unlike a generic tool
// it records every request and its status, so the bench can check each acknowledged write.
import { Agent, request } from 'node:http'

export interface Sent {
  path: string
  headers: Record<string, string>
  body: string
  status: number
  ms: number
  /** When it was sent, in ms from the start of the run. */
  at: number
}

export function send(base: string, agent: Agent, r: { path: string; headers: Record<string, string>; body?: string; method?: string }): Promise<number> {
  return new Promise((resolve) => {
    const url = new URL(r.path, base)
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: r.method ?? (r.body ? 'POST' : 'GET'), headers: r.headers, agent },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', () => resolve(0))
    if (r.body) req.end(r.body)
    else req.end()
  })
}

export async function closedLoop(
  base: string,
  connections: number,
  seconds: number,
  next: (i: number) => { path: string; headers: Record<string, string>; body?: string; method?: string },
): Promise<{ sent: Sent[]; seconds: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const sent: Sent[] = []
  const until = performance.now() + seconds * 1000
  let i = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const r = next(i++)
        const start = performance.now()
        const status = await send(base, agent, r)
        sent.push({ path: r.path, headers: r.headers, body: r.body ?? '', status, ms: performance.now() - start, at: start - t0 })
      }
    }),
  )
  const elapsed = (performance.now() - t0) / 1000
  agent.destroy()
  return { sent, seconds: elapsed }
}
