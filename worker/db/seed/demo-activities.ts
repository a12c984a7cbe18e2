// Demo activities and 五个一 for the local demo: deputies' visits through every venue and status
// over this year and last, and each congress's 五个一 partly done, so that the review queue, the
// yearly records and the statistics have something true to show.
import { todayInShanghai } from '../../core/dates'
import { VENUES, type ActivityStatus, type FiveOne } from '../../core/taxonomy'
import type { activities, activityIntroductions, activityTags, fiveOnes } from '../schema'

type ActivityRow = typeof activities.$inferInsert
type IntroRow = typeof activityIntroductions.$inferInsert
type TagRow = typeof activityTags.$inferInsert
type FiveOneRow = typeof fiveOnes.$inferInsert

const TITLES: Record<string, string[]> = {
  department: ['到县行政审批局了解企业开办流程', '参加县市场监管局执法检查'],
  enterprise: ['走访食用菌加工企业了解用工需求', '到新能源企业调研项目建设进度'],
  village: ['到村里宣讲乡村振兴政策', '查看村内人居环境整治情况'],
  household: ['走访低保户了解生活困难', '看望留守老人并帮助申请临时救助'],
  community: ['参加社区文明城市创建议事会', '走访社区残疾人家庭'],
  school: ['检查学校食堂和校园安全', '参加学校家长委员会座谈'],
  hospital: ['到乡镇卫生院了解医保报销情况', '调研县医院医共体建设'],
  shop: ['检查农贸市场蔬菜价格和食品安全', '走访药店了解药品供应'],
  station: ['在代表之家接待选民', '参加代表联络站“代表接待日”'],
}

const INTROS: IntroRow['type'][] = ['funds', 'market_entity', 'green_project', 'talent', 'technology']
const INTRO_NAMES: Record<IntroRow['type'], string> = {
  funds: '产业发展扶持资金',
  market_entity: '农产品电商公司',
  green_project: '光伏发电项目',
  talent: '食用菌栽培技术专家',
  technology: '滴灌节水技术',
}
const STATUSES: ActivityStatus[] = ['confirmed', 'confirmed', 'confirmed', 'submitted', 'returned', 'confirmed', 'submitted']
const DAY = 86400_000

export function demoActivities(deputies: { id: string; countyCode: string }[], staffOf: (county: string) => string, now: Date) {
  const rows: ActivityRow[] = []
  const intros: IntroRow[] = []
  const tags: TagRow[] = []
  deputies.forEach((d, n) => {
    // Every fourth roster deputy has done nothing yet: coverage is a real figure.
    if (n % 4 === 3) return
    const howMany = 2 + (n % 4)
    for (let k = 0; k < howMany; k++) {
      const venue = VENUES[(n + k * 2) % VENUES.length]!.code
      const ago = (n * 7 + k * 23) % 300
      const when = new Date(now.getTime() - ago * DAY)
      const date = todayInShanghai(when)
      const status = STATUSES[(n + k) % STATUSES.length]!
      const id = crypto.randomUUID()
      const at = new Date(when.getTime() + 3600_000).toISOString()
      rows.push({
        id,
        deputyId: d.id,
        countyCode: d.countyCode,
        year: Number(date.slice(0, 4)),
        date,
        venue,
        title: TITLES[venue]![(n + k) % 2]!,
        description: '了解情况，听取意见，现场协调解决了部分问题。',
        place: '',
        policyTalk: (n + k) % 3,
        opinion: 1 + ((n + k) % 2),
        deed: k % 2,
        mentoring: (n + k) % 4 === 0 ? 1 : 0,
        status,
        reviewNote: status === 'returned' ? '请补充活动成效和具体数据' : null,
        reviewedBy: status === 'submitted' ? null : staffOf(d.countyCode),
        reviewedAt: status === 'submitted' ? null : at,
        createdBy: d.id,
        requestHash: 'demo',
        createdAt: at,
        updatedAt: at,
        version: status === 'submitted' ? 1 : 2,
      })
      if ((n + k) % 3 === 0) {
        const type = INTROS[(n + k) % INTROS.length]!
        intros.push({ id: `${id}:0`, activityId: id, type, name: INTRO_NAMES[type], amountHundredths: type === 'funds' ? (50 + ((n * 37) % 400)) * 100 : null, sort: 0 })
      }
      if (venue === 'village' || venue === 'household') tags.push({ activityId: id, tag: (['three_visits', 'five_sends', 'three_solves', 'four_must_visits'] as const)[(n + k) % 4]! })
    }
  })
  return { rows, intros, tags }
}

const FIVE_ONE_TITLES: Record<FiveOne, string> = {
  inspection: '“5+2”联动监督综合视察',
  inquiry: '农村人居环境整治专题询问',
  resolution: '关于加强地下水超采综合治理的决议',
  evaluation: '对县政府组成部门开展履职评议',
  exchange: '人大代表履职经验交流会',
}

/** Each congress has done some of its five this year (more in the first counties). */
export function demoFiveOnes(places: string[], staffOf: (place: string) => string, now: Date): FiveOneRow[] {
  const year = Number(todayInShanghai(now).slice(0, 4))
  const types = Object.keys(FIVE_ONE_TITLES) as FiveOne[]
  const out: FiveOneRow[] = []
  places.forEach((place, n) => {
    const done = 5 - (n % 6)
    types.slice(0, Math.max(0, done)).forEach((type, k) => {
      const date = `${year}-${String(3 + k * 2).padStart(2, '0')}-${String(10 + n).padStart(2, '0')}`
      if (date > todayInShanghai(now)) return
      const at = new Date(`${date}T10:00:00+08:00`).toISOString()
      out.push({ id: crypto.randomUUID(), placeCode: place, year, type, date, title: FIVE_ONE_TITLES[type], summary: '按年度计划完成，形成审议意见并交办落实。', createdBy: staffOf(place), createdAt: at, updatedAt: at })
    })
  })
  return out
}
