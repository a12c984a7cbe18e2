// Creates the first city administrator (市人大工作人员, role city_staff) on a real deployment.
//   Node / libSQL / Turso:  DATABASE_URL=... npm run admin:create -- --phone 139xxxxxxxx --name 张三
//   Cloudflare D1:          npm run -s admin:create -- --sql --phone ... --name ... > admin.sql
//                           npx wrangler d1 execute DB --remote --file admin.sql
// A temporary password is printed once (to stderr with --sql); it must be changed at first sign-in.
// Everyone else starts with an activation code that staff print; the first administrator keeps a
// temporary password because it goes to the operator's terminal (not lost with an HTTP answer)
// and there is no one yet who could print a slip for them.
import { parseArgs } from 'node:util'
import { eq } from 'drizzle-orm'
import { PHONE_RE } from '../core/schemas'
import { hashPassword, temporaryPassword } from '../auth/passwords'
import { users } from '../db/schema'
import { openNodeDatabase, DEFAULT_DATABASE_URL } from '../db/open-node'
import { seedReference } from '../db/seed/reference'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`

async function main() {
  const { values } = parseArgs({ options: { phone: { type: 'string' }, name: { type: 'string' }, sql: { type: 'boolean', default: false } } })
  const phone = values.phone?.trim() ?? ''
  const name = values.name?.trim() ?? ''
  if (!PHONE_RE.test(phone)) fail('请用 --phone 给出 11 位手机号')
  if (!name || name.length > 30) fail('请用 --name 给出姓名（30 字以内）')

  const password = temporaryPassword()
  const now = new Date().toISOString()
  const row = {
    id: crypto.randomUUID(),
    name,
    phone,
    role: 'city_staff' as const,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    createdAt: now,
    updatedAt: now,
  }

  if (values.sql) {
    process.stdout.write(
      `INSERT INTO users (id, name, phone, role, password_hash, must_change_password, active, created_at, updated_at, version) VALUES (` +
        [row.id, row.name, row.phone, row.role, row.passwordHash].map(sqlString).join(', ') +
        `, 1, 1, ${sqlString(now)}, ${sqlString(now)}, 1);\n`,
    )
    console.error(`已生成 ${name}（${phone}）的账号 SQL。临时密码：${password}（首次登录须修改）`)
    return
  }

  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL
  const { db, client } = await openNodeDatabase(url, process.env.DATABASE_AUTH_TOKEN)
  await seedReference(db)
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.phone, phone)).limit(1)
  if (existing) fail(`手机号 ${phone} 已有账号，未做任何修改`)
  await db.insert(users).values(row)
  client.close()
  console.error(`已在 ${url} 创建市人大工作人员 ${name}（${phone}）。临时密码：${password}（首次登录须修改）`)
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)))
