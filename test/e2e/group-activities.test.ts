// A group activity (集体活动) in a real browser: the group's leader records one with two of its
// members from 记录履职, county staff confirm it in 履职审核, both members' 履职档案 show it as a
// group activity, and the county's total counts it once.
import { describe, expect, it } from 'vitest'
import { todayInShanghai } from '../../worker/core/dates'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser } from './browser'
import { apiAs, uniqueTitle } from './issues-api'

const { baseURL, openAs } = setUpBrowser()
const PINGQUAN = '130881'

type CountyRow = { activities: number; confirmed: number; activeDeputies: number }

describe('集体活动', () => {
  it('is recorded by the leader with two members, confirmed once, in both members’ records and counted once', async () => {
    const year = Number(todayInShanghai().slice(0, 4))
    const staffApi = await apiAs(baseURL, '13800000002')
    const leaderApi = await apiAs(baseURL, '13800000004')
    const leaderId = (await leaderApi.get<{ user: { id: string } }>('/me')).user.id
    const tag = crypto.randomUUID().slice(0, 4)
    const members = await Promise.all(
      [`集体甲${tag}`, `集体乙${tag}`].map((name, i) =>
        staffApi.post<{ id: string; name: string }>('/deputies', { name, phone: `139${String(Date.now() % 1e7).padStart(7, '0')}${i}`, level: 'township' }),
      ),
    )
    const groupName = uniqueTitle('乡村产业代表小组')
    await staffApi.post('/groups', { name: groupName, year, fieldCodes: ['rural_industry'], leaderId, memberIds: [leaderId, ...members.map((m) => m.id)] })
    const county = async () => (await staffApi.get<{ rows: CountyRow[] }>(`/stats/activities?year=${year}&countyCode=${PINGQUAN}`)).rows[0]!
    const before = await county()

    // The leader chooses 集体活动, the group, and leaves herself out: the two members took part.
    const leader = await openAs(PHONE, '13800000004')
    const d = leader.page
    await d.goto('/activities/new')
    await d.getByRole('button', { name: '记录集体活动' }).click()
    await d.getByRole('button', { name: new RegExp(`^${groupName}`) }).click()
    for (const m of members) expect(await d.getByRole('checkbox', { name: m.name }).isChecked()).toBe(true)
    await d.getByRole('checkbox', { name: '刘海燕' }).uncheck()
    await d.getByText('已选 2 人').waitFor()
    const title = uniqueTitle('小组走访食用菌企业')
    await d.getByRole('radio', { name: /^进企业/ }).check()
    await d.getByLabel('活动主题').fill(title)
    await d.getByRole('button', { name: '反映民意加 1' }).click()
    await expectNoSidewaysScroll(d)
    await screenshot(d, 'group-act-new-phone')
    await d.getByRole('button', { name: '提交', exact: true }).click()
    await d.getByRole('heading', { name: '已提交' }).waitFor()

    // County staff confirm it once in 履职审核.
    const staff = await openAs(DESKTOP, '13800000002')
    const s = staff.page
    await s.goto('/activities/review')
    const item = s.getByRole('article', { name: title })
    await item.waitFor()
    expect(await item.textContent()).toContain(groupName)
    await item.getByRole('button', { name: '确认', exact: true }).click()
    await s.getByText(`已确认：${title}`).waitFor()

    // Each member's 履职档案 shows it as a group activity; its 反映民意 is the group's, not theirs.
    for (const m of members) {
      await s.goto(`/deputies/${m.id}/record?year=${year}`)
      const row = s.locator('table.record-table tbody tr', { hasText: title })
      await row.waitFor()
      expect(await row.textContent()).toContain(`集体活动 · ${groupName}`)
      await s.getByText('合计 1 次（其中集体活动 1 次）').waitFor()
      await s.getByText(/其中参加集体活动 1 次/).waitFor()
    }
    await screenshot(s, 'group-act-record-desktop')

    // The activity's page names the group and who took part.
    const { items } = await leaderApi.get<{ items: { id: string; title: string }[] }>(`/activities?year=${year}`)
    const recorded = items.find((a) => a.title === title)!
    await s.goto(`/activities/${recorded.id}`)
    await s.getByText(groupName).first().waitFor()
    const who = (await s.locator('.facts').textContent()) ?? ''
    for (const m of members) expect(who).toContain(m.name)
    expect(who).toContain('参加代表（2 人）')
    await screenshot(s, 'group-act-detail-desktop')

    // The county counts it once: one activity, one confirmed, two more deputies active.
    const after = await county()
    expect(after.activities - before.activities).toBe(1)
    expect(after.confirmed - before.confirmed).toBe(1)
    expect(after.activeDeputies - before.activeDeputies).toBe(2)
    expectNoPageErrors(leader.problems)
    expectNoPageErrors(staff.problems)
  }, 60_000)
})
