// Importing a county's Excel ledger (POST /api/v1/issues/import): rows become issues in their
// status with the event 由台账导入, all or nothing, unknown units only after staff confirm them,
// a dry run that writes nothing, and the same file twice creating nothing.
import '../support/clock'
import { describe, expect, it } from 'vitest'
import { count, eq } from 'drizzle-orm'
import writeXlsxFile from 'write-excel-file/node'
import { readSheet } from 'read-excel-file/universal'
import { makeTestApp, LONGHUA, PINGQUAN, type TestApp } from '../support/app'
import { daysFromToday, fileIssue, getIssue, type IssueJson } from '../support/issues'
import { XLSX_TYPE } from '../support/xlsx'
import { issueEvents, issues, units } from '../../worker/db/schema'
import { RECOUNT } from '../../worker/stats/recount'
import { LEDGER_COLUMNS } from '../../worker/issues/issues.import'

type Problem = { row: number; column?: string; message: string }
type RowsError = { error: { code: string; message: string; rows: Problem[]; fields?: Record<string, string> } }
interface ImportResult {
  dryRun: boolean
  countyCode: string
  total: number
  created: number
  existing: number
  byStatus: Record<string, number>
  unknownUnits: { name: string; rows: number[]; confirmed: boolean }[]
  createdUnits: { id: string; name: string }[]
  items: { row: number; id: string; title: string; status: string; unitName: string | null; exists: boolean }[]
}

const HEADER = [...LEDGER_COLUMNS]

/** One ledger row by column name; the rest empty. */
function ledgerRow(values: Partial<Record<(typeof LEDGER_COLUMNS)[number], string>>): string[] {
  return HEADER.map((c) => values[c] ?? '')
}

const base = { 监督领域: '农村人居环境整治提升', 问题类型: '问题', 乡镇: '平泉镇', 具体位置: '河东村', 发现方式: '代表反映' }

/** A small ledger: one item in each status, with the units written as a county would type them. */
function ledger() {
  return [
    HEADER,
    ledgerRow({ ...base, 问题标题: '村内垃圾堆放未清运', 具体情况: '村委会西侧堆放垃圾约 3 立方米。', 发现日期: daysFromToday(-40), 办理状态: '已上报' }),
    ledgerRow({ ...base, 问题标题: '排水沟堵塞', 具体情况: '雨后积水。', 发现日期: daysFromToday(-30), 责任单位: '平泉市水务局', 整改要求: '疏通排水沟', 整改时限: daysFromToday(20), 办理状态: '已交办' }),
    // A full-width space inside and blanks around the unit's name: still the county's 水务局.
    ledgerRow({ ...base, 监督领域: 'groundwater', 问题标题: '机井未封填', 具体情况: '两眼机井未按要求封填。', 发现日期: daysFromToday(-30), 责任单位: ' 平泉市　水务局 ', 整改要求: '限期封填', 整改时限: daysFromToday(-3), 办理状态: '整改中' }),
    ledgerRow({ ...base, 问题标题: '公厕无人保洁', 具体情况: '公厕卫生差。', 发现日期: daysFromToday(-30), 责任单位: '平泉市水务局', 整改要求: '明确保洁责任人', 整改时限: daysFromToday(10), 办理状态: '已整改待验收' }),
    ledgerRow({ ...base, 问题类型: '意见建议', 问题标题: '建议增设垃圾箱', 具体情况: '沿街垃圾箱不足。', 发现日期: daysFromToday(-30), 责任单位: '平泉市水务局', 整改要求: '增设垃圾箱', 整改时限: daysFromToday(-10), 办理状态: 'closed', 销号日期: daysFromToday(-12) }),
    ledgerRow({ ...base, 问题标题: '重复反映的问题', 具体情况: '与已上报问题重复。', 发现日期: daysFromToday(-30), 办理状态: '不予受理' }),
  ]
}

function toCsv(rows: string[][]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

async function importCsv(t: TestApp, cookie: string, rows: string[][], query = '') {
  return t.call('POST', `/api/v1/issues/import${query}`, { cookie, body: toCsv(rows), headers: { 'content-type': 'text/csv; charset=utf-8' } })
}

async function postXlsx(t: TestApp, cookie: string, file: Uint8Array, query = '') {
  return t.app.request(`/api/v1/issues/import${query}`, { method: 'POST', headers: { cookie, 'content-type': XLSX_TYPE }, body: file })
}

async function setup() {
  const t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市水务局')
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN, name: '刘秀英' })
  return { t, unit, staff }
}

/** Every table an import may write, to show that a refused or previewed import wrote nothing. */
async function snapshot(t: TestApp) {
  const tables = ['issues', 'issue_events', 'units', 'issue_counts', 'deadline_counts']
  return Object.fromEntries(await Promise.all(tables.map(async (n) => [n, (await t.client.execute(`select * from ${n} order by 1, 2`)).rows])))
}

async function listAll(t: TestApp, cookie: string, query = '') {
  const res = await t.call('GET', `/api/v1/issues?limit=200${query}`, { cookie })
  return ((await res.json()) as { items: IssueJson[] }).items
}

/** Every counter equals its recount from the base tables (all-zero rows aside). */
async function expectCountersExact(t: TestApp) {
  for (const [table, { columns, select }] of Object.entries(RECOUNT)) {
    if (!['issue_counts', 'deadline_counts'].includes(table)) continue
    const keys = table === 'issue_counts' ? 4 : 5
    const names = columns.split(',')
    const norm = (rows: unknown[][]) =>
      rows
        .map((r) => names.map((_, i) => r[i]).map((v) => (typeof v === 'bigint' ? Number(v) : v)))
        .filter((r) => r.slice(keys).some((v) => v !== 0))
        .map((r) => JSON.stringify(r))
        .sort()
    const stored = norm((await t.client.execute(`select ${columns} from ${table}`)).rows.map((r) => columns.split(',').map((_, i) => r[i])))
    expect(stored, table).toEqual(norm((await t.db.values(select)) as unknown[][]))
  }
}

describe('importing a ledger', () => {
  it('files every row in its status, reported by the importing staff member, with the event 由台账导入', async () => {
    const { t, unit, staff } = await setup()
    const res = await importCsv(t, staff.cookie, ledger())
    expect(res.status).toBe(200)
    const result = (await res.json()) as ImportResult
    expect(result).toMatchObject({ dryRun: false, countyCode: PINGQUAN, total: 6, created: 6, existing: 0, unknownUnits: [], createdUnits: [] })
    expect(result.byStatus).toEqual({ reported: 1, assigned: 1, rectifying: 1, rectified: 1, closed: 1, rejected: 1 })

    const list = await listAll(t, staff.cookie)
    expect(list.map((i) => i.status).sort()).toEqual(['assigned', 'closed', 'rectified', 'rectifying', 'reported', 'rejected'].sort())
    expect(list.every((i) => i.reporterName === '刘秀英' && i.countyCode === PINGQUAN)).toBe(true)
    // Each is registered as any report is: a number of its own in the county's sequence.
    const numbers = list.map((i) => (i as { number?: string | null }).number)
    expect(numbers.every((n) => /^平泉-\d{4}-\d{4}$/.test(n ?? ''))).toBe(true)
    expect(new Set(numbers).size).toBe(6)
    const byTitle = Object.fromEntries(list.map((i) => [i.title, i]))
    expect(byTitle['机井未封填']).toMatchObject({ status: 'rectifying', unitId: unit.id, unitName: '平泉市水务局', fieldCode: 'groundwater', deadline: daysFromToday(-3), overdue: true })
    expect(byTitle['公厕无人保洁']).toMatchObject({ status: 'rectified', progress: 100 })
    // Closed two days before its deadline: on time.
    expect(byTitle['建议增设垃圾箱']).toMatchObject({ kind: 'suggestion', status: 'closed', closedOn: daysFromToday(-12), closedOnTime: true, progress: 100 })
    expect(byTitle['村内垃圾堆放未清运']).toMatchObject({ status: 'reported', unitId: null, deadline: null })

    const { body } = await getIssue(t, staff.cookie, byTitle['排水沟堵塞']!.id)
    expect(body!.events).toHaveLength(1)
    expect(body!.events[0]).toMatchObject({ action: 'create', fromStatus: null, toStatus: 'assigned', note: '由台账导入', actorName: '刘秀英' })
    expect(body!.events[0]!.data).toMatchObject({ imported: true, row: 3, unitName: '平泉市水务局', requirement: '疏通排水沟', deadline: daysFromToday(20) })
    // The unit it was handed to sees it in its list.
    const unitActor = await t.actor({ role: 'unit', unitId: unit.id })
    expect((await listAll(t, unitActor.cookie)).map((i) => i.title).sort()).toEqual(['公厕无人保洁', '建议增设垃圾箱', '排水沟堵塞', '机井未封填'].sort())
  })

  it('creates nothing the second time the same file is imported, and says how many existed', async () => {
    const { t, staff } = await setup()
    const first = (await (await importCsv(t, staff.cookie, ledger())).json()) as ImportResult
    const before = await snapshot(t)
    const again = (await (await importCsv(t, staff.cookie, ledger())).json()) as ImportResult
    expect(again).toMatchObject({ created: 0, existing: 6, total: 6 })
    expect(again.items.every((i) => i.exists)).toBe(true)
    // The same ids: each row's id comes from the county and its content.
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id))
    expect(await snapshot(t)).toEqual(before)
  })

  it('counts a row as existing when the same issue was imported in a later status (a ledger exported again)', async () => {
    const { t, staff } = await setup()
    const rows = ledger().slice(0, 2)
    await importCsv(t, staff.cookie, rows)
    const later = rows.map((r) => [...r])
    later[1]![HEADER.indexOf('办理状态')] = '不予受理'
    expect(await (await importCsv(t, staff.cookie, later)).json()).toMatchObject({ created: 0, existing: 1 })
    expect((await listAll(t, staff.cookie)).map((i) => i.status)).toEqual(['reported'])
  })

  it('reads the same ledger from an XLSX file with date cells', async () => {
    const { t, staff } = await setup()
    const rows = ledger()
    const dateColumns = new Set(['发现日期', '整改时限', '销号日期'].map((c) => HEADER.indexOf(c as never)))
    const sheet = rows.map((r, ri) => r.map((v, ci) => (ri > 0 && dateColumns.has(ci) && v ? { value: new Date(`${v}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' } : { value: v })))
    const file = await writeXlsxFile(sheet as never).toBuffer()
    const res = await postXlsx(t, staff.cookie, new Uint8Array(file))
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ created: 6 })
    const closed = (await listAll(t, staff.cookie, '&status=closed'))[0]!
    expect(closed).toMatchObject({ foundOn: daysFromToday(-30), deadline: daysFromToday(-10), closedOn: daysFromToday(-12) })
    // The CSV of the same rows is the same file: nothing new.
    expect(await (await importCsv(t, staff.cookie, rows)).json()).toMatchObject({ created: 0, existing: 6 })
  })

  it('takes the file as the multipart field file, as the web page sends it', async () => {
    const { t, staff } = await setup()
    const form = new FormData()
    form.append('file', new File([toCsv(ledger().slice(0, 3))], '台账.csv', { type: 'text/csv' }))
    const res = await t.app.request('/api/v1/issues/import', { method: 'POST', headers: { cookie: staff.cookie }, body: form })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ created: 2 })
  })
})

describe('a dry run', () => {
  it('answers what would be created, counts by status and the unknown units, and writes nothing', async () => {
    const { t, staff } = await setup()
    const rows = ledger()
    rows.push(ledgerRow({ ...base, 问题标题: '道路破损', 具体情况: '路面坑洼。', 发现日期: daysFromToday(-5), 责任单位: '平泉市交通运输局', 整改要求: '修补路面', 整改时限: daysFromToday(30), 办理状态: '已交办' }))
    const before = await snapshot(t)
    const res = await importCsv(t, staff.cookie, rows, '?dryRun=true')
    expect(res.status).toBe(200)
    const preview = (await res.json()) as ImportResult
    expect(preview).toMatchObject({ dryRun: true, total: 7, created: 7, existing: 0, createdUnits: [] })
    expect(preview.byStatus).toMatchObject({ assigned: 2, reported: 1, closed: 1 })
    expect(preview.unknownUnits).toEqual([{ name: '平泉市交通运输局', rows: [8], confirmed: false }])
    expect(preview.items.map((i) => i.row)).toEqual([2, 3, 4, 5, 6, 7, 8])
    expect(await snapshot(t)).toEqual(before)
  })

  it('still names every bad row (400), so that the preview shows what to fix', async () => {
    const { t, staff } = await setup()
    const rows = ledger()
    rows[2]![HEADER.indexOf('发现方式')] = '电话'
    const res = await importCsv(t, staff.cookie, rows, '?dryRun=true')
    expect(res.status).toBe(400)
    expect(((await res.json()) as RowsError).error.rows).toEqual([{ row: 3, column: '发现方式', message: expect.stringContaining('发现方式“电话”不正确') }])
  })
})

describe('bad rows', () => {
  it('names every bad row with its column and reason (400), and imports nothing of the file', async () => {
    const { t, staff } = await setup()
    const rows = ledger()
    rows.push(
      // Handed over without a unit, a requirement or a deadline.
      ledgerRow({ ...base, 问题标题: '缺少交办信息', 具体情况: '……', 发现日期: daysFromToday(-5), 办理状态: '已交办' }),
      // Closed without its 销号日期, in a field of no year, found in the future.
      ledgerRow({ ...base, 监督领域: '城市绿化', 问题标题: '未填销号日期', 具体情况: '……', 发现日期: daysFromToday(3), 责任单位: '平泉市水务局', 整改要求: '……', 整改时限: daysFromToday(5), 办理状态: '已销号' }),
      ledgerRow({ ...base, 问题标题: '', 具体情况: '没有标题', 发现日期: '2026-02-30', 办理状态: '处理中' }),
      ledgerRow({ ...base, 问题标题: '未交办却有时限', 具体情况: '……', 发现日期: daysFromToday(-5), 整改时限: daysFromToday(5), 办理状态: '已上报', 销号日期: daysFromToday(-1) }),
    )
    const before = await snapshot(t)
    const res = await importCsv(t, staff.cookie, rows)
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as RowsError
    expect(error.code).toBe('validation_failed')
    expect(error.message).toBe('台账中有 4 行有误，未导入任何数据，请修改后重新导入')
    const at = (row: number) => error.rows.filter((p) => p.row === row).map((p) => p.column)
    expect(at(8).sort()).toEqual(['责任单位', '整改时限', '整改要求'].sort())
    expect(at(9)).toEqual(['发现日期', '销号日期'])
    expect(at(10).sort()).toEqual(['办理状态', '发现日期', '问题标题'].sort())
    expect(at(11).sort()).toEqual(['整改时限', '销号日期'].sort())
    expect(error.rows.find((p) => p.row === 9 && p.column === '发现日期')!.message).toBe('发现日期不能晚于今天')
    expect(error.rows.find((p) => p.row === 10 && p.column === '发现日期')!.message).toBe('发现日期“2026-02-30”不是有效的日期，请写成 2026-03-05 的形式')
    expect(error.rows.map((p) => p.row)).toEqual([...error.rows.map((p) => p.row)].sort((a, b) => a - b))
    expect(await snapshot(t)).toEqual(before)
  })

  it('refuses a field that is not one of the year’s, and names the year’s fields', async () => {
    const { t, staff } = await setup()
    const rows = [HEADER, ledgerRow({ ...base, 监督领域: '城市绿化', 问题标题: '某', 具体情况: '某', 发现日期: daysFromToday(-1), 办理状态: '已上报' })]
    const { error } = (await (await importCsv(t, staff.cookie, rows)).json()) as RowsError
    expect(error.rows).toEqual([{ row: 2, column: '监督领域', message: expect.stringMatching(/年没有监督领域“城市绿化”，应为 重点项目建设、.*开发区（高新区）提升 之一$/) }])
  })

  it('treats two identical rows in one file as a bad row naming the first', async () => {
    const { t, staff } = await setup()
    const rows = ledger()
    rows.push([...rows[2]!])
    const { error } = (await (await importCsv(t, staff.cookie, rows)).json()) as RowsError
    expect(error.rows).toEqual([{ row: 8, message: expect.stringContaining('与第 3 行是同一问题') }])
    expect((await t.db.select({ n: count() }).from(issues))[0]!.n).toBe(0)
  })

  it('names the missing columns of a file that is not the template', async () => {
    const { t, staff } = await setup()
    const res = await importCsv(t, staff.cookie, [['姓名', '手机号'], ['王建华', '13911110001']])
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as RowsError
    expect(error.fields).toEqual({ file: '缺少列：监督领域、问题标题、具体情况、发现方式、发现日期、办理状态' })
  })

  it('reads the ledger’s own export headers (类型, 问题描述, 乡镇（街道）, 状态) as the template’s', async () => {
    const { t, staff } = await setup()
    const header = HEADER.map((h) => ({ 问题类型: '类型', 具体情况: '问题描述', 乡镇: '乡镇（街道）', 办理状态: '状态' })[h as string] ?? h)
    const res = await importCsv(t, staff.cookie, [header, ...ledger().slice(1, 3)])
    expect(await res.json()).toMatchObject({ created: 2 })
  })

  it('refuses a file over the row bound before reading it (400), as every import', async () => {
    const { t, staff } = await setup()
    const res = await importCsv(t, staff.cookie, [HEADER, ...Array.from({ length: 10_000 }, () => HEADER.map(() => ''))])
    expect(res.status).toBe(400)
    expect((await res.json()) as RowsError).toMatchObject({ error: { fields: { file: '文件超过 10,000 行，请分成几个文件分批导入' } } })
  })
})

describe('unknown units', () => {
  const withNewUnit = () => [
    HEADER,
    ledgerRow({ ...base, 问题标题: '道路破损', 具体情况: '路面坑洼。', 发现日期: daysFromToday(-5), 责任单位: '平泉市交通运输局', 整改要求: '修补路面', 整改时限: daysFromToday(30), 办理状态: '已交办' }),
    ledgerRow({ ...base, 问题标题: '桥栏杆缺失', 具体情况: '桥栏杆缺失两处。', 发现日期: daysFromToday(-5), 责任单位: '平泉市交通运输局', 整改要求: '补齐栏杆', 整改时限: daysFromToday(30), 办理状态: '整改中' }),
    ledgerRow({ ...base, 问题标题: '排水沟堵塞', 具体情况: '雨后积水。', 发现日期: daysFromToday(-5), 责任单位: '平泉市水务局', 整改要求: '疏通', 整改时限: daysFromToday(30), 办理状态: '已交办' }),
  ]

  it('are not created without confirmation: the import is refused naming their rows', async () => {
    const { t, staff } = await setup()
    const before = await snapshot(t)
    const res = await importCsv(t, staff.cookie, withNewUnit())
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as RowsError
    expect(error.rows).toEqual([2, 3].map((row) => ({ row, column: '责任单位', message: expect.stringContaining('责任单位“平泉市交通运输局”不在本县（市、区）的单位名录中') })))
    expect(await snapshot(t)).toEqual(before)
  })

  it('are created when staff confirm them, and the rows are handed to them', async () => {
    const { t, staff } = await setup()
    const preview = (await (await importCsv(t, staff.cookie, withNewUnit(), '?dryRun=true')).json()) as ImportResult
    expect(preview.unknownUnits).toEqual([{ name: '平泉市交通运输局', rows: [2, 3], confirmed: false }])
    const confirmed = (await (await importCsv(t, staff.cookie, withNewUnit(), '?dryRun=true&createUnits=' + encodeURIComponent('平泉市交通运输局'))).json()) as ImportResult
    expect(confirmed.unknownUnits[0]!.confirmed).toBe(true)
    expect((await t.db.select().from(units)).map((u) => u.name)).toEqual(['平泉市水务局'])

    const query = '?createUnits=' + encodeURIComponent('平泉市交通运输局')
    const res = await importCsv(t, staff.cookie, withNewUnit(), query)
    expect(res.status).toBe(200)
    const result = (await res.json()) as ImportResult
    expect(result).toMatchObject({ created: 3, unknownUnits: [], createdUnits: [{ id: expect.any(String), name: '平泉市交通运输局' }] })
    const made = await t.db.select().from(units).where(eq(units.name, '平泉市交通运输局'))
    expect(made).toHaveLength(1)
    expect(made[0]!.countyCode).toBe(PINGQUAN)
    const list = await listAll(t, staff.cookie, `&unitId=${made[0]!.id}`)
    expect(list.map((i) => i.title).sort()).toEqual(['桥栏杆缺失', '道路破损'])
    // The same confirmed request again (a retry): nothing new, no second unit.
    expect(await (await importCsv(t, staff.cookie, withNewUnit(), query)).json()).toMatchObject({ created: 0, existing: 3, createdUnits: [] })
    expect((await t.db.select({ n: count() }).from(units))[0]!.n).toBe(2)
  })

  it('refuses a confirmation of a unit the file does not name', async () => {
    const { t, staff } = await setup()
    const res = await importCsv(t, staff.cookie, withNewUnit(), '?createUnits=' + encodeURIComponent('平泉市交通运输局') + '&createUnits=' + encodeURIComponent('平泉市教育局'))
    expect(res.status).toBe(400)
    expect(((await res.json()) as RowsError).error.fields).toEqual({ createUnits: '要新建的责任单位“平泉市教育局”不在文件中，请重新预览后确认' })
    expect((await t.db.select({ n: count() }).from(units))[0]!.n).toBe(1)
  })

  it('matches only the county’s own units: another county’s unit of the same name is unknown here', async () => {
    const { t, staff } = await setup()
    await t.makeUnit(LONGHUA, '平泉市交通运输局')
    const preview = (await (await importCsv(t, staff.cookie, withNewUnit(), '?dryRun=true')).json()) as ImportResult
    expect(preview.unknownUnits.map((u) => u.name)).toEqual(['平泉市交通运输局'])
  })
})

describe('who may import where', () => {
  it('lets county staff import into their own county only (403 for another)', async () => {
    const { t, staff } = await setup()
    const res = await importCsv(t, staff.cookie, ledger(), `?countyCode=${LONGHUA}`)
    expect(res.status).toBe(403)
    expect((await t.db.select({ n: count() }).from(issues))[0]!.n).toBe(0)
    expect((await importCsv(t, staff.cookie, ledger(), `?countyCode=${PINGQUAN}`)).status).toBe(200)
  })

  it('has city staff name the county, and keeps the issues to that county', async () => {
    const { t } = await setup()
    const city = await t.actor({ role: 'city_staff' })
    const missing = await importCsv(t, city.cookie, ledger())
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as RowsError).error.fields).toEqual({ countyCode: '请选择要导入到哪个县（市、区）' })
    expect(await (await importCsv(t, city.cookie, ledger(), `?countyCode=${PINGQUAN}`)).json()).toMatchObject({ created: 6, countyCode: PINGQUAN })
    const longhua = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    expect(await listAll(t, longhua.cookie)).toEqual([])
    const one = (await listAll(t, city.cookie))[0]!
    expect((await getIssue(t, longhua.cookie, one.id)).res.status).toBe(404)
  })

  it('imports the same rows into two counties as two sets of issues (ids are per county)', async () => {
    const { t } = await setup()
    await t.makeUnit(LONGHUA, '平泉市水务局')
    const city = await t.actor({ role: 'city_staff' })
    await importCsv(t, city.cookie, ledger(), `?countyCode=${PINGQUAN}`)
    expect(await (await importCsv(t, city.cookie, ledger(), `?countyCode=${LONGHUA}`)).json()).toMatchObject({ created: 6, existing: 0 })
  })

  it('refuses deputies and units (403), also for the template', async () => {
    const { t, unit } = await setup()
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const unitActor = await t.actor({ role: 'unit', unitId: unit.id })
    for (const who of [deputy, unitActor]) {
      expect((await importCsv(t, who.cookie, ledger(), '?dryRun=true')).status).toBe(403)
      expect((await t.call('GET', '/api/v1/issues/import/template', { cookie: who.cookie })).status).toBe(403)
    }
    expect((await t.db.select({ n: count() }).from(issues))[0]!.n).toBe(0)
  })
})

describe('the statistics after an import', () => {
  it('equal the list totals and a recount of the counters', async () => {
    const { t, staff } = await setup()
    // An issue reported the ordinary way before the import: its figures stay, the import's add to them.
    await fileIssue(t, staff.cookie, { title: '导入前上报的问题', foundOn: daysFromToday(-1) })
    await expectCountersExact(t)
    await importCsv(t, staff.cookie, ledger())
    await importCsv(t, staff.cookie, ledger())
    await expectCountersExact(t)
    const years = [...new Set((await listAll(t, staff.cookie)).map((i) => i.year))]
    for (const year of years) {
      const stats = (await (await t.call('GET', `/api/v1/stats/supervision?year=${year}`, { cookie: staff.cookie })).json()) as { totals: Record<string, number> }
      const list = await listAll(t, staff.cookie, `&year=${year}`)
      const n = (s: string) => list.filter((i) => i.status === s).length
      expect(stats.totals).toMatchObject({ reported: n('reported'), assigned: n('assigned'), rectifying: n('rectifying'), rectified: n('rectified'), closed: n('closed'), rejected: n('rejected') })
      expect(stats.totals.total).toBe(list.filter((i) => i.status !== 'rejected').length)
      expect(stats.totals.overdue).toBe(list.filter((i) => i.overdue).length)
    }
  })
})

describe('the template', () => {
  it('is an XLSX with the header row and one example row, which imports as it is', async () => {
    const { t, staff } = await setup()
    const res = await t.call('GET', '/api/v1/issues/import/template', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE)
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('问题清单台账导入模板.xlsx')
    const bytes = await res.arrayBuffer()
    const rows = await readSheet(bytes)
    expect(rows).toHaveLength(2)
    expect(rows[0]).toEqual(HEADER)
    // The example's unit is the county's to confirm; then the example files as a closed item.
    const imported = await postXlsx(t, staff.cookie, new Uint8Array(bytes), '?createUnits=' + encodeURIComponent('平泉镇人民政府'))
    expect(await imported.json()).toMatchObject({ created: 1, byStatus: { closed: 1 } })
  })

  it('comes as a CSV with a BOM when asked', async () => {
    const { t, staff } = await setup()
    const res = await t.call('GET', '/api/v1/issues/import/template?format=csv', { cookie: staff.cookie })
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.startsWith(HEADER.join(','))).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(2)
  })
})

describe('the events of an import', () => {
  it('are one per issue, all create events with the note 由台账导入', async () => {
    const { t, staff } = await setup()
    await importCsv(t, staff.cookie, ledger())
    const events = await t.db.select().from(issueEvents)
    expect(events).toHaveLength(6)
    expect(events.every((e) => e.action === 'create' && e.note === '由台账导入' && e.fromStatus === null)).toBe(true)
    const statuses = await t.db.select({ id: issues.id, status: issues.status }).from(issues)
    expect(events.map((e) => e.toStatus).sort()).toEqual(statuses.map((s) => s.status).sort())
    expect(events.every((e) => e.id === e.issueId)).toBe(true)
  })
})
