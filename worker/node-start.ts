// How the Node server starts: which address it binds (loopback for demo data, whose passwords
// are published), taking the port before anything touches the database, the start line with the
// address it really listens on, and the demo accounts that really sign in.
import type { AddressInfo } from 'node:net'
import { inArray } from 'drizzle-orm'
import { createAdaptorServer, type ServerType } from '@hono/node-server'
import type { Db } from './db/client'
import { users } from './db/schema'
import { verifyPassword } from './auth/passwords'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './db/seed/demo'
import { ROLE_LABELS } from './core/taxonomy'
import { COUNTIES } from './db/seed/chengde'
import { NODE_SERVE_OPTIONS } from './node-bodies'

type Fetch = Parameters<typeof createAdaptorServer>[0]['fetch']

/** HOST when set; else loopback for demo data (anyone who reads the README knows its passwords), else every interface. */
export function listenHost(host: string | undefined, demoData: boolean): string {
  if (host) return host
  return demoData ? '127.0.0.1' : '0.0.0.0'
}

/** Listens, or fails with one line saying why (a port in use above all) and nothing else done. */
export function listen(fetch: Fetch, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = createAdaptorServer({ fetch, ...NODE_SERVE_OPTIONS })
    server.once('error', (e: NodeJS.ErrnoException) => {
      const where = `${hostname}:${port}`
      if (e.code === 'EADDRINUSE') {
        reject(new Error(`端口 ${port} 已被占用（${where}），服务未启动：请停止占用它的程序，或用 PORT 另选端口。Port ${port} is already in use (${where}); the server did not start: stop what holds it or choose another PORT.`))
      } else if (e.code === 'EACCES') {
        reject(new Error(`没有权限使用端口 ${port}（${where}），服务未启动。No permission to listen on ${where}; the server did not start.`))
      } else reject(e)
    })
    server.listen(port, hostname, () => resolve(server))
  })
}

/** `http://127.0.0.1:8787`, `http://[::1]:8787`: the address the server is bound to, not a guess. */
export function listenUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return `http://${host}:${address.port}`
}

export function startLine(address: AddressInfo, databaseUrl: string): string {
  const everywhere = address.address === '0.0.0.0' || address.address === '::'
  const reach = everywhere ? '  — on every network interface of this machine' : ''
  return `承德市人大台账系统 running at ${listenUrl(address)}${reach}  (database: ${databaseUrl})`
}

/** The demo accounts of this database that exist, are active and still have the demo password. */
export async function usableDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await db
    .select({ phone: users.phone, role: users.role, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(inArray(users.phone, DEMO_ACCOUNTS.map((a) => a.phone)))
  const usable = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => {
      const row = rows.find((r) => r.phone === a.phone)
      return row && row.active && row.role === a.role && (await verifyPassword(DEMO_PASSWORD, row.passwordHash)) ? a : null
    }),
  )
  return usable.filter((a): a is DemoAccount => a !== null)
}

/** What `--demo` prints: the accounts that really sign in, or one line saying why there are none. */
export function demoAccountLines(usable: DemoAccount[]): string[] {
  if (usable.length === 0) {
    return ['\n此数据库已有账号，未载入演示数据，没有可用演示密码登录的账号。This database already has accounts: no demo data was loaded and no account signs in with the demo password.']
  }
  const county = (code: string | null) => COUNTIES.find((c) => c.code === code)?.name ?? '—'
  const lines = [`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`]
  for (const a of usable) {
    lines.push(`  ${a.phone}  ${ROLE_LABELS[a.role].padEnd(10, '　')} ${county(a.countyCode)}${a.unitName ? ` · ${a.unitName}` : ''}  ${a.name}`)
  }
  if (usable.length < DEMO_ACCOUNTS.length) {
    lines.push(`  （其余 ${DEMO_ACCOUNTS.length - usable.length} 个演示账号在此数据库中不存在、已停用或已改密码 / the other demo accounts do not exist here, are inactive or have another password）`)
  }
  return lines
}
