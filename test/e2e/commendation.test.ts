// Deputy groups and the yearly commendation in a real browser: county staff form a group and
// meet a change made meanwhile (已被他人修改, reloaded); the coverage of the seven fields on the
// dashboard; county staff nominate a deputy with a reason, the city confirms, and the A4 list
// shows the confirmed nomination, printed without the app's frame.
import { describe, expect, it } from 'vitest'
import { yearInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'

const { baseURL, openAs } = setUpBrowser()
const YEAR = yearInShanghai()
const COUNTY_STAFF = '13800000002' // 平泉市
const CITY_STAFF = '13800000001'

describe('deputy groups', () => {
  it('lets county staff form a mixed group on a phone, and says plainly when someone else changed it meanwhile', async () => {
    const { context, page, problems } = await openAs(PHONE, COUNTY_STAFF)
    await page.getByRole('link', { name: /代表小组/ }).click()
    await page.waitForURL((url) => url.pathname === '/groups')
    await page.getByRole('heading', { name: '七个领域代表小组覆盖' }).waitFor()
    await page.getByRole('button', { name: '新建小组' }).click()
    await page.getByLabel('小组名称').fill('优化营商环境代表小组')
    await page.getByLabel('优化营商环境').check()
    await page.getByLabel('重点项目建设').check()
    const roster = page.locator('.group-roster input[type=checkbox]')
    await roster.first().waitFor()
    await roster.nth(0).check()
    await roster.nth(1).check()
    const leader = page.getByLabel('组长')
    const firstMember = (await leader.locator('option').nth(1).getAttribute('value')) ?? ''
    await leader.selectOption(firstMember)
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'groups-form-phone')
    await page.getByRole('button', { name: '建立小组' }).click()
    await page.getByText('已建立：优化营商环境代表小组').waitFor()
    const card = page.locator('.group-card', { hasText: '优化营商环境代表小组' })
    await card.getByText('成员 2 人').waitFor()
    expect(await card.locator('.badge').allTextContents()).toEqual(['重点项目建设', '优化营商环境'])
    // The county's coverage line now has these two fields and still names the others.
    const line = page.locator('.coverage-row', { hasText: '平泉市' })
    expect(await line.locator('.coverage-gaps').textContent()).not.toContain('优化营商环境')
    expect(await line.locator('.coverage-gaps').textContent()).toContain('地下水超采综合治理')

    // Open it to edit; meanwhile a colleague renames it.
    await card.getByRole('button', { name: '编辑' }).click()
    await page.getByLabel('小组名称').waitFor()
    const list = (await (await page.request.get(`/api/v1/groups?year=${YEAR}`)).json()) as { items: { id: string; name: string; version: number }[] }
    const g = list.items.find((i) => i.name === '优化营商环境代表小组')!
    const renamed = await page.request.patch(`/api/v1/groups/${g.id}`, { data: { version: g.version, name: '营商环境和重点项目代表小组' }, headers: { origin: baseURL } })
    expect(renamed.status()).toBe(200)
    await page.getByLabel('小组名称').fill('营商环境代表小组')
    await page.getByRole('button', { name: '保存修改' }).click()
    await page.getByText('已被他人修改', { exact: true }).waitFor()
    await screenshot(page, 'groups-conflict-phone')
    await page.getByRole('button', { name: '重新载入' }).click()
    expect(await page.getByLabel('小组名称').inputValue()).toBe('营商环境和重点项目代表小组')
    await page.getByRole('button', { name: '保存修改' }).click()
    await page.getByText('已保存：营商环境和重点项目代表小组').waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })

  it('shows the city every county’s coverage of the seven fields on the dashboard, each linking to its groups', async () => {
    const { context, page, problems } = await openAs(DESKTOP, CITY_STAFF)
    await page.goto(`/dashboard?year=${YEAR}`)
    await page.getByRole('heading', { name: '七个领域代表小组覆盖' }).waitFor()
    const rows = page.locator('.coverage-row')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(12)
    const pingquan = rows.filter({ hasText: '平泉市' })
    expect(await pingquan.locator('.coverage-gaps').textContent()).toMatch(/^尚无小组：/)
    await pingquan.getByRole('link', { name: '平泉市' }).click()
    await page.waitForURL((url) => url.pathname === '/groups' && url.searchParams.get('countyCode') === '130881')
    await page.locator('.group-card').first().waitFor()
    await screenshot(page, 'groups-city-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('the yearly commendation', () => {
  it('lets county staff nominate a deputy with a reason, the city confirm it, and the A4 list show it', async () => {
    const county = await openAs(DESKTOP, COUNTY_STAFF)
    let page = county.page
    await page.goto('/')
    await page.getByRole('link', { name: /一年一表彰/ }).click()
    await page.waitForURL((url) => url.pathname === '/commendation')
    const table = page.locator('table.cm-table')
    await table.waitFor()
    // The most active deputy comes first; their figure opens the confirmed activities behind it.
    const first = table.locator('tbody tr').first()
    const name = ((await first.locator('.cm-name').textContent()) ?? '').trim()
    const figure = Number(await first.locator('td').nth(2).textContent())
    expect(figure).toBeGreaterThan(0)
    const href = (await first.locator('td').nth(2).locator('a').getAttribute('href')) ?? ''
    expect(href).toContain('status=confirmed')
    const listed = (await (await page.request.get(`/api/v1${href}&limit=200`)).json()) as { items: unknown[] }
    expect(listed.items.length).toBe(figure)
    await table.getByRole('button', { name: '九进覆盖' }).click()
    await page.waitForURL((url) => url.searchParams.get('sort') === 'venues')
    await table.locator('tbody tr').first().waitFor()

    await table.locator('tr', { hasText: name }).getByRole('button', { name: '推荐' }).click()
    await page.getByRole('heading', { name: `推荐${name}为 ${YEAR} 年度优秀人大代表` }).waitFor()
    await page.getByLabel('推荐理由').fill('全年走访农户 40 余户，推动食用菌冷库建设，带动 12 户增收。')
    await page.getByRole('button', { name: '提交推荐' }).click()
    await page.getByText(`已推荐：${name}`).waitFor()
    await page.locator('.nom-item', { hasText: name }).getByText('待市级确认').waitFor()
    await table.locator('tr', { hasText: name }).getByText('已推荐，待市级确认').waitFor()
    await screenshot(page, 'commendation-county-desktop')
    expect(await page.getByRole('button', { name: '确认', exact: true }).count()).toBe(0)
    const exported = await page.request.get((await page.getByRole('link', { name: '导出（Excel）' }).getAttribute('href')) ?? '')
    expect(exported.status()).toBe(200)
    expect(exported.headers()['content-type']).toContain('spreadsheetml')
    expectNoPageErrors(county.problems)
    await county.context.close()

    const city = await openAs(PHONE, CITY_STAFF)
    page = city.page
    await page.goto(`/commendation?year=${YEAR}`)
    await page.getByRole('heading', { name: '各县市区推荐情况' }).waitFor()
    const item = page.locator('.nom-item', { hasText: name })
    await item.getByText('平泉市').waitFor()
    await item.getByRole('button', { name: '确认', exact: true }).click()
    await page.getByText(`已确认：${name}`).waitFor()
    await item.getByText('市级已确认').waitFor()
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'commendation-city-phone')

    await page.getByRole('link', { name: '打印推荐名单' }).click()
    await page.waitForURL((url) => url.pathname === '/commendation/print')
    await page.getByRole('heading', { level: 1, name: `承德市${YEAR}年度优秀人大代表推荐名单` }).waitFor()
    const row = page.locator('.cm-print-table tbody tr', { hasText: name })
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['平泉市', name, '已确认', '全年走访农户 40 余户，推动食用菌冷库建设，带动 12 户增收。']))
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.topbar').isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false)
    expect(await page.locator('.cm-print h1').isVisible()).toBe(true)
    const pdf = await page.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    await screenshot(page, 'commendation-print')
    expectNoPageErrors(city.problems)
    await city.context.close()
  })
})
