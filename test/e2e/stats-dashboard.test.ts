// The statistics dashboards in a real browser: the city's on a 1280×800 desk screen (figures,
// the county × field matrix, the bar charts, 五个一), a matrix cell opening the ledger with the
// same number of rows, a county's own view with who to call, and the states around them.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { yearInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser, signIn } from './browser'
import { apiAs, assignIssue, daysFromToday, reportIssue, uniqueTitle } from './issues-api'

const { baseURL, open, openAs } = setUpBrowser()
const YEAR = yearInShanghai()
const COUNTED = 'reported,assigned,rectifying,rectified,closed'

interface Totals {
  total: number
  closed: number
  overdue: number
}

/** The number on a headline card (its label exactly as shown). */
async function headline(page: Page, label: string): Promise<number> {
  const card = page.locator('.stat-card', { has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) })
  return Number.parseFloat(((await card.locator('.stat-value').textContent()) ?? '').replace(/,/g, ''))
}

/** Waits for the ledger to have loaded every page and answers how many rows it shows. */
async function ledgerRows(page: Page, expected: number): Promise<number> {
  await page.getByText(`已显示全部 ${expected} 条`).waitFor()
  return page.getByRole('table').locator('tbody tr').count()
}

describe('the city dashboard on a 1280×800 desk screen', () => {
  it('shows the year’s headline figures, the county × field matrix, the bar charts and 五个一', async () => {
    const api = await apiAs(baseURL, '13800000001')
    const sup = await api.get<{ totals: Totals }>(`/stats/supervision?year=${YEAR}`)
    const act = await api.get<{ totals: { confirmed: number } }>(`/stats/activities?year=${YEAR}`)
    const reference = await api.get<{ counties: unknown[]; fields: { year: number }[] }>('/reference')
    const fieldCount = reference.fields.filter((f) => f.year === YEAR).length

    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.getByRole('link', { name: /^统计总览/ }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard')
    await page.getByRole('heading', { level: 1, name: '统计总览' }).waitFor()
    const matrix = page.locator('table.mx')
    await matrix.waitFor()
    expect(await headline(page, '问题总数')).toBe(sup.totals.total)
    expect(await headline(page, '已销号')).toBe(sup.totals.closed)
    expect(await headline(page, '逾期未整改')).toBe(sup.totals.overdue)
    expect(await headline(page, '已确认履职活动')).toBe(act.totals.confirmed)
    for (const label of ['销号率', '按期销号率', '代表参与率', '引进资金']) await page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }).waitFor()
    const activityCard = page.locator('a.stat-card', { has: page.locator('.stat-label', { hasText: /^已确认履职活动$/ }) })
    expect(await activityCard.getAttribute('href')).toBe(`/activities?year=${YEAR}&status=confirmed`)

    // Every county a row, every field of the year a column (plus 合计), the city's total last.
    expect(await matrix.locator('tbody tr').count()).toBe(reference.counties.length)
    expect(await matrix.locator('thead th').count()).toBe(fieldCount + 2)
    expect(await matrix.locator('tfoot .mx-total').last().textContent()).toBe(String(sup.totals.total))
    await page.getByText('销号率', { exact: true }).first().waitFor()
    expect(await page.locator('.mx-legend .mx-swatch').count()).toBe(6)

    // Two charts, a bar per county in each, each bar an image with its figure read aloud.
    const charts = page.locator('figure.chart')
    expect(await charts.count()).toBe(2)
    expect(await charts.first().locator('svg[role="img"]').count()).toBe(reference.counties.length)
    expect(await charts.nth(1).locator('svg[role="img"]').first().getAttribute('aria-label')).toMatch(/已确认履职活动 \d+ 次$/)
    expect(await page.locator('table.five tbody tr').count()).toBe(reference.counties.length + 1)
    expect(await page.locator('table.five tbody tr').first().textContent()).toContain('承德市')
    expect(await page.locator('table.five tbody tr').first().locator('a.five-badge').getAttribute('href')).toBe(`/five-ones?year=${YEAR}&countyCode=130800`)
    await screenshot(page, 'stats-city-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('opens the ledger from a matrix cell with exactly that cell’s filter and number of rows', async () => {
    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.goto(`/dashboard?year=${YEAR}`)
    const cell = page.locator('table.mx tbody a.mx-total').first()
    await cell.waitFor()
    const count = Number(await cell.textContent())
    expect(count).toBeGreaterThan(0)
    await cell.click()
    await page.waitForURL((url) => url.pathname === '/issues')
    const qs = new URL(page.url()).searchParams
    expect(qs.get('year')).toBe(String(YEAR))
    expect(qs.get('countyCode')).toMatch(/^\d{6}$/)
    expect(qs.get('fieldCode')).toBeTruthy()
    expect(qs.get('status')).toBe(COUNTED)
    expect(await ledgerRows(page, count)).toBe(count)
    expect(await page.getByLabel('状态', { exact: true }).locator('option:checked').textContent()).toBe('不含不予受理')
    await screenshot(page, 'stats-ledger-from-cell-desktop')

    expectNoPageErrors(problems)
    await context.close()
  })

  it('counts each cell’s open items by light, and each light opens the ledger of exactly those', async () => {
    // One of each light in 平泉市 × 农村人居环境整治提升: due tomorrow (黄), in a month (绿); the demo has red ones.
    const staff = await apiAs(baseURL, '13800000002')
    for (const days of [1, 30]) await assignIssue(staff, await reportIssue(staff, uniqueTitle('亮灯分格')), '平泉市住房和城乡建设局', daysFromToday(days))
    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.goto(`/dashboard?year=${YEAR}`)
    await page.locator('table.mx').waitFor()
    for (const legend of ['红灯·已逾期', '黄灯·即将到期', '绿灯·按期推进']) await page.locator('.mx-legend').getByText(legend).waitFor()
    const cell = page.locator('table.mx tbody td', { has: page.getByRole('link', { name: /平泉市 农村人居环境整治提升：问题/ }) })
    for (const [light, word] of [['red', '红'], ['yellow', '黄'], ['green', '绿']] as const) {
      const link = page.locator(`table.mx tbody a.mx-light-${light}`).first()
      await link.waitFor()
      const text = (await link.textContent()) ?? ''
      // The word is on screen, and in the link's name with what it counts.
      expect(text.startsWith(word)).toBe(true)
      expect(await link.getAttribute('aria-label')).toContain(text)
      const n = Number(text.slice(1))
      expect(n).toBeGreaterThan(0)
      await link.click()
      await page.waitForURL((url) => url.pathname === '/issues' && url.searchParams.get('light') === light)
      const qs = new URL(page.url()).searchParams
      expect(qs.get('year')).toBe(String(YEAR))
      expect(qs.get('countyCode')).toMatch(/^\d{6}$/)
      expect(qs.get('fieldCode')).toBeTruthy()
      expect(await ledgerRows(page, n)).toBe(n)
      expect(await page.locator(`tbody .light-${light}`).count()).toBe(n)
      await page.goBack()
      await page.locator('table.mx').waitFor()
    }
    // The cell made above shows all three, and they add up to its open items.
    const api = await apiAs(baseURL, '13800000001')
    const sup = await api.get<{ rows: { countyCode: string; fieldCode?: string; assigned: number; rectifying: number; overdue: number; dueSoon: number; inTime: number }[] }>(`/stats/supervision?year=${YEAR}`)
    const row = sup.rows.find((r) => r.countyCode === '130881' && r.fieldCode === 'rural_living')!
    expect(row.dueSoon).toBeGreaterThan(0)
    expect(row.inTime).toBeGreaterThan(0)
    expect(row.overdue + row.dueSoon + row.inTime).toBe(row.assigned + row.rectifying)
    for (const [light, n] of [['yellow', row.dueSoon], ['green', row.inTime]] as const) {
      expect(await cell.locator(`a.mx-light-${light}`).textContent()).toBe(`${light === 'yellow' ? '黄' : '绿'}${n}`)
    }
    await screenshot(page, 'stats-matrix-lights-desktop')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('opens the 引进资金 card on the activities that brought in funds, and those add up to the card', async () => {
    const api = await apiAs(baseURL, '13800000001')
    const act = await api.get<{ totals: { fundsAmount: number; introductions: { funds: number } } }>(`/stats/activities?year=${YEAR}`)
    const funded = await api.get<{ items: { introductions: { type: string; amount?: number }[] }[]; nextCursor: string | null }>(`/activities?year=${YEAR}&status=confirmed&introduction=funds&limit=200`)
    expect(funded.nextCursor).toBeNull()
    const funds = funded.items.flatMap((a) => a.introductions.filter((i) => i.type === 'funds'))
    expect(funds.length).toBe(act.totals.introductions.funds)
    expect(Math.round(funds.reduce((s, i) => s + (i.amount ?? 0), 0) * 100) / 100).toBe(act.totals.fundsAmount)
    expect(funded.items.length).toBeGreaterThan(0)

    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.goto(`/dashboard?year=${YEAR}`)
    const card = page.locator('a.stat-card', { has: page.locator('.stat-label', { hasText: /^引进资金$/ }) })
    expect(await headline(page, '引进资金')).toBe(act.totals.fundsAmount)
    await card.click()
    await page.waitForURL((url) => url.pathname === '/activities' && url.searchParams.get('introduction') === 'funds')
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ year: String(YEAR), status: 'confirmed', introduction: 'funds' })
    expect(await ledgerRows(page, funded.items.length)).toBe(funded.items.length)
    expect(await page.getByLabel('五个引进').inputValue()).toBe('funds')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('lets city staff open a county’s own view by its name, and keeps the year when it changes', async () => {
    const { context, page, problems } = await openAs(DESKTOP, '13800000001')
    await page.goto(`/dashboard?year=${YEAR}`)
    await page.locator('table.mx').getByRole('link', { name: '隆化县', exact: true }).click()
    await page.waitForURL((url) => url.searchParams.get('countyCode') === '130825')
    await page.getByRole('heading', { level: 1, name: '隆化县统计台账' }).waitFor()
    await page.getByRole('heading', { name: '待联系代表' }).waitFor()
    expect(await page.getByLabel('范围').inputValue()).toBe('130825')
    await page.getByLabel('年度').selectOption(String(YEAR - 1))
    await page.waitForURL((url) => url.searchParams.get('year') === String(YEAR - 1) && url.searchParams.get('countyCode') === '130825')
    await page.getByRole('link', { name: '统计总览' }).click()
    await page.waitForURL((url) => url.pathname === '/dashboard' && !url.searchParams.get('countyCode'))
    expectNoPageErrors(problems)
    await context.close()
  })

  it('fits a 390×844 phone: the matrix scrolls inside its frame, not the page', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000001')
    await page.goto(`/dashboard?year=${YEAR}`)
    await page.locator('table.mx').waitFor()
    await page.locator('table.five').waitFor()
    await expectNoSidewaysScroll(page)
    const box = await page.locator('a.stat-card').first().boundingBox()
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
    await screenshot(page, 'stats-city-phone')
    expectNoPageErrors(problems)
    await context.close()
  })

  it('says 本年度暂无数据 for a year with nothing recorded, and offers a retry when loading fails', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000001')
    await page.goto(`/dashboard?year=${YEAR - 3}`)
    await page.getByText('本年度暂无数据').waitFor()
    await page.route('**/api/v1/stats/supervision*', (route) => route.abort('internetdisconnected'))
    await page.goto(`/dashboard?year=${YEAR}`)
    await page.getByText('加载失败').waitFor()
    await page.unroute('**/api/v1/stats/supervision*')
    await page.getByRole('button', { name: '重试' }).click()
    await page.locator('table.mx').waitFor()
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('a county’s dashboard', () => {
  it('shows county staff their county only, by field and township, and who to call by phone', async () => {
    const api = await apiAs(baseURL, '13800000002')
    const { items } = await api.get<{ items: { name: string; phone: string }[] }>(`/stats/inactive-deputies?year=${YEAR}`)
    const sup = await api.get<{ totals: Totals }>(`/stats/supervision?year=${YEAR}`)
    for (const [options, name] of [
      [DESKTOP, 'stats-county-desktop'],
      [PHONE, 'stats-county-phone'],
    ] as const) {
      const { context, page, problems } = await openAs(options, '13800000002')
      await page.getByRole('link', { name: /^统计台账/ }).click()
      await page.waitForURL((url) => url.pathname === '/dashboard')
      await page.getByRole('heading', { level: 1, name: '平泉市统计台账' }).waitFor()
      await page.getByRole('heading', { name: '问题整改情况（按监督领域）' }).waitFor()
      await page.getByRole('heading', { name: '问题整改情况（按乡镇、街道）' }).waitFor()
      expect(await headline(page, '问题总数')).toBe(sup.totals.total)
      expect(await page.locator('table.mx').count()).toBe(0)
      expect(await page.getByLabel('范围').count()).toBe(0)
      expect(await page.locator('.five-item').count()).toBe(5)
      await page.locator('.act-fact', { hasText: '代表参与率' }).waitFor()
      const people = page.locator('.inactive-item')
      expect(await people.count()).toBe(items.length)
      expect(items.length).toBeGreaterThan(0)
      const first = people.first()
      expect(await first.textContent()).toContain(items[0]!.name)
      expect(await first.getByRole('link').getAttribute('href')).toBe(`tel:${items[0]!.phone}`)
      expect((await first.getByRole('link').boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
      await expectNoSidewaysScroll(page)
      await screenshot(page, name)
      expectNoPageErrors(problems)
      await context.close()
    }
  })

  it('links every township row to the ledger of that township, with as many rows as it counts', async () => {
    const staff = await apiAs(baseURL, '13800000002')
    await reportIssue(staff, uniqueTitle('未填乡镇'), { township: '' })
    const sup = await staff.get<{ rows: { township: string; total: number }[] }>(`/stats/supervision?year=${YEAR}&groupBy=township`)
    const { context, page, problems } = await openAs(DESKTOP, '13800000002')
    await page.goto(`/dashboard?year=${YEAR}`)
    const table = page.getByRole('region', { name: '平泉市各乡镇（街道）问题整改情况' })
    await table.locator('tbody tr').first().waitFor()
    const rows = table.locator('tbody tr')
    expect(await rows.count()).toBe(sup.rows.length)
    for (let i = 0; i < sup.rows.length; i++) {
      const link = rows.nth(i).locator('th a')
      const label = (await link.textContent()) ?? ''
      const row = sup.rows.find((r) => (r.township || '未填写乡镇') === label)!
      expect(row, label).toBeTruthy()
      const href = new URL((await link.getAttribute('href')) ?? '', baseURL)
      expect(href.searchParams.get('township')).toBe(row.township)
      await link.click()
      await page.waitForURL((url) => url.pathname === '/issues' && url.searchParams.get('township') === row.township)
      await page.getByText(`只看乡镇（街道）：${label}`).waitFor()
      if (row.total > 0) expect(await ledgerRows(page, row.total), label).toBe(row.total)
      else await page.getByText('没有符合条件的问题').waitFor()
      if (i === 0) await screenshot(page, 'stats-ledger-township-desktop')
      await page.goBack()
      await table.locator('tbody tr').first().waitFor()
    }
    expect(sup.rows.some((r) => r.township === '')).toBe(true)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('keeps county staff on their own county whatever the address asks for', async () => {
    const { context, page, problems } = await openAs(DESKTOP, '13800000003')
    await page.goto(`/dashboard?year=${YEAR}&countyCode=130881`)
    await page.getByRole('heading', { level: 1, name: '隆化县统计台账' }).waitFor()
    await page.getByRole('heading', { name: '待联系代表' }).waitFor()
    expect(await page.getByText('平泉市').count()).toBe(0)
    expectNoPageErrors(problems)
    await context.close()
  })

  it('tells a deputy the statistics are not for their account', async () => {
    const { context, page } = await open(PHONE)
    await signIn(page, '13800000004')
    await page.goto('/dashboard')
    await page.getByText('此功能不适用于您的账号').waitFor()
    await context.close()
  })
})
