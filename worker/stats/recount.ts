// The truth the counters cache: each counter table recomputed from the base tables. Used to
// rebuild every counter (npm run stats:rebuild, after a restore or a bug), by the migration that
// introduced the counters, and by the test that checks counters against a recount.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { INTRODUCTION_BIT_SQL, VENUE_BIT_SQL } from '../core/commendation'

const confirmedIntro = (type: string) =>
  sql.raw(`(select count(*) from activity_introductions i join activities b on b.id = i.activity_id
     where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = '${type}')`)

const groupIntro = (type: string) =>
  sql.raw(`(select count(*) from activity_introductions i join activities b on b.id = i.activity_id
     where b.group_id = a.group_id and b.status = 'confirmed' and i.type = '${type}')`)

/** SELECTs whose rows are exactly what each counter table should hold. */
export const RECOUNT: Record<'issue_counts' | 'activity_counts' | 'deputy_year_counts' | 'deputy_counts' | 'five_one_counts' | 'deadline_counts' | 'group_activity_counts', { columns: string; select: SQL }> = {
  issue_counts: {
    columns: 'year, county_code, dimension, key, reported, assigned, rectifying, rectified, closed, rejected, closed_on_time',
    select: sql.raw(`select year, county_code, dimension, key, sum(status = 'reported'), sum(status = 'assigned'), sum(status = 'rectifying'),
        sum(status = 'rectified'), sum(status = 'closed'), sum(status = 'rejected'), sum(status = 'closed' and closed_on_time = 1)
      from (select year, county_code, 'field' as dimension, field_code as key, status, closed_on_time from issues
            union all select year, county_code, 'township', township, status, closed_on_time from issues
            union all select year, county_code, 'group', group_id, status, closed_on_time from issues where group_id is not null)
      group by year, county_code, dimension, key`),
  },
  activity_counts: {
    columns:
      'year, county_code, activities, confirmed, active_deputies, policy_talk, opinion, deed, mentoring, market_entity, green_project, funds, talent, technology, funds_hundredths, returned',
    // Active: on today's roster with a confirmed activity of their own, or taking part in a confirmed group activity.
    select: sql`select a.year, a.county_code, count(*), sum(a.status = 'confirmed'),
        (select count(*) from users u where u.role = 'deputy' and u.active = 1 and (
           exists (select 1 from activities b where b.deputy_id = u.id and b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and b.group_id is null)
           or exists (select 1 from activity_participants p join activities b on b.id = p.activity_id
                      where p.deputy_id = u.id and b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed'))),
        sum(case when a.status = 'confirmed' then a.policy_talk else 0 end), sum(case when a.status = 'confirmed' then a.opinion else 0 end),
        sum(case when a.status = 'confirmed' then a.deed else 0 end), sum(case when a.status = 'confirmed' then a.mentoring else 0 end),
        ${confirmedIntro('market_entity')}, ${confirmedIntro('green_project')}, ${confirmedIntro('funds')}, ${confirmedIntro('talent')}, ${confirmedIntro('technology')},
        (select coalesce(sum(i.amount_hundredths), 0) from activity_introductions i join activities b on b.id = i.activity_id
           where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'funds'),
        sum(a.status = 'returned')
      from activities a group by a.year, a.county_code`,
  },
  deputy_year_counts: {
    columns: 'deputy_id, year, confirmed, group_confirmed, returned, policy_talk, opinion, deed, mentoring, venues, introductions',
    // Confirmed: their own activities and the group activities they took part in; returned: those
    // recorded under their name. The 四个一批, 九进 venues and 五个引进 types are of their own
    // activities only: a group activity's outcomes are credited to the group.
    select: sql.raw(`select deputy_id, year, sum(c), sum(g), sum(r), sum(pt), sum(op), sum(de), sum(me), coalesce(sum(distinct vb), 0),
        (select coalesce(sum(distinct ${INTRODUCTION_BIT_SQL}), 0) from activity_introductions i join activities b on b.id = i.activity_id
           where b.deputy_id = x.deputy_id and b.year = x.year and b.status = 'confirmed' and b.group_id is null)
      from (
        select deputy_id, year, (status = 'confirmed' and group_id is null) as c, 0 as g, (status = 'returned') as r,
          case when status = 'confirmed' and group_id is null then policy_talk else 0 end as pt,
          case when status = 'confirmed' and group_id is null then opinion else 0 end as op,
          case when status = 'confirmed' and group_id is null then deed else 0 end as de,
          case when status = 'confirmed' and group_id is null then mentoring else 0 end as me,
          case when status = 'confirmed' and group_id is null then ${VENUE_BIT_SQL} end as vb
        from activities where status in ('confirmed', 'returned')
        union all select p.deputy_id, b.year, 1, 1, 0, 0, 0, 0, 0, null from activity_participants p join activities b on b.id = p.activity_id where b.status = 'confirmed'
      ) x group by deputy_id, year`),
  },
  deputy_counts: {
    columns: 'county_code, deputies',
    select: sql.raw(`select county_code, count(*) from users where role = 'deputy' and active = 1 group by county_code`),
  },
  five_one_counts: {
    columns: 'year, place_code, type, n',
    select: sql.raw(`select year, place_code, type, count(*) from five_ones group by year, place_code, type`),
  },
  deadline_counts: {
    columns: 'year, county_code, dimension, key, deadline, n',
    // One pass over the open items with a deadline, once per dimension (json_each, not a compound
    // SELECT: D1 allows five terms in one, and there are six): 'pressed' keys are in the unit dimension.
    select: sql.raw(`select year, county_code,
        case d.value when 'pressed' then 'unit' else d.value end as dim,
        case d.value when 'county' then '' when 'field' then field_code when 'township' then township
          when 'unit' then status || ':' || unit_id when 'pressed' then 'pressed:' || unit_id else group_id end as k,
        deadline, count(*)
      from issues join json_each('["county","field","township","unit","pressed","group"]') d
      where status in ('assigned', 'rectifying') and deadline is not null
        and (d.value not in ('unit', 'pressed') or unit_id is not null)
        and (d.value <> 'pressed' or press_count > 0)
        and (d.value <> 'group' or group_id is not null)
      group by year, county_code, dim, k, deadline`),
  },
  group_activity_counts: {
    columns:
      'group_id, year, county_code, confirmed, participations, policy_talk, opinion, deed, mentoring, market_entity, green_project, funds, talent, technology, funds_hundredths',
    select: sql`select a.group_id, a.year, a.county_code, count(*), sum((select count(*) from activity_participants p where p.activity_id = a.id)),
        sum(a.policy_talk), sum(a.opinion), sum(a.deed), sum(a.mentoring),
        ${groupIntro('market_entity')}, ${groupIntro('green_project')}, ${groupIntro('funds')}, ${groupIntro('talent')}, ${groupIntro('technology')},
        (select coalesce(sum(i.amount_hundredths), 0) from activity_introductions i join activities b on b.id = i.activity_id
           where b.group_id = a.group_id and b.status = 'confirmed' and i.type = 'funds')
      from activities a where a.group_id is not null and a.status = 'confirmed' group by a.group_id`,
  },
}

/** Replaces every counter with its recount, in one atomic batch. */
export async function rebuildCounters(db: Db): Promise<void> {
  const writes = Object.entries(RECOUNT).flatMap(([table, { columns, select }]) => [
    db.run(sql.raw(`delete from ${table}`)),
    db.run(sql`insert into ${sql.raw(table)} (${sql.raw(columns)}) ${select}`),
  ])
  await db.batch(writes as unknown as Parameters<Db['batch']>[0])
}
