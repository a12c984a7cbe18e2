import { describe, expect, it } from 'vitest'
import readXlsxFile from 'read-excel-file/node'
import { makeTestApp, LONGHUA, PINGQUAN } from '../support/app'
import { daysFromToday, fileIssue, putInStatus } from '../support/issues'

/** A small RFC 4180 reader, so that the test checks what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(cell), (cell = '')
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += ch
  }
  return rows
}

async function setup() {
  const t = await makeTestApp()
  const unit = await t.makeUnit(PINGQUAN, '平泉市住房和城乡建设局')
  const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
  const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN, name: '刘海燕' })
  const tricky = await fileIssue(t, deputy.cookie, {
    title: '排水沟"堵塞"，雨天积水',
    description: '第一行，带逗号\n第二行：=SUM(A1) 不应成为公式',
    fieldCode: 'rural_living',
  })
  await putInStatus(t, tricky.id, 'rectifying', unit.id, daysFromToday(-1))
  const plain = await fileIssue(t, deputy.cookie, { title: '机井未封填', fieldCode: 'groundwater' })
  const lh = await t.actor({ role: 'deputy', countyCode: LONGHUA })
  await fileIssue(t, lh.cookie, { title: '隆化县的问题' })
  return { t, staff, tricky, plain }
}

describe('exporting the ledger', () => {
  it('writes CSV with a UTF-8 BOM, Chinese headers and cells that survive commas, quotes and newlines', async () => {
    const { t, staff, tricky } = await setup()
    const res = await t.call('GET', '/api/v1/issues/export.csv', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=.*filename\*=UTF-8''/)
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toMatch(/^平泉市-问题清单台账-全部年度-\d{8}\.csv$/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(new TextDecoder().decode(bytes.slice(3)))
    expect(rows[0]!.slice(0, 7)).toEqual(['编号', '年度', '县市区', '监督领域', '类型', '问题标题', '问题描述'])
    expect(rows).toHaveLength(3) // header + the two issues of 平泉市, none of 隆化县
    const row = rows.find((r) => r.includes(tricky.id))!
    const col = (h: string) => row[rows[0]!.indexOf(h)]
    expect(col('问题标题')).toBe('排水沟"堵塞"，雨天积水')
    expect(col('问题描述')).toBe('第一行，带逗号\n第二行：=SUM(A1) 不应成为公式')
    expect(col('县市区')).toBe('平泉市')
    expect(col('监督领域')).toBe('农村人居环境整治提升')
    expect(col('状态')).toBe('整改中')
    expect(col('是否逾期')).toBe('逾期')
    expect(col('亮灯')).toBe('红灯（逾期）')
    expect(Number(col('距整改时限（天）'))).toBeLessThan(0)
    expect(col('督办次数')).toBe('0')
    expect(col('责任单位')).toBe('平泉市住房和城乡建设局')
    expect(col('反映人')).toBe('刘海燕')
    expect(col('编号')).toBe(tricky.number)
    expect(col('记录标识（ID）')).toBe(tricky.id)
  })

  it('never lets a cell start a spreadsheet formula', async () => {
    const { t, staff } = await setup()
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    await fileIssue(t, deputy.cookie, { title: '=HYPERLINK("http://x")' })
    const text = await (await t.call('GET', '/api/v1/issues/export.csv', { cookie: staff.cookie })).text()
    expect(parseCsv(text.slice(1)).some((r) => r.includes(`'=HYPERLINK("http://x")`))).toBe(true)
  })

  it('honours the list filters', async () => {
    const { t, staff, plain } = await setup()
    const text = await (await t.call('GET', '/api/v1/issues/export.csv?fieldCode=groundwater', { cookie: staff.cookie })).text()
    const rows = parseCsv(text.slice(1))
    expect(rows).toHaveLength(2)
    expect(rows[1]).toContain(plain.id)
  })

  it('writes an XLSX twin that reads back with the same headers and rows', async () => {
    const { t, staff, tricky } = await setup()
    const res = await t.call('GET', '/api/v1/issues/export.xlsx?overdue=true', { cookie: staff.cookie })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const sheets = await readXlsxFile(Buffer.from(await res.arrayBuffer()))
    expect(sheets[0]!.sheet).toBe('问题清单台账')
    const data = sheets[0]!.data
    // The title, the export-time line, then the header and the rows.
    expect(data[0]![0]).toBe('平泉市“5+2”联动监督问题清单台账（全部年度）')
    expect(String(data[1]![0])).toMatch(/^导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）　共 1 条$/)
    expect(data[2]!.slice(0, 5)).toEqual(['编号', '县市区', '监督领域', '类型', '问题标题'])
    expect(data).toHaveLength(4)
    const header = data[2] as string[]
    expect(data[3]![header.indexOf('问题描述')]).toBe('第一行，带逗号\n第二行：=SUM(A1) 不应成为公式')
    expect(data[3]![header.indexOf('编号')]).toBe(tricky.number)
  })
})
