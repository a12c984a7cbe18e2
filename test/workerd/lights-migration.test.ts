// The lights-and-press migration on D1 with data in it: issue_events is rebuilt for the new press
// action without PRAGMA foreign_keys (which D1 refuses), keeping every row; the items already
// open are counted in their deadline buckets and the returned activities in their counters.
import { env, applyD1Migrations } from 'cloudflare:test'
import { expect, it } from 'vitest'

const LIGHTS = env.MIGRATIONS.findIndex((m) => m.name.includes('lights_and_press'))

it('rebuilds issue_events on a populated D1 database, keeping every row, and counts the open items', async () => {
  expect(LIGHTS).toBeGreaterThan(0)
  await applyD1Migrations(env.DB, env.MIGRATIONS.slice(0, LIGHTS))
  const now = '2026-03-01T00:00:00Z'
  await env.DB.batch([
    env.DB.prepare(`insert into places (code, name, kind) values ('130881', '平泉市', 'county')`),
    env.DB.prepare(`insert into fields (year, code, name, origin) values (2026, 'rural_living', '农村人居环境整治提升', 'province')`),
    env.DB.prepare(`insert into units (id, county_code, name, created_at) values ('u1', '130881', '平泉市水务局', ?)`).bind(now),
    env.DB.prepare(`insert into users (id, name, phone, role, county_code, level, created_at, updated_at) values ('d1', '代表', '13900000001', 'deputy', '130881', 'county', ?, ?)`).bind(now, now),
    ...Array.from({ length: 30 }, (_, k) =>
      env.DB.prepare(
        `insert into issues (id, year, field_code, county_code, township, title, description, source, found_on, reporter_id, unit_id, requirement, deadline, status, request_hash, created_at, updated_at)
         values (?, 2026, 'rural_living', '130881', '平泉镇', '问题', '描述', 'deputy', '2026-02-01', 'd1', ?, ?, ?, ?, 'h', ?, ?)`,
      ).bind(`i${k}`, k % 3 ? 'u1' : null, k % 3 ? '整改' : null, k % 3 ? `2026-04-0${(k % 2) + 1}` : null, k % 3 ? 'assigned' : 'reported', now, now),
    ),
    // Two activities returned to their deputy, one waiting for review, as the counters had them.
    ...['returned', 'returned', 'submitted'].map((status, k) =>
      env.DB.prepare(
        `insert into activities (id, deputy_id, county_code, year, date, title, status, created_by, request_hash, created_at, updated_at) values (?, 'd1', '130881', 2026, '2026-02-01', '走访', ?, 'd1', 'h', ?, ?)`,
      ).bind(`a${k}`, status, now, now),
    ),
    env.DB.prepare(`insert into activity_counts (year, county_code, activities) values (2026, '130881', 3)`),
    ...Array.from({ length: 30 }, (_, k) => env.DB.prepare(`insert into issue_events (id, issue_id, action, to_status, actor_id, at, note) values (?, ?, 'create', 'reported', 'd1', ?, ?)`).bind(`e${k}`, `i${k}`, now, `第 ${k} 条`)),
  ])
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  const events = await env.DB.prepare('select count(*) as n, count(distinct note) as notes from issue_events').first<{ n: number; notes: number }>()
  expect(events).toEqual({ n: 30, notes: 30 })
  // The rebuilt table takes the new action; its CHECK still refuses an unknown one.
  await env.DB.prepare(`insert into issue_events (id, issue_id, action, from_status, to_status, actor_id, at) values ('p1', 'i1', 'press', 'assigned', 'assigned', 'd1', ?)`).bind(now).run()
  await expect(env.DB.prepare(`insert into issue_events (id, issue_id, action, to_status, actor_id, at) values ('p2', 'i1', 'summon', 'assigned', 'd1', ?)`).bind(now).run()).rejects.toThrow(/CHECK/)
  // 20 assigned items over two deadlines, in four dimensions (a unit's keyed by status: assigned:u1).
  const buckets = await env.DB.prepare('select dimension, deadline, n from deadline_counts order by dimension, deadline').all<{ dimension: string; deadline: string; n: number }>()
  expect(buckets.results).toEqual([
    { dimension: 'county', deadline: '2026-04-01', n: 10 },
    { dimension: 'county', deadline: '2026-04-02', n: 10 },
    { dimension: 'field', deadline: '2026-04-01', n: 10 },
    { dimension: 'field', deadline: '2026-04-02', n: 10 },
    { dimension: 'township', deadline: '2026-04-01', n: 10 },
    { dimension: 'township', deadline: '2026-04-02', n: 10 },
    { dimension: 'unit', deadline: '2026-04-01', n: 10 },
    { dimension: 'unit', deadline: '2026-04-02', n: 10 },
  ])
  expect(await env.DB.prepare('select sum(press_count) as p, count(declined_note) as d from issues').first()).toEqual({ p: 0, d: 0 })
  // The returned counters start from the activities already returned.
  expect(await env.DB.prepare('select activities, confirmed, returned from activity_counts').first()).toEqual({ activities: 3, confirmed: 0, returned: 2 })
  expect(await env.DB.prepare('select deputy_id, year, confirmed, returned from deputy_year_counts').all().then((r) => r.results)).toEqual([{ deputy_id: 'd1', year: 2026, confirmed: 0, returned: 2 }])
})
