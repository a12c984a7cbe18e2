// The harder paths of activities in a real browser: 批量确认 that reports what went through and what
// had changed meanwhile; a deputy fixing a record that staff confirmed in the meantime; and the
// record form on a weak signal, where the retry reuses the client id and records it once.
import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../worker/core/dates'
import { DESKTOP, PASSWORD, PHONE, expectNoPageErrors, screenshot, setUpBrowser } from './browser'
import { apiAs, uniqueTitle, type ApiSession } from './issues-api'

const { baseURL, openAs } = setUpBrowser()

type Activity = { id: string; title: string; version: number; status: string }

const content = (title: string) => ({ date: todayInShanghai(), venue: 'school', title, description: '检查校园安全。', place: '', tags: [], outcomes: { policy_talk: 1, opinion: 0, deed: 0, mentoring: 0 }, introductions: [] })

function record(api: ApiSession, title: string): Promise<Activity> {
  return api.post<Activity>('/activities', content(title))
}

/** A PUT through the API as the deputy (the test client only has GET and POST). */
async function edit(phone: string, id: string, body: unknown): Promise<void> {
  const login = await fetch(`${baseURL}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ phone, password: PASSWORD }) })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const res = await fetch(`${baseURL}/api/v1/activities/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`PUT answered ${res.status}`)
}

describe('批量确认', () => {
  it('confirms the ticked records one by one and names the one that changed meanwhile', async () => {
    const deputy = await apiAs(baseURL, '13800000005')
    const [a, b, c] = await Promise.all([uniqueTitle('批量甲'), uniqueTitle('批量乙'), uniqueTitle('批量丙')].map((t) => record(deputy, t)))
    const { context, page, problems } = await openAs(DESKTOP, '13800000003')
    await page.goto('/activities/review')
    for (const x of [a!, b!, c!]) await page.getByRole('checkbox', { name: `选择“${x.title}”` }).check()
    await page.getByRole('button', { name: '批量确认（3）' }).waitFor()
    // The deputy edits one after the page loaded it: its version there is stale.
    await edit('13800000005', c!.id, { ...content(`${c!.title}改`), version: c!.version })
    await page.getByRole('button', { name: '批量确认（3）' }).click()
    const report = page.getByText('已确认 2 条，1 条未能确认：')
    await report.waitFor()
    await page.getByText(`赵永福“${c!.title}”：已被他人处理或代表已修改`).waitFor()
    await screenshot(page, 'act-batch-report-desktop')
    for (const x of [a!, b!]) expect(await page.getByRole('article', { name: x.title }).count()).toBe(0)
    // The changed one stays in the queue with what the deputy wrote now, unticked.
    const changed = page.getByRole('article', { name: `${c!.title}改` })
    await changed.waitFor()
    expect(await changed.getByRole('checkbox').isChecked()).toBe(false)
    const staff = await apiAs(baseURL, '13800000003')
    const statuses = await Promise.all([a!, b!, c!].map((x) => staff.get<Activity>(`/activities/${x.id}`).then((r) => r.status)))
    expect(statuses).toEqual(['confirmed', 'confirmed', 'submitted'])
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('fixing a record that was confirmed meanwhile', () => {
  it('says it can no longer change instead of failing', async () => {
    const deputy = await apiAs(baseURL, '13800000005')
    const activity = await record(deputy, uniqueTitle('审核前修改'))
    const { context, page, problems } = await openAs(PHONE, '13800000005')
    await page.goto(`/activities/${activity.id}/edit`)
    await page.getByLabel('活动主题').fill(`${activity.title}补充`)
    const staff = await apiAs(baseURL, '13800000003')
    await staff.post(`/activities/${activity.id}/review`, { decision: 'confirm', version: activity.version })
    await page.getByRole('button', { name: '重新提交' }).click()
    await page.getByText('这条记录已审核确认，不能再修改。').waitFor()
    await page.locator('.page-head .status', { hasText: '已确认' }).waitFor()
    expect(await page.getByRole('button', { name: '重新提交' }).count()).toBe(0)
    await screenshot(page, 'act-edit-conflict-phone')
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('recording on a weak signal', () => {
  it('keeps the activity in the outbox when the answer is lost, sends it again when the app opens, and records it once', async () => {
    const title = uniqueTitle('信号中断')
    const { context, page, problems } = await openAs(PHONE, '13800000005')
    await page.goto('/activities/new')
    await page.getByRole('radio', { name: /^进学校/ }).check()
    await page.getByLabel('活动主题').fill(title)
    const ids: string[] = []
    await page.route('**/api/v1/activities', async (route) => {
      ids.push((route.request().postDataJSON() as { id: string }).id)
      if (ids.length === 1) {
        await route.fetch()
        await route.abort('internetdisconnected')
      } else await route.continue()
    })
    await page.getByRole('button', { name: '提交', exact: true }).click()
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    // Opening the app again sends what waits, with no tap, under the same id.
    await page.reload()
    await expect.poll(() => ids.length, { timeout: 30_000 }).toBe(2)
    await expect.poll(() => page.locator('.topbar-outbox').count()).toBe(0)
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(1)
    const { items } = await (await apiAs(baseURL, '13800000005')).get<{ items: Activity[] }>('/activities?limit=200')
    expect(items.filter((a) => a.title === title).map((a) => a.id)).toEqual([ids[0]])
    expectNoPageErrors(problems)
    await context.close()
  })
})
