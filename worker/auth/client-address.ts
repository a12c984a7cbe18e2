// The address a request came from, for throttling: the socket on Node, CF-Connecting-IP on
// Workers, the proxy's X-Forwarded-For entry only when TRUST_PROXY says a proxy of ours sets it.
import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { AppEnv } from '../env'

/** What @hono/node-server hands the app as its env: the request's socket is in `incoming`. */
interface NodeServerEnv {
  incoming?: { socket?: { remoteAddress?: string } }
}

/**
 * The client's address. Behind our reverse proxy (TRUST_PROXY=true) it is the RIGHTMOST
 * X-Forwarded-For entry, the one the proxy appended from its socket: anything to the left of it
 * came from the client and is not believed. Otherwise the socket's address on Node; on Workers,
 * where there is no socket, CF-Connecting-IP, which Cloudflare sets and a client cannot.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.config.trustProxy) {
    const proxied = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim()
    if (proxied) return normalizeAddress(proxied)
  }
  if ((c.env as NodeServerEnv | undefined)?.incoming?.socket) {
    const socket = getConnInfo(c).remote.address
    if (socket) return normalizeAddress(socket)
  }
  const edge = c.req.header('cf-connecting-ip')?.trim()
  return edge ? normalizeAddress(edge) : 'unknown'
}

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how Node reports IPv4 on a dual-stack socket) as IPv4. */
function normalizeAddress(address: string): string {
  const a = address.toLowerCase()
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice('::ffff:'.length) : a
}

/**
 * The unit one client is throttled as: an IPv4 address, or an IPv6 /64 (one subscriber usually
 * holds a whole /64, so counting single IPv6 addresses would make spraying free).
 */
export function addressBucket(address: string): string {
  if (!address.includes(':')) return address
  const [head = '', tail] = address.split('%')[0]!.split('::') as [string, string?]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  const prefix = groups.slice(0, 4).map((g) => (g || '0').replace(/^0+(?=.)/, ''))
  while (prefix.length < 4) prefix.push('0')
  return `${prefix.join(':')}::/64`
}
