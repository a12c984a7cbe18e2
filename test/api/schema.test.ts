import { describe, expect, it } from 'vitest'
import { makeTestApp, PINGQUAN } from '../support/app'
import { queryPlan } from '../support/plan'
import { listDeputies } from '../../worker/deputies/deputies.queries'

describe('the database holds every code to its catalogue', () => {
  const now = new Date().toISOString()
  it.each([
    ['an unknown role', `insert into users (id, name, phone, role, county_code, created_at, updated_at) values ('x', 'n', '13800000099', 'mayor', '130881', '${now}', '${now}')`],
    ['an unknown deputy level', `insert into users (id, name, phone, role, county_code, level, created_at, updated_at) values ('x', 'n', '13800000099', 'deputy', '130881', 'village', '${now}', '${now}')`],
    ['a deputy without a level', `insert into users (id, name, phone, role, county_code, created_at, updated_at) values ('x', 'n', '13800000099', 'deputy', '130881', '${now}', '${now}')`],
    ['county staff without a county', `insert into users (id, name, phone, role, created_at, updated_at) values ('x', 'n', '13800000099', 'county_staff', '${now}', '${now}')`],
    ['a unit account without its unit', `insert into users (id, name, phone, role, county_code, created_at, updated_at) values ('x', 'n', '13800000099', 'unit', '130881', '${now}', '${now}')`],
    ['a malformed phone', `insert into users (id, name, phone, role, created_at, updated_at) values ('x', 'n', '1380000', 'city_staff', '${now}', '${now}')`],
    ['an unknown county', `insert into units (id, county_code, name, created_at) values ('x', '999999', 'n', '${now}')`],
    ['an unknown place kind', `insert into places (code, name, kind) values ('130999', 'n', 'province')`],
    ['an unknown field origin', `insert into fields (year, code, name, origin) values (2022, 'x', 'n', 'nation')`],
  ])('refuses %s', async (_name, statement) => {
    const t = await makeTestApp()
    await expect(t.client.execute(statement)).rejects.toThrow(/CHECK|FOREIGN KEY/)
  })

  it('refuses an unknown five-one type', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'county_staff' })
    const insert = (type: string) =>
      t.client.execute({
        sql: `insert into five_ones (id, place_code, year, type, date, title, created_by, created_at, updated_at) values (?, '130881', 2022, ?, '2022-05-01', 't', ?, ?, ?)`,
        args: [crypto.randomUUID(), type, u.id, now, now],
      })
    await insert('inquiry')
    await expect(insert('party')).rejects.toThrow(/CHECK constraint failed: five_ones_type/)
  })

  it('refuses an issue whose field is not one of its year', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    const insert = (year: number, field: string) =>
      t.client.execute({
        sql: `insert into issues (id, year, field_code, county_code, title, description, source, found_on, reporter_id, request_hash, created_at, updated_at)
              values (?, ?, ?, '130881', 't', 'd', 'deputy', '2022-05-01', ?, 'h', ?, ?)`,
        args: [crypto.randomUUID(), year, field, u.id, now, now],
      })
    await insert(2022, 'groundwater')
    await expect(insert(2022, 'space_program')).rejects.toThrow(/FOREIGN KEY/)
    await expect(insert(1999, 'groundwater')).rejects.toThrow(/FOREIGN KEY/)
  })

  it.each(['2022-02-30', '2022-5-1', 'yesterday', ''])('refuses the malformed date %o', async (bad) => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'county_staff' })
    await expect(
      t.client.execute({
        sql: `insert into five_ones (id, place_code, year, type, date, title, created_by, created_at, updated_at) values ('x', '130881', 2022, 'inquiry', ?, 't', ?, 'n', 'n')`,
        args: [bad, u.id],
      }),
    ).rejects.toThrow(/CHECK constraint failed: five_ones_date/)
  })

  it('refuses an amount on an introduction other than funds, and funds without one', async () => {
    const t = await makeTestApp()
    const u = await t.makeUser({ role: 'deputy' })
    await t.client.execute({
      sql: `insert into activities (id, deputy_id, county_code, year, date, title, created_by, request_hash, created_at, updated_at) values ('a', ?, '130881', 2022, '2022-05-01', 't', ?, 'h', ?, ?)`,
      args: [u.id, u.id, now, now],
    })
    const intro = (type: string, amount: number | null) =>
      t.client.execute({ sql: `insert into activity_introductions (id, activity_id, type, name, amount_hundredths) values (?, 'a', ?, 'n', ?)`, args: [crypto.randomUUID(), type, amount] })
    await intro('funds', 150000)
    await intro('talent', null)
    await expect(intro('talent', 100)).rejects.toThrow(/CHECK/)
    await expect(intro('funds', null)).rejects.toThrow(/CHECK/)
  })
})

describe('every scoped list uses an index', () => {
  it("reads a county's deputies through users_county_role_active_created, the ended ones too", async () => {
    const t = await makeTestApp()
    for (const active of [true, false]) {
      const plan = await queryPlan(t.client, listDeputies(t.db, { countyCodes: [PINGQUAN], active, limit: 50 }))
      expect(plan.join('\n')).toMatch(/USING INDEX users_county_role_active_created/)
      expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE/)
    }
  })

  it("reads the whole city's deputies through users_role_active_created without sorting", async () => {
    const t = await makeTestApp()
    const plan = await queryPlan(t.client, listDeputies(t.db, { countyCodes: null, active: true, limit: 50, after: { key: '2026-01-01', id: 'x' } }))
    expect(plan.join('\n')).toMatch(/USING INDEX users_role_active_created/)
    expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE/)
  })
})
