// Group activities inside workerd with D1: the activity, its participants and its counters are
// one D1 batch, a retried create writes nothing more, and a confirmation counts it once for the
// county and the group while each participant's record shows it.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const COUNTY = '130822'
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
  // The first request loads the reference data (the counties the accounts belong to).
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const db = fromD1(env.DB)
  const now = new Date().toISOString()
  const hash = await hashPassword(PASSWORD)
  await db.insert(users).values({ id: crypto.randomUUID(), name: '兴隆工作人员', phone: '13766660001', role: 'county_staff', countyCode: COUNTY, passwordHash: hash, mustChangePassword: false, createdAt: now, updatedAt: now })
  for (let i = 0; i < 3; i++) {
    const id = crypto.randomUUID()
    deputies.push(id)
    await db.insert(users).values({ id, name: `兴隆代表${i}`, phone: `1376666001${i}`, role: 'deputy', countyCode: COUNTY, level: 'county', createdAt: now, updatedAt: now })
  }
  const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ phone: '13766660001', password: PASSWORD }) })
  expect(res.status).toBe(200)
  staffCookie = res.headers.get('set-cookie')!.split(';')[0]!
})

it('records a group activity on D1 once, and once confirmed counts it once while both participants’ records show it', async () => {
  const group = await call('POST', '/groups', { name: '营商环境代表小组', year: 2024, fieldCodes: ['business_env'], leaderId: deputies[0], memberIds: deputies.slice(0, 2) })
  expect(group.status).toBe(201)
  const { id: groupId } = (await group.json()) as { id: string }
  const id = crypto.randomUUID()
  const body = {
    id,
    groupId,
    participantIds: [deputies[1], deputies[2]],
    date: '2024-04-18',
    venue: 'enterprise',
    title: '小组走访园区企业',
    outcomes: { opinion: 3 },
    introductions: [{ type: 'talent', name: '数控技师' }],
  }
  const [a, b] = await Promise.all([call('POST', '/activities', body), call('POST', '/activities', body)])
  expect([a.status, b.status].sort()).toEqual([200, 201])
  const created = (await (a.status === 201 ? a : b).json()) as { version: number; participants: { id: string; invited: boolean }[] }
  expect(created.participants.map((p) => [p.id, p.invited])).toEqual(expect.arrayContaining([[deputies[1], false], [deputies[2], true]]))
  expect((await call('POST', `/activities/${id}/review`, { decision: 'confirm', version: created.version })).status).toBe(200)

  for (const d of [deputies[1], deputies[2]]) {
    const r = (await (await call('GET', `/deputies/${d}/record?year=2024`)).json()) as { confirmed: number; groupActivities: number; outcomes: { opinion: number } }
    expect(r).toMatchObject({ confirmed: 1, groupActivities: 1, outcomes: { opinion: 0 } })
  }
  const stats = (await (await call('GET', `/stats/activities?year=2024&countyCode=${COUNTY}`)).json()) as { rows: { activities: number; confirmed: number; activeDeputies: number; outcomes: { opinion: number } }[] }
  expect(stats.rows[0]).toMatchObject({ activities: 1, confirmed: 1, activeDeputies: 2, outcomes: { opinion: 3 } })
  const byGroup = (await (await call('GET', `/stats/groups/activities?year=2024&countyCode=${COUNTY}`)).json()) as { rows: { groupId: string; activities: number; participations: number; introductions: { talent: number } }[] }
  expect(byGroup.rows).toEqual([expect.objectContaining({ groupId, activities: 1, participations: 2, introductions: expect.objectContaining({ talent: 1 }) })])
})
