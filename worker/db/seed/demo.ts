// The demo data set for a local database: the six demo accounts of api.md, responsible units,
// a roster of deputies across several Chengde counties, issues, activities and 五个一. Loaded
// only into an empty database, and only when asked (npm start, or DEMO_DATA=true for wrangler
// dev); never on a deployment.
import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { activities, activityIntroductions, activityTags, fiveOnes, issueEvents, issueNumberSeq, issues, units, users } from '../schema'
import { hashPassword } from '../../auth/passwords'
import { issueNumber, type DeputyLevel, type Role } from '../../core/taxonomy'
import { chunk } from './reference'
import { demoIssues } from './demo-issues'
import { demoActivities, demoFiveOnes } from './demo-activities'
import { CITY, COUNTIES } from './chengde'
import { rebuildCounters } from '../../stats/recount'

export const DEMO_PASSWORD = 'chengde-2022'

export interface DemoAccount {
  phone: string
  name: string
  role: Role
  countyCode: string | null
  unitName?: string
  level?: DeputyLevel
  group?: string
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { phone: '13800000001', name: '王建国', role: 'city_staff', countyCode: null },
  { phone: '13800000002', name: '李秀梅', role: 'county_staff', countyCode: '130881' },
  { phone: '13800000003', name: '张志刚', role: 'county_staff', countyCode: '130825' },
  { phone: '13800000004', name: '刘海燕', role: 'deputy', countyCode: '130881', level: 'county', group: '平泉镇代表小组' },
  { phone: '13800000005', name: '赵永福', role: 'deputy', countyCode: '130825', level: 'township', group: '隆化镇代表小组' },
  { phone: '13800000006', name: '陈立军', role: 'unit', countyCode: '130881', unitName: '平泉市住房和城乡建设局' },
]

/** Responsible units per county (departments and township governments). */
export const DEMO_UNITS: Record<string, string[]> = {
  '130881': ['平泉市住房和城乡建设局', '平泉市农业农村局', '平泉市水务局', '平泉市城市管理综合行政执法局', '平泉市行政审批局', '平泉镇人民政府', '杨树岭镇人民政府'],
  '130825': ['隆化县住房和城乡建设局', '隆化县农业农村局', '隆化县水务局', '隆化县发展和改革局', '隆化镇人民政府', '张三营镇人民政府'],
  '130802': ['双桥区住房和城乡建设局', '双桥区城市管理综合行政执法局', '双桥区商务局'],
  '130826': ['丰宁满族自治县农业农村局', '丰宁满族自治县水务局', '大阁镇人民政府'],
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = ['建华', '丽娟', '国强', '海涛', '秀英', '志明', '春梅', '立新', '红霞', '振国', '淑芬', '文博', '晓东', '桂兰', '德胜', '玉梅', '宏伟', '翠平', '长江', '俊杰', '雅琴', '树林', '金凤', '永刚']
const GROUPS: Record<string, string[]> = {
  '130881': ['平泉镇代表小组', '杨树岭镇代表小组', '小寺沟镇代表小组'],
  '130825': ['隆化镇代表小组', '张三营镇代表小组', '韩麻营镇代表小组'],
  '130802': ['西大街街道代表小组', '桥东街道代表小组'],
  '130826': ['大阁镇代表小组', '凤山镇代表小组'],
}
const LEVELS: DeputyLevel[] = ['national', 'provincial', 'city', 'county', 'county', 'township', 'township', 'township']

/** A deterministic roster: the same names and phones on every machine. */
export function demoDeputies(): DemoAccount[] {
  const out: DemoAccount[] = []
  let n = 0
  for (const [county, groups] of Object.entries(GROUPS)) {
    for (let i = 0; i < 18; i++, n++) {
      const name = SURNAMES[(n * 7) % SURNAMES.length]! + GIVEN[(n * 5 + i) % GIVEN.length]!
      out.push({
        phone: `139${county.slice(2)}${String(i).padStart(4, '0')}`,
        name,
        role: 'deputy',
        countyCode: county,
        level: LEVELS[n % LEVELS.length]!,
        group: groups[i % groups.length]!,
      })
    }
  }
  return out
}

export async function seedDemoIfEmpty(db: Db, now = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users)
  if (row && row.n > 0) return false
  await seedDemo(db, now)
  return true
}

export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const t0 = now.getTime() - 90 * 86400_000
  let tick = 0
  const at = () => new Date(t0 + tick++ * 60_000).toISOString()

  const unitRows = Object.entries(DEMO_UNITS).flatMap(([countyCode, names]) =>
    names.map((name) => ({ id: crypto.randomUUID(), countyCode, name, createdAt: at() })),
  )
  const unitIdByName = new Map(unitRows.map((u) => [u.name, u.id]))

  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)))
  const toRow = (a: DemoAccount, passwordHash: string | null, mustChangePassword: boolean) => {
    const createdAt = at()
    return {
      id: crypto.randomUUID(),
      name: a.name,
      phone: a.phone,
      role: a.role,
      countyCode: a.countyCode,
      unitId: a.unitName ? (unitIdByName.get(a.unitName) ?? null) : null,
      level: a.level ?? null,
      deputyGroup: a.group ?? null,
      passwordHash,
      mustChangePassword,
      createdAt,
      updatedAt: createdAt,
    }
  }
  // Roster deputies have no password until they activate with a printed code; the demo accounts
  // sign in at once.
  const userRows = [...demoDeputies().map((d) => toRow(d, null, false)), ...DEMO_ACCOUNTS.map((a, i) => toRow(a, hashes[i]!, false))]

  const byPhone = new Map(userRows.map((u) => [u.phone, u]))
  const cityStaff = byPhone.get('13800000001')!
  const issueRows = []
  const eventRows = []
  let salt = 0
  for (const [countyCode, unitNames] of Object.entries(DEMO_UNITS)) {
    const staff = userRows.find((u) => u.role === 'county_staff' && u.countyCode === countyCode) ?? cityStaff
    const unitUser = userRows.find((u) => u.role === 'unit' && u.countyCode === countyCode)
    const built = demoIssues(
      {
        countyCode,
        staffId: staff.id,
        // The signed-in demo deputy (who has a password) first.
        reporterIds: userRows
          .filter((u) => u.role === 'deputy' && u.countyCode === countyCode)
          .sort((a, b) => Number(!!b.passwordHash) - Number(!!a.passwordHash))
          .map((u) => u.id),
        units: unitNames.map((name) => ({ id: unitIdByName.get(name)!, name })),
        unitUserId: unitUser?.id ?? null,
      },
      now,
      salt++,
    )
    issueRows.push(...built.issues)
    eventRows.push(...built.events)
  }

  // The names an issue carries beside its ids, as filing and assigning write them.
  const nameOf = new Map([...userRows.map((u) => [u.id, u.name] as const), ...unitRows.map((u) => [u.id, u.name] as const)])
  for (const i of issueRows) Object.assign(i, { reporterName: nameOf.get(i.reporterId) ?? '', unitName: i.unitId ? (nameOf.get(i.unitId) ?? null) : null })

  // Register numbers as filing would have given them: by found date within county and year.
  const seqs = new Map<string, number>()
  const numbered = [...issueRows].sort((a, b) => a.countyCode.localeCompare(b.countyCode) || a.year - b.year || a.foundOn.localeCompare(b.foundOn) || a.createdAt!.localeCompare(b.createdAt!) || a.id.localeCompare(b.id))
  for (const i of numbered) {
    const key = `${i.countyCode}:${i.year}`
    const seq = (seqs.get(key) ?? 0) + 1
    seqs.set(key, seq)
    Object.assign(i, { number: issueNumber(i.countyCode, i.year, seq) })
  }
  const seqRows = [...seqs].map(([key, last]) => ({ countyCode: key.split(':')[0]!, year: Number(key.split(':')[1]), last }))

  const staffOf = (county: string) => (userRows.find((u) => u.role === 'county_staff' && u.countyCode === county) ?? cityStaff).id
  const acts = demoActivities(
    userRows.filter((u) => u.role === 'deputy').map((u) => ({ id: u.id, countyCode: u.countyCode! })),
    staffOf,
    now,
  )
  const fiveOneRows = demoFiveOnes([CITY.code, ...COUNTIES.map((c) => c.code)], staffOf, now)

  const writes = [
    ...chunk(unitRows, 4).map((part) => db.insert(units).values(part)),
    ...chunk(userRows, 13).map((part) => db.insert(users).values(part)),
    ...chunk(issueRows, 26).map((part) => db.insert(issues).values(part)),
    ...chunk(seqRows, 3).map((part) => db.insert(issueNumberSeq).values(part)),
    ...chunk(eventRows, 9).map((part) => db.insert(issueEvents).values(part)),
    ...chunk(acts.rows, 22).map((part) => db.insert(activities).values(part)),
    ...chunk(acts.intros, 6).map((part) => db.insert(activityIntroductions).values(part)),
    ...chunk(acts.tags, 2).map((part) => db.insert(activityTags).values(part)),
    ...chunk(fiveOneRows, 11).map((part) => db.insert(fiveOnes).values(part)),
  ]
  await db.batch(writes as [(typeof writes)[number], ...(typeof writes)[number][]])
  // The demo rows were written directly, so their counters are computed once from them.
  await rebuildCounters(db)
}
