// Issues found by a group (issue 17, item 4) in a real browser: a deputy who is a member reports an
// issue choosing the group (the choice survives a reload, and with no signal the last-known list
// still offers it); staff see 代表小组 on it and filter the ledger by the group to find exactly it.
import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs, uniqueTitle } from './issues-api'

const { baseURL, openAs } = setUpBrowser()
/** The reads of the groups to choose from. */
const GROUPS = /\/api\/v1\/groups\?/

describe('问题的代表小组', () => {
  it('is chosen by a member in 反映问题, shown to staff on the issue, and filters the ledger to exactly it', async () => {
    const year = Number(todayInShanghai().slice(0, 4))
    const staffApi = await apiAs(baseURL, '13800000002')
    const deputyApi = await apiAs(baseURL, '13800000004')
    const deputyId = (await deputyApi.get<{ user: { id: string } }>('/me')).user.id
    const groupName = uniqueTitle('生态环境代表小组')
    const { group } = await staffApi.post<{ group: { id: string } }>('/groups', { name: groupName, year, fieldCodes: ['rural_industry'], leaderId: deputyId, memberIds: [deputyId] })

    // The deputy: not part of a group unless chosen; the choice stays in the draft through a reload.
    const deputy = await openAs(PHONE, '13800000004')
    const d = deputy.page
    await d.goto('/issues/new')
    const choice = d.getByRole('group', { name: '代表小组' })
    await choice.getByRole('radio', { name: groupName }).waitFor()
    expect(await choice.getByRole('radio', { name: '不属于代表小组活动' }).isChecked()).toBe(true)
    const title = uniqueTitle('小组调研发现河道垃圾')
    await choice.getByRole('radio', { name: groupName }).check()
    await d.getByRole('radio', { name: '地下水超采综合治理' }).check()
    await d.getByLabel('标题', { exact: true }).fill(title)
    await d.getByLabel('具体情况').fill('小组调研时发现河道内堆放生活垃圾。')
    // No signal for the groups: the last-known list still offers the group, and the choice stands.
    await d.route(GROUPS, (route) => route.abort('internetdisconnected'))
    await d.reload()
    await d.getByText('已恢复您上次未报送的内容。').waitFor()
    expect(await d.getByRole('group', { name: '代表小组' }).getByRole('radio', { name: groupName }).isChecked()).toBe(true)
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'issue-group-new-phone')
    await d.unroute(GROUPS)
    await d.getByRole('button', { name: '报送', exact: true }).click()
    await d.getByRole('heading', { name: '已报送' }).waitFor()
    const { items: mine } = await deputyApi.get<{ items: { id: string; groupId: string | null; groupName: string | null }[] }>(`/issues?q=${encodeURIComponent(title)}`)
    expect(mine.map((i) => [i.groupId, i.groupName])).toEqual([[group.id, groupName]])
    const issueId = mine[0]!.id
    // Her list's card names the group.
    await d.goto('/issues/mine')
    await d.locator('.issue-card', { hasText: title }).getByText(`代表小组：${groupName}`).waitFor()

    // County staff: the issue's page names the group; the ledger filtered by it shows exactly it.
    const staff = await openAs(DESKTOP, '13800000002')
    const s = staff.page
    await s.goto(`/issues/${issueId}`)
    const fact = s.locator('.fact', { hasText: '代表小组' })
    await fact.waitFor()
    expect(await fact.locator('dd').textContent()).toBe(groupName)
    await screenshot(s, 'issue-group-detail-desktop')
    await s.goto(`/issues?year=${year}`)
    const table = s.getByRole('table')
    await table.waitFor()
    await s.getByLabel('代表小组', { exact: true }).locator('option', { hasText: groupName }).waitFor({ state: 'attached' })
    await s.getByLabel('代表小组', { exact: true }).selectOption({ label: groupName })
    await s.waitForURL((url) => url.searchParams.get('groupId') === group.id)
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1)
    expect(await table.locator('tbody').textContent()).toContain(title)
    const csv = await s.getByRole('link', { name: '导出 CSV' }).getAttribute('href')
    expect(new URL(csv ?? '', baseURL).searchParams.get('groupId')).toBe(group.id)
    await screenshot(s, 'issue-group-ledger-desktop')

    // On a phone the same address gives the one card, naming the group.
    const phone = await openAs(PHONE, '13800000002')
    const p = phone.page
    await p.goto(`/issues?year=${year}&groupId=${group.id}`)
    const card = p.locator('.issue-card', { hasText: title })
    await card.getByText(`代表小组：${groupName}`).waitFor()
    expect(await p.locator('.issue-card').count()).toBe(1)
    await p.getByRole('button', { name: /^筛选/ }).click()
    await expectNoSidewaysScroll(p)
    await screenshot(p, 'issue-group-ledger-phone')
    expectNoPageErrors(deputy.problems)
    expectNoPageErrors(staff.problems)
    expectNoPageErrors(phone.problems)
  }, 60_000)

  it('is not offered when the groups cannot be loaded and there is no copy: the report goes without one', async () => {
    const deputy = await openAs(PHONE, '13800000004')
    const d = deputy.page
    await d.route(GROUPS, (route) => route.abort('internetdisconnected'))
    await d.goto('/issues/new')
    await d.getByRole('radio', { name: '地下水超采综合治理' }).waitFor()
    await d.getByLabel('发现日期').waitFor()
    expect(await d.getByRole('group', { name: '代表小组' }).count()).toBe(0)
    expectNoPageErrors(deputy.problems)
    await deputy.context.close()
  })
})
