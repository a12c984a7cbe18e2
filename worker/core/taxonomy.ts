// The fixed catalogues of the domain: codes (English, stable, used in the API and enforced by the
// database) kept apart from their Chinese labels. The web imports this file too, so client and
// server always agree. Places and supervision fields are data (seeded), not listed here.

export const ROLES = ['deputy', 'unit', 'county_staff', 'city_staff'] as const
export type Role = (typeof ROLES)[number]
/** Staff of the people's congresses (county and city): they keep the ledger and review what others record. */
export const STAFF_ROLES = ['county_staff', 'city_staff'] as const satisfies readonly Role[]
export const isStaff = (role: Role): boolean => (STAFF_ROLES as readonly Role[]).includes(role)
export const ROLE_LABELS: Record<Role, string> = {
  deputy: '人大代表',
  unit: '责任单位',
  county_staff: '县级人大工作人员',
  city_staff: '市人大工作人员',
}

export const DEPUTY_LEVELS = [
  { code: 'national', name: '全国' },
  { code: 'provincial', name: '省' },
  { code: 'city', name: '市' },
  { code: 'county', name: '县' },
  { code: 'township', name: '乡' },
] as const
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number]['code']

export const ISSUE_SOURCES = [
  { code: 'inspection', name: '实地检查' },
  { code: 'interview', name: '走访座谈' },
  { code: 'survey', name: '问卷调查' },
  { code: 'spot_check', name: '随机抽查' },
  { code: 'public_report', name: '群众反映' },
  { code: 'petition', name: '信访' },
  { code: 'deputy', name: '代表反映' },
] as const
export type IssueSource = (typeof ISSUE_SOURCES)[number]['code']

export const ISSUE_KINDS = [
  { code: 'problem', name: '问题' },
  { code: 'suggestion', name: '意见建议' },
] as const
export type IssueKind = (typeof ISSUE_KINDS)[number]['code']

export const ISSUE_STATUSES = [
  { code: 'reported', name: '已上报' },
  { code: 'assigned', name: '已交办' },
  { code: 'rectifying', name: '整改中' },
  { code: 'rectified', name: '已整改待验收' },
  { code: 'closed', name: '已销号' },
  { code: 'rejected', name: '不予受理' },
] as const
export type IssueStatus = (typeof ISSUE_STATUSES)[number]['code']

export const ISSUE_ACTIONS = [
  { code: 'create', name: '上报' },
  { code: 'assign', name: '交办' },
  { code: 'reject', name: '不予受理' },
  { code: 'accept', name: '接收' },
  { code: 'decline', name: '退办' },
  { code: 'progress', name: '报告进展' },
  { code: 'complete', name: '报告完成' },
  { code: 'verify', name: '验收销号' },
  { code: 'return', name: '退回重改' },
  { code: 'extend', name: '延期' },
  { code: 'comment', name: '备注' },
  { code: 'press', name: '督办' },
] as const
export type IssueAction = (typeof ISSUE_ACTIONS)[number]['code']

export const VENUES = [
  { code: 'department', name: '进部门', focus: '依法行政、服务质效' },
  { code: 'enterprise', name: '进企业', focus: '产业发展、民主管理' },
  { code: 'village', name: '进农村', focus: '产业振兴、乡风文明' },
  { code: 'household', name: '进农户', focus: '困难群众、纾困增收' },
  { code: 'community', name: '进社区', focus: '弱势群体、文明城市创建' },
  { code: 'school', name: '进学校', focus: '校园安全、教育质量' },
  { code: 'hospital', name: '进医院', focus: '医改防疫、健康保障' },
  { code: 'shop', name: '进店铺', focus: '市场供应、食药安全' },
  { code: 'station', name: '进家站', focus: '社情民意、阵地建设' },
] as const
export type Venue = (typeof VENUES)[number]['code']

export const OUTCOMES = [
  { code: 'policy_talk', name: '宣讲一批惠民政策', group: 'four_batches' },
  { code: 'opinion', name: '反映一批社情民意', group: 'four_batches' },
  { code: 'deed', name: '办成一批惠民实事', group: 'four_batches' },
  { code: 'mentoring', name: '带动一批骨干力量', group: 'four_batches' },
  { code: 'market_entity', name: '引进一个市场主体', group: 'five_introductions' },
  { code: 'green_project', name: '引进一个绿色产业项目', group: 'five_introductions' },
  { code: 'funds', name: '引进一笔发展资金', group: 'five_introductions' },
  { code: 'talent', name: '引进一名急需人才', group: 'five_introductions' },
  { code: 'technology', name: '引进一项先进技术或技术成果', group: 'five_introductions' },
] as const
export type Outcome = (typeof OUTCOMES)[number]['code']
export const FOUR_BATCHES = ['policy_talk', 'opinion', 'deed', 'mentoring'] as const
export const FIVE_INTRODUCTIONS = ['market_entity', 'green_project', 'funds', 'talent', 'technology'] as const

export const ACTIVITY_STATUSES = [
  { code: 'submitted', name: '待审核' },
  { code: 'confirmed', name: '已确认' },
  { code: 'returned', name: '已退回' },
] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]['code']

export const ACTIVITY_TAGS = [
  { code: 'three_visits', name: '三访三问' },
  { code: 'five_sends', name: '五送' },
  { code: 'three_solves', name: '三解' },
  { code: 'four_must_visits', name: '四必访' },
] as const
export type ActivityTag = (typeof ACTIVITY_TAGS)[number]['code']

export const FIVE_ONES = [
  { code: 'inspection', name: '综合视察' },
  { code: 'inquiry', name: '专题询问' },
  { code: 'resolution', name: '决议' },
  { code: 'evaluation', name: '履职评议' },
  { code: 'exchange', name: '经验交流会' },
] as const
export type FiveOne = (typeof FIVE_ONES)[number]['code']

export const FIELD_ORIGINS = [
  { code: 'province', name: '省定' },
  { code: 'city', name: '市定' },
] as const
export type FieldOrigin = (typeof FIELD_ORIGINS)[number]['code']

/** What a change to an account or roster entry was (account_events.action). */
export const ACCOUNT_ACTIONS = ['update', 'deactivate', 'reactivate'] as const
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number]
export const ACCOUNT_ACTION_LABELS: Record<AccountAction, string> = { update: '修改信息', deactivate: '停用', reactivate: '恢复' }

export const PLACE_KINDS = ['city', 'county'] as const
export type PlaceKind = (typeof PLACE_KINDS)[number]

/** The codes of a catalogue, as a non-empty tuple (for zod enums and SQL CHECKs). */
export function codesOf<T extends readonly { code: string }[]>(list: T): [T[number]['code'], ...T[number]['code'][]] {
  return list.map((x) => x.code) as [T[number]['code'], ...T[number]['code'][]]
}

/** The Chinese label of a code, or the code itself when it is unknown. */
export function labelOf(list: readonly { code: string; name: string }[], code: string | null | undefined): string {
  if (!code) return ''
  return list.find((x) => x.code === code)?.name ?? code
}

/**
 * The county part of an issue's register number (挂号, `平泉-2026-0042`): the county's name
 * without its suffix (市, 县, 区, 矿区, 满族自治县, 满族蒙古族自治县). Two names are kept longer or
 * shorter to stay unique and readable: 承德县 keeps its 县 (bare 承德 is the city), and the
 * 承德高新技术产业开发区 is 高新区, as it is called. A place not listed here (a county added later)
 * falls back to countyShortName's rule on its name. The migration that numbered the existing
 * issues (0015_issue_register_numbers) spells out the same table.
 */
export const COUNTY_SHORT_NAMES: Readonly<Record<string, string>> = {
  '130802': '双桥',
  '130803': '双滦',
  '130804': '鹰手营子',
  '130821': '承德县',
  '130822': '兴隆',
  '130824': '滦平',
  '130825': '隆化',
  '130826': '丰宁',
  '130827': '宽城',
  '130828': '围场',
  '130881': '平泉',
  '130871': '高新区',
}

/** The short form of a county for register numbers: the table above, else the name without its suffix. */
export function countyShortName(code: string, name?: string): string {
  const known = COUNTY_SHORT_NAMES[code]
  if (known) return known
  const stripped = (name ?? '').replace(/(满族蒙古族自治县|满族自治县|蒙古族自治县|自治县|矿区|市|县|区)$/, '')
  return stripped || name || code
}

/** An issue's register number: county short name, the year of its found date, a 4-digit sequence. */
export function issueNumber(countyCode: string, year: number, seq: number): string {
  return `${countyShortName(countyCode)}-${year}-${String(seq).padStart(4, '0')}`
}
