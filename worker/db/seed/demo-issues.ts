// Demo issues for the local demo: each county with units gets issues in every status, some of
// them overdue, each with the timeline that got it there, so a newcomer sees a living ledger.
import type { IssueStatus } from '../../core/taxonomy'
import { todayInShanghai } from '../../core/dates'
import type { issueEvents, issues } from '../schema'

type IssueRow = typeof issues.$inferInsert
type EventRow = typeof issueEvents.$inferInsert

/** What deputies and inspection groups typically find, per field. */
const FINDINGS: { field: string; title: string; description: string; township: string; location: string }[] = [
  { field: 'rural_living', title: '村内主干道旁垃圾堆放未及时清运', description: '村委会西侧主干道旁堆放生活垃圾约 3 立方米，已有一周未清运，群众反映强烈。', township: '平泉镇', location: '河东村村委会西侧' },
  { field: 'rural_living', title: '户厕改造后化粪池渗漏', description: '2021 年改造的 12 户户厕中有 5 户化粪池渗漏，影响周边环境。', township: '杨树岭镇', location: '杨树岭村三组' },
  { field: 'groundwater', title: '农田机井未按要求封填', description: '地下水超采区内仍有 3 眼废弃机井未封填，存在安全隐患。', township: '小寺沟镇', location: '南台子村农田' },
  { field: 'groundwater', title: '高耗水作物种植面积未压减到位', description: '按计划应压减的高耗水作物面积仅完成六成。', township: '韩麻营镇', location: '韩麻营村' },
  { field: 'key_projects', title: '重点项目征地补偿款拨付滞后', description: '项目征地补偿款尚有 120 万元未拨付到户，影响施工进度。', township: '隆化镇', location: '产业园区东区' },
  { field: 'key_projects', title: '项目建设手续办理周期长', description: '企业反映环评、能评等手续串联办理，耗时超过 3 个月。', township: '西大街街道', location: '市行政审批大厅' },
  { field: 'business_env', title: '企业开办“一网通办”系统频繁掉线', description: '窗口工作人员反映系统高峰期频繁掉线，群众需多次往返。', township: '桥东街道', location: '政务服务中心' },
  { field: 'business_env', title: '涉企检查多头重复', description: '一家食品企业一个月内接受不同部门检查 6 次，检查内容重复。', township: '张三营镇', location: '某食品有限公司' },
  { field: 'waste_sorting', title: '小区垃圾分类投放点设置不合理', description: '分类投放点距离居民楼过远，且未设置有害垃圾收集容器。', township: '西大街街道', location: '南营子小区' },
  { field: 'waste_sorting', title: '分类收集后混装混运', description: '群众反映分类投放的垃圾被收运车辆混装运走。', township: '大阁镇', location: '城区东片' },
  { field: 'rural_industry', title: '食用菌产业园冷链设施不足', description: '产业园缺少冷库，旺季鲜菇积压，农户增收受影响。', township: '杨树岭镇', location: '食用菌产业园' },
  { field: 'rural_industry', title: '特色农产品缺少统一品牌', description: '山楂、板栗等特色产品各自为战，缺乏统一品牌和销售渠道。', township: '凤山镇', location: '凤山镇农产品集散地' },
  { field: 'dev_zones', title: '开发区标准厂房闲置率高', description: '园区已建成标准厂房 8 栋，闲置 3 栋，招商引资成效不明显。', township: '隆化镇', location: '经济开发区' },
  { field: 'dev_zones', title: '园区道路路灯长期不亮', description: '开发区纬三路路灯损坏已半年，夜间通行存在安全隐患。', township: '平泉镇', location: '开发区纬三路' },
]

/** Townships (乡镇、街道) of the demo counties, so that each county's ledger names its own places. */
const TOWNSHIPS: Record<string, string[]> = {
  '130881': ['平泉镇', '杨树岭镇', '小寺沟镇', '黄土梁子镇'],
  '130825': ['隆化镇', '张三营镇', '韩麻营镇', '汤头沟镇'],
  '130802': ['西大街街道', '桥东街道', '石洞子沟街道', '中华路街道'],
  '130826': ['大阁镇', '凤山镇', '黄旗镇', '土城镇'],
}

const PLAN: { status: IssueStatus; overdue?: boolean; late?: boolean }[] = [
  { status: 'reported' },
  { status: 'reported' },
  { status: 'assigned' },
  { status: 'assigned', overdue: true },
  { status: 'rectifying' },
  { status: 'rectifying', overdue: true },
  { status: 'rectifying' },
  { status: 'rectified' },
  { status: 'closed' },
  { status: 'closed', late: true },
  { status: 'closed' },
  { status: 'rejected' },
]

export interface DemoPeople {
  countyCode: string
  reporterIds: string[]
  staffId: string
  units: { id: string; name: string }[]
  unitUserId: string | null
}

const DAY = 86400_000

/** Builds the issues and their events for one county, dated relative to `now`. */
export function demoIssues(p: DemoPeople, now: Date, salt: number): { issues: IssueRow[]; events: EventRow[] } {
  const out = { issues: [] as IssueRow[], events: [] as EventRow[] }
  PLAN.forEach((plan, n) => {
    const f = FINDINGS[(n + salt * 5) % FINDINGS.length]!
    const start = now.getTime() - (80 - n * 5 - salt) * DAY
    const at = (days: number, minutes = 0) => new Date(start + days * DAY + minutes * 60_000).toISOString()
    const day = (days: number) => todayInShanghai(new Date(start + days * DAY))
    const id = crypto.randomUUID()
    // Every third issue is the demo deputy's own, so their 我反映的问题 is not empty.
    const reporterId = n % 3 === 0 ? p.reporterIds[0]! : p.reporterIds[1 + (n % (p.reporterIds.length - 1))]!
    const unit = p.units[n % p.units.length]!
    const unitActor = unit.id === p.units[0]!.id && p.unitUserId ? p.unitUserId : p.staffId
    const events: EventRow[] = [{ id, issueId: id, action: 'create', fromStatus: null, toStatus: 'reported', actorId: reporterId, at: at(0), note: null }]
    const ev = (action: EventRow['action'], from: IssueStatus, to: IssueStatus, actorId: string, when: string, note: string | null, data: object = {}) =>
      events.push({ id: crypto.randomUUID(), issueId: id, action, fromStatus: from, toStatus: to, actorId, at: when, note, data: JSON.stringify(data) })

    const assigned = !['reported', 'rejected'].includes(plan.status)
    const deadline = plan.overdue ? todayInShanghai(new Date(now.getTime() - 6 * DAY)) : plan.late ? day(10) : todayInShanghai(new Date(now.getTime() + (15 + n) * DAY))
    let progress = 0
    let rectifiedOn: string | null = null
    let closedOn: string | null = null
    if (plan.status === 'rejected') ev('reject', 'reported', 'rejected', p.staffId, at(1), '与已交办问题重复，合并办理')
    if (assigned) ev('assign', 'reported', 'assigned', p.staffId, at(1), null, { unitId: unit.id, unitName: unit.name, requirement: '限期整改到位，并建立长效机制', deadline })
    if (['rectifying', 'rectified', 'closed'].includes(plan.status)) {
      ev('accept', 'assigned', 'rectifying', unitActor, at(2), '已接收，正在制定整改方案')
      progress = 40
      ev('progress', 'rectifying', 'rectifying', unitActor, at(4), '已完成现场勘查，整改方案已报批', { progress })
    }
    if (['rectified', 'closed'].includes(plan.status)) {
      const doneDay = plan.late ? 14 : 6
      ev('complete', 'rectifying', 'rectified', unitActor, at(doneDay), '已按要求整改完毕，附现场照片')
      progress = 100
      rectifiedOn = day(doneDay)
    }
    if (plan.status === 'closed') {
      ev('verify', 'rectified', 'closed', p.staffId, at(plan.late ? 16 : 8), '经现场复核，整改到位，予以销号', { closedOnTime: !plan.late })
      closedOn = day(plan.late ? 16 : 8)
    }
    const last = events[events.length - 1]!.at
    out.events.push(...events)
    out.issues.push({
      id,
      kind: n % 5 === 4 ? 'suggestion' : 'problem',
      year: Number(day(0).slice(0, 4)),
      fieldCode: f.field,
      countyCode: p.countyCode,
      township: (TOWNSHIPS[p.countyCode] ?? [f.township])[n % 4] ?? f.township,
      location: f.location,
      title: f.title,
      description: f.description,
      source: (['deputy', 'inspection', 'interview', 'spot_check', 'public_report'] as const)[n % 5]!,
      foundOn: day(0),
      reporterId,
      unitId: assigned ? unit.id : null,
      requirement: assigned ? '限期整改到位，并建立长效机制' : null,
      deadline: assigned ? deadline : null,
      status: plan.status,
      progress,
      rectifiedOn,
      closedOn,
      closedOnTime: plan.status === 'closed' ? !plan.late : null,
      requestHash: 'demo',
      createdAt: at(0),
      updatedAt: last,
      version: events.length,
    })
  })
  return out
}
