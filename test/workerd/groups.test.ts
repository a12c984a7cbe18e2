// Deputy groups inside workerd with D1: the group, its fields and members are one D1 batch, a
// stale change writes none of its member rows, and coverage reads the year's field pairs.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const COUNTY = '130827'
let staffCookie = ''
const deputies: string[] = []

async function call(method: string, path: string, body?: unknown) {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, {
    method,
    headers: { cookie: staffCookie, 'content-type': 'application/json', origin: ORIGIN },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const db = fromD1(env.DB)
  const now = new Date().toISOString()
  const hash = await hashPassword(PASSWORD)
  await db.insert(users).values({ id: crypto.randomUUID(), name: '宽城工作人员', phone: '13744440001', role: 'county_staff', countyCode: COUNTY, passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now })
  for (let i = 0; i < 4; i++) {
    const id = crypto.randomUUID()
    deputies.push(id)
    await db.insert(users).values({ id, name: `宽城代表${i}`, phone: `1374444001${i}`, role: 'deputy', countyCode: COUNTY, level: (['national', 'city', 'county', 'township'] as const)[i], createdAt: now, updatedAt: now })
  }
  const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ phone: '13744440001', password: PASSWORD }) })
  expect(res.status).toBe(200)
  staffCookie = res.headers.get('set-cookie')!.split(';')[0]!
})

it('forms a group on D1, takes one of two changes at the same version, and reports the fields still missing', async () => {
  const created = await call('POST', '/groups', { name: '重点项目建设代表小组', year: 2024, fieldCodes: ['key_projects', 'dev_zones'], leaderId: deputies[0], memberIds: deputies.slice(0, 2) })
  expect(created.status).toBe(201)
  const { id } = (await created.json()) as { id: string }
  const [a, b] = await Promise.all([
    call('PATCH', `/groups/${id}`, { version: 1, memberIds: [deputies[0], deputies[2]] }),
    call('PATCH', `/groups/${id}`, { version: 1, memberIds: [deputies[0], deputies[3]] }),
  ])
  expect([a.status, b.status].sort()).toEqual([200, 409])
  const { group } = (await (await call('GET', `/groups/${id}`)).json()) as { group: { version: number; members: { id: string }[] } }
  expect(group.version).toBe(2)
  expect(group.members.map((m) => m.id).sort()).toEqual([deputies[0], a.status === 200 ? deputies[2] : deputies[3]].sort())
  const coverage = (await (await call('GET', '/stats/groups?year=2024')).json()) as { rows: { countyCode: string; covered: string[]; missing: string[] }[] }
  expect(coverage.rows).toEqual([{ countyCode: COUNTY, groups: 1, covered: ['key_projects', 'dev_zones'], missing: ['business_env', 'groundwater', 'rural_living', 'waste_sorting', 'rural_industry'], complete: false }])
})
