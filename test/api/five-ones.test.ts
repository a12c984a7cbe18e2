import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, LONGHUA, PINGQUAN } from '../support/app'
import { ok } from '../support/clock'

const body = (overrides: Record<string, unknown> = {}) => ({
  countyCode: PINGQUAN,
  year: 2024,
  type: 'inquiry',
  date: '2024-06-18',
  title: '关于农村人居环境整治工作的专题询问',
  summary: '常委会组成人员就垃圾清运、厕所改造等问题询问相关部门负责人。',
  ...overrides,
})

describe('五个一', () => {
  it('lets county staff record their congress\'s and list only theirs', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body() })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ countyCode: PINGQUAN, year: 2024, type: 'inquiry', version: 1 })
    const city = await t.actor({ role: 'city_staff' })
    await ok(t.call('POST', '/api/v1/five-ones', { cookie: city.cookie, body: body({ countyCode: LONGHUA, type: 'resolution' }) }), 201)
    await ok(t.call('POST', '/api/v1/five-ones', { cookie: city.cookie, body: body({ countyCode: '130800', type: 'exchange', title: '全市人大工作经验交流会' }) }), 201)
    const mine = (await (await t.call('GET', '/api/v1/five-ones?year=2024', { cookie: staff.cookie })).json()) as { items: { countyCode: string }[] }
    expect(mine.items.map((i) => i.countyCode)).toEqual([PINGQUAN])
    const all = (await (await t.call('GET', '/api/v1/five-ones?year=2024', { cookie: city.cookie })).json()) as { items: { countyCode: string }[] }
    expect(all.items.map((i) => i.countyCode).sort()).toEqual(['130800', LONGHUA, PINGQUAN].sort())
  })

  it('refuses another county for county staff (403), a date outside the year, and unknown types', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    expect((await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ countyCode: LONGHUA }) })).status).toBe(403)
    expect((await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ countyCode: '130800' }) })).status).toBe(403)
    const wrongYear = await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ date: '2023-12-01' }) })
    expect((await errorOf(wrongYear)).fields).toEqual({ date: '日期应在 2024 年内' })
    const type = await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ type: 'party' }) })
    expect((await errorOf(type)).fields).toEqual({ type: '请选择“五个一”类别' })
  })

  it('is staff work: deputies and units get 403', async () => {
    const t = await makeTestApp()
    for (const role of ['deputy', 'unit'] as const) {
      const { cookie } = await t.actor({ role })
      expect((await t.call('GET', '/api/v1/five-ones', { cookie })).status).toBe(403)
      expect((await t.call('POST', '/api/v1/five-ones', { cookie, body: body() })).status).toBe(403)
    }
  })

  describe('sent again under its client id (a retry after a lost answer)', () => {
    const figures = async (t: Awaited<ReturnType<typeof makeTestApp>>, cookie: string) => {
      const res = (await (await t.call('GET', `/api/v1/stats/five-ones?year=2024&countyCode=${PINGQUAN}`, { cookie })).json()) as { rows: { inquiry: number }[] }
      return res.rows[0]!.inquiry
    }
    const listed = async (t: Awaited<ReturnType<typeof makeTestApp>>, cookie: string) =>
      ((await (await t.call('GET', '/api/v1/five-ones?year=2024', { cookie })).json()) as { items: { id: string }[] }).items

    it('is recorded and counted once: the retry answers 200 with the stored record', async () => {
      const t = await makeTestApp()
      const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
      const id = crypto.randomUUID()
      const first = await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ id }) })
      expect(first.status).toBe(201)
      const again = await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ id }) })
      expect(again.status).toBe(200)
      expect(await again.json()).toEqual(await first.json())
      expect((await listed(t, staff.cookie)).map((i) => i.id)).toEqual([id])
      expect(await figures(t, staff.cookie)).toBe(1)
    })

    it('is recorded and counted once when eight copies arrive at the same moment', async () => {
      const t = await makeTestApp()
      const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
      const id = crypto.randomUUID()
      const statuses = await Promise.all(Array.from({ length: 8 }, () => t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ id }) }).then((r) => r.status)))
      expect(statuses.sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201])
      expect(await listed(t, staff.cookie)).toHaveLength(1)
      expect(await figures(t, staff.cookie)).toBe(1)
    })

    it('refuses the id for other content or from someone else (409), changing nothing', async () => {
      const t = await makeTestApp()
      const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
      const city = await t.actor({ role: 'city_staff' })
      const id = crypto.randomUUID()
      await ok(t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ id }) }), 201)
      const other = await t.call('POST', '/api/v1/five-ones', { cookie: staff.cookie, body: body({ id, title: '另一次专题询问' }) })
      expect(other.status).toBe(409)
      expect((await errorOf(other)).message).toBe('该编号已被另一条记录使用，请刷新后重新填写')
      expect((await t.call('POST', '/api/v1/five-ones', { cookie: city.cookie, body: body({ id }) })).status).toBe(409)
      const items = (await (await t.call('GET', '/api/v1/five-ones?year=2024', { cookie: staff.cookie })).json()) as { items: { id: string; title: string }[] }
      expect(items.items.map((i) => i.title)).toEqual(['关于农村人居环境整治工作的专题询问'])
      expect(await figures(t, staff.cookie)).toBe(1)
    })
  })
})
