// On D1: a create retried in the same millisecond as the first (same id, body and created_at)
// creates one issue or activity and moves the counters once, as a recount from the base tables says.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { todayInShanghai } from '../../worker/core/dates'
import { RECOUNT } from '../../worker/stats/recount'
import { inOneMillisecond } from '../support/clock'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
let cookie = ''

function post(path: string, body: unknown) {
  return fetchChecked(`${ORIGIN}/api/v1${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify(body) })
}

/** A counter table's rows and its recount (npm run stats:rebuild's truth), in a stable order. */
async function counters(table: keyof typeof RECOUNT) {
  const { columns, select } = RECOUNT[table]
  const norm = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort()
  const stored = (await env.DB.prepare(`select ${columns} from ${table}`).raw()) as unknown[][]
  return { stored: norm(stored), recount: norm((await fromD1(env.DB).values(select)) as unknown[][]) }
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const now = new Date().toISOString()
  const phone = '13711119001'
  await fromD1(env.DB)
    .insert(users)
    .values({ id: crypto.randomUUID(), name: '代表', phone, role: 'deputy', level: 'county', countyCode: '130881', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, createdAt: now, updatedAt: now })
  const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ phone, password: PASSWORD }) })
  expect(res.status).toBe(200)
  cookie = res.headers.get('set-cookie')!.split(';')[0]!
})

it('files one issue and counts it once when the retry comes in the same millisecond', async () => {
  const body = { id: crypto.randomUUID(), fieldCode: 'rural_living', township: '平泉镇', title: '村道垃圾未清运', description: '主干道旁垃圾堆放', source: 'deputy', foundOn: todayInShanghai() }
  const statuses = await inOneMillisecond(async () => [(await post('/issues', body)).status, (await post('/issues', body)).status])
  expect(statuses).toEqual([201, 200])
  expect(await env.DB.prepare('select count(*) from issues').raw()).toEqual([[1]])
  const { stored, recount } = await counters('issue_counts')
  expect(stored).toEqual(recount)
  expect(await env.DB.prepare(`select key, reported from issue_counts where dimension = 'field'`).raw()).toEqual([['rural_living', 1]])
})

it('records one activity, its introduction and tags once, counted once, when the retry comes in the same millisecond', async () => {
  const body = {
    id: crypto.randomUUID(),
    date: todayInShanghai(),
    venue: 'village',
    title: '走访河东村',
    tags: ['three_visits', 'four_must_visits'],
    outcomes: { policy_talk: 1, opinion: 0, deed: 0, mentoring: 0 },
    introductions: [{ type: 'talent', name: '人才' }],
  }
  const statuses = await inOneMillisecond(async () => [(await post('/activities', body)).status, (await post('/activities', body)).status])
  expect(statuses).toEqual([201, 200])
  expect(await env.DB.prepare('select (select count(*) from activities), (select count(*) from activity_introductions), (select count(*) from activity_tags)').raw()).toEqual([[1, 1, 2]])
  const { stored, recount } = await counters('activity_counts')
  expect(stored).toEqual(recount)
  expect(await env.DB.prepare('select activities from activity_counts').raw()).toEqual([[1]])
})
