// Node only: every request gets its answer, even one answered before its body was read (a 401,
// 404, 415 or 413 while the client is still sending). @hono/node-server's own clean-up gives an
// unread body 500 ms and then destroys the socket, so a client still uploading a few hundred KB
// (or the next request on that keep-alive connection) saw "socket closed" instead of the answer.
// Here the rest of the body is read and dropped once the answer is sent, as Node's http server
// does for bodies nobody touched; past `maxBytes` the connection is closed, so a client cannot
// keep the server reading forever.
import { Server, type IncomingMessage, type ServerResponse } from 'node:http'
import type { ServerType } from '@hono/node-server'

/** Pass to serve() with drainUnreadBodies: the clean-up above replaces the library's. */
export const NODE_SERVE_OPTIONS = { autoCleanupIncoming: false } as const

export function drainUnreadBodies(server: ServerType, maxBytes = 16 * 1024 * 1024): void {
  if (!(server instanceof Server)) return
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.once('finish', () => {
      if (req.complete || req.destroyed) return
      // The web stream made from the request may hold 'data' listeners that stopped reading;
      // drop them and read the rest into nothing.
      req.removeAllListeners('data')
      let read = 0
      req.on('data', (chunk: Buffer) => {
        read += chunk.length
        if (read > maxBytes) req.socket.destroy()
      })
      req.resume()
    })
  })
}
