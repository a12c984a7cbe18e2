// Clean stop of the Node server on SIGTERM/SIGINT: stop accepting, let the requests under way
// finish (up to a deadline), commit what is waiting, fold the write-ahead log into the database
// file and close it, so that the file alone is complete (a plain copy of it is a backup).
import type { Server } from 'node:http'

/** Requests under way get this long to finish after the signal; then their connections are cut. */
export const SHUTDOWN_DEADLINE_MS = 10_000

export interface ShutdownOptions {
  /** Commits what is waiting, checkpoints and closes the database. */
  closeDatabase(): void
  deadlineMs?: number
  log?(line: string): void
}

export function closeOnSignals(server: Server, { closeDatabase, deadlineMs = SHUTDOWN_DEADLINE_MS, log = (l) => console.error(l) }: ShutdownOptions): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: the operator does not want to wait. SQLite's journal keeps the file sound.
      log(`再次收到 ${signal}，立即退出`)
      process.exit(1)
    }
    stopping = true
    log(`收到 ${signal}：不再接受新请求，等待进行中的请求完成（最多 ${Math.round(deadlineMs / 1000)} 秒）`)
    // Idle keep-alive connections would hold close() open; ones busy now become idle once answered.
    const idle = setInterval(() => server.closeIdleConnections(), 50)
    const deadline = setTimeout(() => {
      log('等待超时：断开仍未完成的连接')
      server.closeAllConnections()
    }, deadlineMs)
    server.close(() => {
      clearInterval(idle)
      clearTimeout(deadline)
      try {
        closeDatabase()
        log('数据库已写入并关闭，服务器已停止')
        process.exit(0)
      } catch (e) {
        log(`关闭数据库失败：${e instanceof Error ? e.message : String(e)}`)
        process.exit(1)
      }
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
