// Importing a county's Excel ledger in a real browser: from the ledger's toolbar to 导入台账, a file
// with a bad row shows every bad row, a good one previews with its new unit to confirm, 确认导入
// files the rows, and the ledger shows them, one with the timeline step 由台账导入.
import { describe, expect, it } from 'vitest'
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs, daysFromToday, uniqueTitle } from './issues-api'

const { baseURL, openAs } = setUpBrowser()

const HEADER = '监督领域,问题类型,问题标题,具体情况,乡镇,具体位置,发现方式,发现日期,责任单位,整改要求,整改时限,办理状态,销号日期'
const csv = (rows: string[]) => Buffer.from(`\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`, 'utf8')

/** The screenshots of this file, also under /tmp/import/ for review. */
function keepScreenshots() {
  const from = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))
  mkdirSync('/tmp/import', { recursive: true })
  for (const f of readdirSync(from).filter((f) => f.startsWith('import-'))) copyFileSync(`${from}${f}`, `/tmp/import/${f}`)
}

describe('importing a ledger file', () => {
  it('previews, names the bad rows, confirms a new unit, imports, and shows the issues in the ledger', async () => {
    const suffix = Math.random().toString(36).slice(2, 6)
    const [reported, assigned, rectifying] = [uniqueTitle('台账导入-路灯不亮'), uniqueTitle('台账导入-排水沟堵塞'), uniqueTitle('台账导入-桥栏杆缺失')]
    const newUnit = `平泉市交通运输局${suffix}`
    // A unit of the county's own, so that the demo unit's to-do list stays as other tests expect it.
    const knownUnit = `平泉市水务局${suffix}`
    const api = await apiAs(baseURL, '13800000002')
    await api.post('/units', { name: knownUnit })
    const rows = [
      `农村人居环境整治提升,问题,${reported},村口路灯损坏两盏,平泉镇,河东村,代表反映,${daysFromToday(-30)},,,,已上报,`,
      `农村人居环境整治提升,问题,${assigned},雨后积水严重,平泉镇,河西村,实地检查,${daysFromToday(-20)},${knownUnit},一周内疏通,${daysFromToday(15)},已交办,`,
      `重点项目建设,问题,${rectifying},桥栏杆缺失两处,杨树岭镇,西沟桥,走访座谈,${daysFromToday(-20)},${newUnit},补齐栏杆,${daysFromToday(-2)},整改中,`,
    ]
    const { context, page, problems } = await openAs(PHONE, '13800000002')
    await page.goto('/issues')
    await page.getByRole('link', { name: '导入台账' }).click()
    await page.waitForURL((url) => url.pathname === '/issues/import')
    await page.getByRole('heading', { level: 1, name: '导入台账' }).waitFor()
    expect(await page.getByRole('link', { name: '下载 Excel 模板' }).getAttribute('href')).toBe('/api/v1/issues/import/template')
    await screenshot(page, 'import-choose-phone')

    // A bad row: nothing is written, every bad row is named with its column.
    const file = page.getByLabel('台账文件', { exact: true })
    await file.setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: csv([rows[0]!, rows[1]!.replace('已交办', '办理中'), rows[2]!.replace(`,${newUnit},补齐栏杆,`, ',,补齐栏杆,')]) })
    await page.getByRole('button', { name: '预览' }).click()
    await page.getByText('台账中有 2 行有误，未导入任何数据，请修改后重新导入').waitFor()
    const table = page.getByRole('table')
    expect(await table.locator('th').allTextContents()).toEqual(['行号', '列', '问题'])
    const bad = await table.locator('tbody tr').allTextContents()
    expect(bad.some((r) => r.includes('第 3 行') && r.includes('办理状态“办理中”不正确'))).toBe(true)
    expect(bad.some((r) => r.includes('第 4 行') && r.includes('须填写责任单位'))).toBe(true)
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'import-bad-rows-phone')

    // The good file: the preview counts the rows by status and asks to confirm the new unit.
    await file.setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: csv(rows) })
    await page.getByRole('button', { name: '预览' }).click()
    await page.getByText('2. 核对预览').waitFor()
    await page.getByText(/共 3 行，将新建 3 条问题到平泉市/).waitFor()
    const confirm = page.getByRole('button', { name: '确认导入 3 条' })
    expect(await confirm.isDisabled()).toBe(true)
    await page.getByText(`还有 1 个新单位未确认：${newUnit}`).waitFor()
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'import-preview-phone')
    expect((await api.get<{ items: unknown[] }>(`/issues?q=${encodeURIComponent(reported)}`)).items).toEqual([])

    await page.getByRole('checkbox', { name: new RegExp(newUnit) }).check()
    expect(await confirm.isDisabled()).toBe(false)
    await confirm.click()
    await page.getByText('导入完成').waitFor()
    await page.getByText(new RegExp(`已新建 3 条问题到平泉市；新建责任单位 ${newUnit}`)).waitFor()
    await screenshot(page, 'import-done-phone')

    // The ledger lists them; the assigned one's timeline starts with 由台账导入.
    await page.getByRole('link', { name: '查看问题台账' }).click()
    await page.waitForURL((url) => url.pathname === '/issues')
    await page.goto(`/issues?q=${encodeURIComponent(assigned)}`)
    await page.getByText(assigned).first().click()
    await page.waitForURL((url) => /^\/issues\/[0-9a-f-]{36}$/.test(url.pathname))
    await page.getByText('由台账导入').first().waitFor()
    await page.getByText(knownUnit).first().waitFor()
    await screenshot(page, 'import-issue-phone')
    const found = await api.get<{ items: { title: string; status: string; unitName: string | null }[] }>(`/issues?q=${encodeURIComponent('台账导入-')}&limit=200`)
    const mine = found.items.filter((i) => [reported, assigned, rectifying].includes(i.title))
    expect(mine.map((i) => i.status).sort()).toEqual(['assigned', 'rectifying', 'reported'])
    expect(mine.find((i) => i.title === rectifying)!.unitName).toBe(newUnit)
    expectNoPageErrors(problems)
    await context.close()

    // The same file again, at a desk: every row existed, nothing to import.
    const desk = await openAs(DESKTOP, '13800000002')
    await desk.page.goto('/issues/import')
    await desk.page.getByLabel('台账文件', { exact: true }).setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: csv(rows) })
    await desk.page.getByRole('button', { name: '预览' }).click()
    await desk.page.getByText('文件中的问题此前都已导入，没有需要新建的。').waitFor()
    expect(await desk.page.getByRole('button', { name: '确认导入 0 条' }).isDisabled()).toBe(true)
    await screenshot(desk.page, 'import-again-desktop')
    expectNoPageErrors(desk.problems)
    await desk.context.close()
  })

  it('shows the preview as a table at a desk', async () => {
    const title = uniqueTitle('台账导入-桌面预览')
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto('/issues/import')
    await screenshot(page, 'import-choose-desktop')
    await page.getByLabel('台账文件', { exact: true }).setInputFiles({
      name: '台账.csv',
      mimeType: 'text/csv',
      buffer: csv([
        `农村人居环境整治提升,问题,${title},公厕无人保洁,平泉镇,河东村,代表反映,${daysFromToday(-25)},平泉市住房和城乡建设局,明确保洁责任人,${daysFromToday(-5)},已销号,${daysFromToday(-6)}`,
        `地下水超采综合治理,意见建议,${title}-2,建议增建节水设施,平泉镇,河西村,走访座谈,${daysFromToday(-10)},平泉市水务局新,增建节水设施,${daysFromToday(20)},已整改待验收,`,
      ]),
    })
    await page.getByRole('button', { name: '预览' }).click()
    await page.getByText('2. 核对预览').waitFor()
    const table = page.locator('.import-rows table')
    expect(await table.locator('th').allTextContents()).toEqual(['行号', '办理状态', '问题标题', '监督领域', '发现日期', '责任单位', '整改时限', '销号日期'])
    expect(await table.locator('tbody tr').count()).toBe(2)
    await screenshot(page, 'import-preview-desktop')
    expectNoPageErrors(problems)
    await context.close()
    keepScreenshots()
  })
})
