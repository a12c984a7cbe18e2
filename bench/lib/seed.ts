// A city's worth of ledger, generated inside SQLite (recursive CTEs), for the read benchmarks and
// for the rows-read measurement in workerd: the same statements run on libSQL and on D1.
import { COUNTIES } from '../../worker/db/seed/chengde'

export interface SeedShape {
  activities: number
  issues: number
  years: number[]
  deputies: number
}

export const CITY_SCALE: SeedShape = { activities: 200_000, issues: 20_000, years: [2024, 2025, 2026], deputies: 2_400 }

const STAMP = '2026-01-02T00:00:00Z'

/** A unit's id: a valid UUID made from its county's code (the API checks unit ids are UUIDs). */
export const unitIdOf = (countyCode: string) => `00000000-0000-4000-8000-${countyCode.padStart(12, '0')}`

/** Staff, units and deputies: one county staff member and one unit per county, deputies spread over counties. */
/**
 * Deputy n's id: UUID-shaped, as the routes' :id parameters must be (GET /deputies/:id/record
 * answers 404 to anything else), and the same in SQL and in TypeScript.
 */
const DEPUTY_ID_PREFIX = '00000000-0000-4000-8000-'
export const deputyIdOf = (n: number) => `${DEPUTY_ID_PREFIX}${String(n).padStart(12, '0')}`
const deputyIdSql = (n: string) => `'${DEPUTY_ID_PREFIX}' || substr('000000000000' || ${n}, -12)`

export function peopleSql(shape: SeedShape): string[] {
  const out: string[] = [
    `insert into users (id, name, phone, role, must_change_password, created_at, updated_at) values ('city', '市人大', '13700000000', 'city_staff', 0, '${STAMP}', '${STAMP}')`,
  ]
  COUNTIES.forEach((c, k) => {
    out.push(`insert into units (id, county_code, name, created_at) values ('${unitIdOf(c.code)}', '${c.code}', '${c.name}住房和城乡建设局', '${STAMP}')`)
    out.push(`insert into users (id, name, phone, role, county_code, must_change_password, created_at, updated_at) values ('staff-${c.code}', '县工作人员', '1370000${String(k + 1).padStart(4, '0')}', 'county_staff', '${c.code}', 0, '${STAMP}', '${STAMP}')`)
    out.push(`insert into users (id, name, phone, role, county_code, unit_id, must_change_password, created_at, updated_at) values ('unituser-${c.code}', '单位', '1370001${String(k + 1).padStart(4, '0')}', 'unit', '${c.code}', '${unitIdOf(c.code)}', 0, '${STAMP}', '${STAMP}')`)
  })
  out.push(`with recursive n(i) as (select 0 union all select i + 1 from n where i < ${shape.deputies - 1})
    insert into users (id, name, phone, role, county_code, level, must_change_password, created_at, updated_at)
    select ${deputyIdSql('i')}, '代表' || i, '139' || substr('00000000' || i, -8), 'deputy', c.code, 'township', 0, '${STAMP}', '${STAMP}'
    from n join (select code, row_number() over (order by code) - 1 as k from places where kind = 'county') c on c.k = i % 12`)
  return out
}

/** Activities and issues numbered from `from`, spread over counties, years, statuses and deputies. */
export function recordsSql(shape: SeedShape, from = 0): string[] {
  const years = shape.years
  const yearOf = (i: string) => `(case ${i} % ${years.length} ${years.map((y, k) => `when ${k} then ${y}`).join(' ')} end)`
  const counties = `(select code, row_number() over (order by code) - 1 as k from places where kind = 'county') c`
  return [
    `with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${from + shape.activities - 1})
     insert into activities (id, deputy_id, county_code, year, date, venue, title, policy_talk, opinion, deed, status, created_by, request_hash, created_at, updated_at)
     select 'a' || i, ${deputyIdSql('((i / 12 * 12 + c.k) % ' + shape.deputies + ')')}, c.code, ${yearOf('i')}, ${yearOf('i')} || '-03-0' || (1 + i % 9), 'village', '走访', i % 3, 1, i % 2,
            case i % 3 when 0 then 'submitted' when 1 then 'confirmed' else 'returned' end,
            ${deputyIdSql('((i / 12 * 12 + c.k) % ' + shape.deputies + ')')}, 'h',
            strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || i || ' minutes'), '${STAMP}'
     from n join ${counties} on c.k = i % 12`,
    `with recursive n(i) as (select ${from} union all select i + 1 from n where i < ${from + shape.issues - 1})
     insert into issues (id, year, field_code, county_code, township, title, description, source, found_on, reporter_id, reporter_name, unit_id, unit_name, deadline, status, progress, rectified_on, closed_on, closed_on_time, request_hash, created_at, updated_at)
     select 'i' || i, ${yearOf('i')}, f.code, c.code, '镇' || (i % 9), '问题' || i, '描述', 'deputy', ${yearOf('i')} || '-04-01', ${deputyIdSql('((i / 12 * 12 + c.k) % ' + shape.deputies + ')')}, '代表',
            case when i % 5 = 0 then null else '00000000-0000-4000-8000-000000' || c.code end,
            case when i % 5 = 0 then null else '责任单位' end,
            case when i % 5 = 0 then null else ${yearOf('i')} || '-0' || (5 + i % 5) || '-15' end,
            case i % 5 when 0 then 'reported' when 1 then 'assigned' when 2 then 'rectifying' when 3 then 'rectified' else 'closed' end,
            case i % 5 when 4 then 100 when 3 then 100 else 0 end,
            case when i % 5 in (3, 4) then ${yearOf('i')} || '-05-01' end,
            case when i % 5 = 4 then ${yearOf('i')} || '-05-02' end,
            case when i % 5 = 4 then 1 end,
            'h', strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || (i * 7) || ' minutes'), '${STAMP}'
     from n join ${counties} on c.k = i % 12
            join (select code, row_number() over (order by sort) - 1 as k from fields where year = 2024) f on f.k = i % 7`,
  ]
}
