// A small ledger import inside workerd with D1: the preview, the confirmed unit, the rows filed in
// their status through the create batch on D1, and the same file again creating nothing.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { todayInShanghai } from '../../worker/core/dates'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
let cookie = ''

const day = (n: number) => todayInShanghai(new Date(Date.now() + n * 86400_000))
const HEADER = '监督领域,问题类型,问题标题,具体情况,乡镇,具体位置,发现方式,发现日期,责任单位,整改要求,整改时限,办理状态,销号日期'
const CSV = [
  HEADER,
  `农村人居环境整治提升,问题,村道垃圾未清运,主干道旁垃圾堆放,平泉镇,河东村,代表反映,${day(-20)},,,,已上报,`,
  `地下水超采综合治理,问题,机井未封填,两眼机井未封填,平泉镇,河西村,实地检查,${day(-20)},平泉市水务局,限期封填,${day(10)},整改中,`,
  `地下水超采综合治理,意见建议,建议建节水设施,节水设施不足,平泉镇,河西村,走访座谈,${day(-20)},平泉市水务局,增建节水设施,${day(-2)},已销号,${day(-3)}`,
].join('\r\n')

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const now = new Date().toISOString()
  await fromD1(env.DB)
    .insert(users)
    .values({ id: crypto.randomUUID(), name: '周红', phone: '13700000191', role: 'county_staff', countyCode: '130881', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, createdAt: now, updatedAt: now })
  const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ phone: '13700000191', password: PASSWORD }),
  })
  expect(res.status).toBe(200)
  cookie = res.headers.get('set-cookie')!.split(';')[0]!
})

function importCsv(query: string) {
  return fetchChecked(`${ORIGIN}/api/v1/issues/import${query}`, { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'text/csv' }, body: CSV })
}

it('previews, confirms the new unit and files the rows in their status on D1, once', async () => {
  const preview = await importCsv('?dryRun=true')
  expect(preview.status).toBe(200)
  expect(await preview.json()).toMatchObject({ dryRun: true, created: 3, unknownUnits: [{ name: '平泉市水务局', rows: [3, 4], confirmed: false }] })
  expect((await importCsv('')).status).toBe(400)

  const confirm = `?createUnits=${encodeURIComponent('平泉市水务局')}`
  const res = await importCsv(confirm)
  expect(res.status).toBe(200)
  expect(await res.json()).toMatchObject({ created: 3, existing: 0, byStatus: { reported: 1, rectifying: 1, closed: 1 }, createdUnits: [{ name: '平泉市水务局' }] })
  expect(await (await importCsv(confirm)).json()).toMatchObject({ created: 0, existing: 3 })

  const list = (await (await fetchChecked(`${ORIGIN}/api/v1/issues`, { headers: { cookie } })).json()) as { items: { id: string; status: string; title: string; closedOnTime: boolean | null }[] }
  expect(list.items.map((i) => i.status).sort()).toEqual(['closed', 'rectifying', 'reported'])
  const closed = list.items.find((i) => i.status === 'closed')!
  expect(closed.closedOnTime).toBe(true)
  const detail = (await (await fetchChecked(`${ORIGIN}/api/v1/issues/${closed.id}`, { headers: { cookie } })).json()) as { events: { action: string; note: string; toStatus: string }[] }
  expect(detail.events).toEqual([expect.objectContaining({ action: 'create', note: '由台账导入', toStatus: 'closed' })])
  const year = Number(day(-20).slice(0, 4))
  const stats = (await (await fetchChecked(`${ORIGIN}/api/v1/stats/supervision?year=${year}`, { headers: { cookie } })).json()) as { totals: Record<string, number> }
  expect(stats.totals).toMatchObject({ reported: 1, rectifying: 1, closed: 1, total: 3 })
})
