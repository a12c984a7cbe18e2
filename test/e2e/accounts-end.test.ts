// Ending and restoring an account in a real browser: county staff end a deputy from the roster
// (after a confirmation that says what happens), the deputy's open session is sent to 登录 and
// cannot sign in again; restored, the deputy signs in. Also an account's name edited on 账号管理.
import { afterAll, describe, expect, it } from 'vitest'
import { DESKTOP, PASSWORD, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser, signIn } from './browser'

const { baseURL, open, openAs } = setUpBrowser()
const DEPUTY = '13800000005' // 赵永福, 隆化县
const STAFF = '13800000003' // 张志刚, 隆化县

/** Puts the demo deputy back on the roster, in their group, whatever happened, so that the other files find them as they were. */
afterAll(async () => {
  const json = { 'Content-Type': 'application/json' }
  const login = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ phone: STAFF, password: PASSWORD }) })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const list = (await (await fetch(`${baseURL}/api/v1/deputies?active=false&q=${DEPUTY}`, { headers: { Cookie: cookie } })).json()) as { items: { id: string; version: number }[] }
  for (const d of list.items) {
    await fetch(`${baseURL}/api/v1/deputies/${d.id}`, { method: 'PATCH', headers: { ...json, Cookie: cookie }, body: JSON.stringify({ version: d.version, active: true }) })
  }
  const back = (await (await fetch(`${baseURL}/api/v1/deputies?q=${DEPUTY}`, { headers: { Cookie: cookie } })).json()) as { items: { id: string; version: number }[] }
  for (const d of back.items) {
    await fetch(`${baseURL}/api/v1/deputies/${d.id}`, { method: 'PATCH', headers: { ...json, Cookie: cookie }, body: JSON.stringify({ version: d.version, group: '隆化镇代表小组' }) })
  }
})

describe('ending a deputy', () => {
  it('signs the deputy out at once and keeps them out; restored, they sign in again', async () => {
    const deputy = await openAs(PHONE, DEPUTY)
    const staff = await openAs(DESKTOP, STAFF)
    const { page } = staff
    await page.goto(`/deputies?q=${DEPUTY}`)
    await page.getByRole('button', { name: '管理赵永福' }).click()
    const panel = page.getByRole('region', { name: '管理赵永福' })
    await panel.getByText('还没有变更记录。').waitFor()
    await panel.getByRole('button', { name: '停用代表' }).click()
    const confirm = panel.getByRole('group', { name: '停用赵永福' })
    await confirm.waitFor()
    const said = await confirm.textContent()
    expect(said).toContain('所有登录立即失效，不能再登录')
    expect(said).toContain('全部保留，仍署其姓名')
    await screenshot(page, 'acc-end-confirm-desktop')
    await confirm.getByRole('button', { name: '确定停用' }).click()
    await panel.getByText('已停用赵永福。').waitFor()
    await panel.getByRole('list', { name: '变更记录' }).getByText('张志刚').waitFor()
    expect(await page.locator('.roster-item', { hasText: '赵永福' }).locator('.badge-off').first().textContent()).toBe('已停用')

    // The deputy's open page: the next request finds the session gone and goes to 登录.
    await deputy.page.getByRole('link', { name: /^我的履职/ }).first().click()
    await deputy.page.waitForURL((url) => url.pathname === '/login')
    await deputy.page.getByLabel('手机号').fill(DEPUTY)
    await deputy.page.getByLabel('密码', { exact: true }).fill(PASSWORD)
    await deputy.page.getByRole('button', { name: '登录', exact: true }).click()
    await deputy.page.getByText('该账号已停用，不能登录。如需恢复，请联系本级人大常委会工作人员').waitFor()
    expect(new URL(deputy.page.url()).pathname).toBe('/login')
    await expectNoSidewaysScroll(deputy.page)
    await screenshot(deputy.page, 'acc-end-login-refused-phone')

    // Staff find them under 已停用 and restore them.
    await page.goto(`/deputies?active=false&q=${DEPUTY}`)
    await page.getByRole('button', { name: '管理赵永福' }).click()
    await panel.getByRole('button', { name: '恢复代表' }).click()
    await panel.getByRole('group', { name: '恢复赵永福' }).getByRole('button', { name: '确定恢复' }).click()
    await panel.getByText('已恢复赵永福。').waitFor()
    await screenshot(page, 'acc-restored-desktop')

    await signIn(deputy.page, DEPUTY)
    expectNoPageErrors(deputy.problems)
    expectNoPageErrors(staff.problems)
    await deputy.context.close()
    await staff.context.close()
  })
})

describe('editing on a phone', () => {
  it('edits a roster entry, and shows the current record when someone else changed it first', async () => {
    const { context, page, problems } = await openAs(PHONE, STAFF)
    await page.goto(`/deputies?q=${DEPUTY}`)
    const row = page.locator('.roster-item', { hasText: '赵永福' }).first()
    await row.locator('.roster-name .badge', { hasText: '已开通' }).waitFor()
    await page.getByRole('button', { name: '管理赵永福' }).click()
    const panel = page.getByRole('region', { name: '管理赵永福' })
    await panel.getByRole('button', { name: '修改信息' }).click()
    await panel.getByLabel('代表小组').fill('汤头沟镇代表小组')
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'acc-edit-phone')
    // Meanwhile someone else changes the same entry.
    const other = await open(DESKTOP)
    await signIn(other.page, STAFF)
    const theirs = `他人改的小组${Date.now() % 100000}`
    const current = (await other.page.evaluate(async ([q, group]) => {
      const list = (await (await fetch(`/api/v1/deputies?q=${q}`)).json()) as { items: { id: string; version: number }[] }
      const d = list.items[0]!
      const res = await fetch(`/api/v1/deputies/${d.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ version: d.version, group }) })
      return { id: d.id, status: res.status }
    }, [DEPUTY, theirs] as const)) as { id: string; status: number }
    expect(current.status).toBe(200)
    await panel.getByRole('button', { name: '保存修改' }).click()
    await panel.getByText('该记录刚被他人修改，下面是最新内容，请核对后再操作。').waitFor()
    await panel.getByRole('list', { name: '变更记录' }).getByText(theirs).waitFor()
    await screenshot(page, 'acc-conflict-phone')
    await panel.getByRole('button', { name: '修改信息' }).click()
    expect(await panel.getByLabel('代表小组').inputValue()).toBe(theirs)
    await panel.getByLabel('代表小组').fill('汤头沟镇代表小组')
    await panel.getByRole('button', { name: '保存修改' }).click()
    await panel.getByText('已保存修改。').waitFor()
    expect(await row.locator('.roster-group').textContent()).toBe('汤头沟镇代表小组')
    // The row is updated from the answer, which carries no activation state: it stays 已开通.
    expect((await row.locator('.roster-name .badge').allTextContents()).slice(1)).toEqual(['已开通'])
    expectNoPageErrors(problems)
    await other.context.close()
    await context.close()
  })

  it('lets city staff open a city staff account and manage accounts on 账号管理', async () => {
    const { context, page, problems } = await openAs(PHONE, '13800000001')
    await page.goto('/accounts?tab=city')
    await page.getByRole('button', { name: '开通账号' }).click()
    const form = page.getByRole('form', { name: '开通市人大工作人员账号' })
    await form.getByLabel('姓名').fill('钱专班')
    const phone = `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    await form.getByLabel('手机号').fill(phone)
    await form.getByRole('button', { name: '开通账号' }).click()
    await page.getByRole('status', { name: /钱专班的账号$/ }).waitFor()
    await page.getByRole('button', { name: '管理钱专班' }).click()
    const panel = page.getByRole('region', { name: '管理钱专班' })
    await panel.getByRole('button', { name: '停用账号' }).waitFor()
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'acc-accounts-phone')
    // Their own row offers no 停用.
    await page.getByRole('button', { name: '管理王建国' }).click()
    const own = page.getByRole('region', { name: '管理王建国' })
    await own.getByRole('button', { name: '修改信息' }).waitFor()
    expect(await own.getByRole('button', { name: '停用账号' }).count()).toBe(0)
    expectNoPageErrors(problems)
    await context.close()
  })
})
