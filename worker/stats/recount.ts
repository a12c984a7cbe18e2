// The truth the counters cache: each counter table recomputed from the base tables. Used to
// rebuild every counter (npm run stats:rebuild, after a restore or a bug), by the migration that
// introduced the counters, and by the test that checks counters against a recount.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { INTRODUCTION_BIT_SQL, VENUE_BIT_SQL } from '../core/commendation'

const confirmedIntro = (type: string) =>
  sql.raw(`(select count(*) from activity_introductions i join activities b on b.id = i.activity_id
     where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = '${type}')`)

/** SELECTs whose rows are exactly what each counter table should hold. */
export const RECOUNT: Record<'issue_counts' | 'activity_counts' | 'deputy_year_counts' | 'deputy_counts' | 'five_one_counts' | 'deadline_counts', { columns: string; select: SQL }> = {
  issue_counts: {
    columns: 'year, county_code, dimension, key, reported, assigned, rectifying, rectified, closed, rejected, closed_on_time',
    select: sql.raw(`select year, county_code, dimension, key, sum(status = 'reported'), sum(status = 'assigned'), sum(status = 'rectifying'),
        sum(status = 'rectified'), sum(status = 'closed'), sum(status = 'rejected'), sum(status = 'closed' and closed_on_time = 1)
      from (select year, county_code, 'field' as dimension, field_code as key, status, closed_on_time from issues
            union all select year, county_code, 'township', township, status, closed_on_time from issues)
      group by year, county_code, dimension, key`),
  },
  activity_counts: {
    columns:
      'year, county_code, activities, confirmed, active_deputies, policy_talk, opinion, deed, mentoring, market_entity, green_project, funds, talent, technology, funds_hundredths, returned',
    select: sql`select a.year, a.county_code, count(*), sum(a.status = 'confirmed'), count(distinct case when a.status = 'confirmed' and u.active = 1 then a.deputy_id end),
        sum(case when a.status = 'confirmed' then a.policy_talk else 0 end), sum(case when a.status = 'confirmed' then a.opinion else 0 end),
        sum(case when a.status = 'confirmed' then a.deed else 0 end), sum(case when a.status = 'confirmed' then a.mentoring else 0 end),
        ${confirmedIntro('market_entity')}, ${confirmedIntro('green_project')}, ${confirmedIntro('funds')}, ${confirmedIntro('talent')}, ${confirmedIntro('technology')},
        (select coalesce(sum(i.amount_hundredths), 0) from activity_introductions i join activities b on b.id = i.activity_id
           where b.year = a.year and b.county_code = a.county_code and b.status = 'confirmed' and i.type = 'funds'),
        sum(a.status = 'returned')
      from activities a join users u on u.id = a.deputy_id group by a.year, a.county_code`,
  },
  deputy_year_counts: {
    columns: 'deputy_id, year, confirmed, returned, policy_talk, opinion, deed, mentoring, venues, introductions',
    select: sql.raw(`select deputy_id, year, sum(status = 'confirmed'), sum(status = 'returned'),
        sum(case when status = 'confirmed' then policy_talk else 0 end), sum(case when status = 'confirmed' then opinion else 0 end),
        sum(case when status = 'confirmed' then deed else 0 end), sum(case when status = 'confirmed' then mentoring else 0 end),
        coalesce(sum(distinct case when status = 'confirmed' then ${VENUE_BIT_SQL} end), 0),
        (select coalesce(sum(distinct ${INTRODUCTION_BIT_SQL}), 0) from activity_introductions i join activities b on b.id = i.activity_id
           where b.deputy_id = a.deputy_id and b.year = a.year and b.status = 'confirmed')
      from activities a where status in ('confirmed', 'returned') group by deputy_id, year`),
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
    select: sql.raw(`select year, county_code, dimension, key, deadline, count(*)
      from (select year, county_code, 'county' as dimension, '' as key, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null union all select year, county_code, 'field', field_code, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null
            union all select year, county_code, 'township', township, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null
            union all select year, county_code, 'unit', status || ':' || unit_id, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null and unit_id is not null
            union all select year, county_code, 'unit', 'pressed:' || unit_id, deadline from issues where status in ('assigned', 'rectifying') and deadline is not null and unit_id is not null and press_count > 0)
      group by year, county_code, dimension, key, deadline`),
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
