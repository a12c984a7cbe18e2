// Register numbers (挂号): every issue gets 平泉-2026-0042 at filing, in the create's own batch,
// one sequence per county and year of the found date, never given twice, and found by `q`.
import { describe, expect, it } from 'vitest'
import { makeTestApp, LONGHUA, PINGQUAN } from '../support/app'
import { fileIssue, issueBody, type IssueJson } from '../support/issues'
import { COUNTY_SHORT_NAMES, countyShortName } from '../../worker/core/taxonomy'
import { CITY, COUNTIES } from '../../worker/db/seed/chengde'
import { ok } from '../support/clock'

describe('register numbers', () => {
  it('numbers a county’s issues of one year 0001, 0002, … and starts again for another county and year', async () => {
    const t = await makeTestApp()
    const pq = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const lh = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    const a = await fileIssue(t, pq.cookie, { foundOn: '2025-03-01' })
    const b = await fileIssue(t, pq.cookie, { foundOn: '2025-11-20' })
    const c = await fileIssue(t, lh.cookie, { foundOn: '2025-05-05' })
    // The year is that of the found date, not of the filing.
    const d = await fileIssue(t, pq.cookie, { foundOn: '2024-12-31' })
    expect([a.number, b.number, c.number, d.number]).toEqual(['平泉-2025-0001', '平泉-2025-0002', '隆化-2025-0001', '平泉-2024-0001'])
    // The issue page shows the same number.
    const page = (await (await ok(t.call('GET', `/api/v1/issues/${b.id}`, { cookie: pq.cookie }))).json()) as { issue: IssueJson }
    expect(page.issue.number).toBe('平泉-2025-0002')
  })

  it('gives 100 concurrent creates 100 distinct consecutive numbers', { timeout: 60_000 }, async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const answers = await Promise.all(Array.from({ length: 100 }, () => t.call('POST', '/api/v1/issues', { cookie, body: issueBody({ foundOn: '2025-06-01' }) })))
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(201))
    const numbers = await Promise.all(answers.map(async (r) => ((await r.json()) as IssueJson).number as string))
    expect(new Set(numbers).size).toBe(100)
    expect([...numbers].sort()).toEqual(Array.from({ length: 100 }, (_, i) => `平泉-2025-${String(i + 1).padStart(4, '0')}`))
  })

  it('keeps the number of a retried create and uses up none', async () => {
    const t = await makeTestApp()
    const { cookie } = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const id = crypto.randomUUID()
    const body = issueBody({ id, foundOn: '2025-06-01' })
    const [first, again] = await Promise.all([t.call('POST', '/api/v1/issues', { cookie, body }), t.call('POST', '/api/v1/issues', { cookie, body })])
    expect([first.status, again.status].sort()).toEqual([200, 201])
    const retried = await t.call('POST', '/api/v1/issues', { cookie, body })
    expect(retried.status).toBe(200)
    const numbers = await Promise.all([first, again, retried].map(async (r) => ((await r.json()) as IssueJson).number))
    expect(numbers).toEqual(['平泉-2025-0001', '平泉-2025-0001', '平泉-2025-0001'])
    // The next issue takes the next number: the retries consumed nothing.
    expect((await fileIssue(t, cookie, { foundOn: '2025-07-01' })).number).toBe('平泉-2025-0002')
  })

  it('finds an issue by its whole number or by its sequence part, in scope only', async () => {
    const t = await makeTestApp()
    const pq = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const lh = await t.actor({ role: 'county_staff', countyCode: LONGHUA })
    const filed: IssueJson[] = []
    for (let i = 0; i < 12; i++) filed.push(await fileIssue(t, pq.cookie, { foundOn: '2025-06-01', title: `第${i + 1}件` }))
    await fileIssue(t, lh.cookie, { foundOn: '2025-06-01' })
    const search = async (cookie: string, q: string) =>
      ((await (await ok(t.call('GET', `/api/v1/issues?q=${encodeURIComponent(q)}`, { cookie }))).json()) as { items: IssueJson[] }).items.map((i) => i.number)
    expect(await search(pq.cookie, '平泉-2025-0012')).toEqual(['平泉-2025-0012'])
    expect(await search(pq.cookie, '0012')).toEqual(['平泉-2025-0012'])
    expect(await search(pq.cookie, '12')).toEqual(['平泉-2025-0012'])
    // 0001 of another county is not in 平泉's scope.
    expect(await search(pq.cookie, '0001')).toEqual(['平泉-2025-0001'])
    expect(await search(pq.cookie, '隆化-2025-0001')).toEqual([])
    expect(await search(lh.cookie, '隆化-2025-0001')).toEqual(['隆化-2025-0001'])
  })

  it('has a unique, readable short name for each of the 12 counties', () => {
    const shorts = COUNTIES.map((c) => countyShortName(c.code, c.name))
    expect(new Set(shorts).size).toBe(COUNTIES.length)
    expect(Object.keys(COUNTY_SHORT_NAMES).sort()).toEqual(COUNTIES.map((c) => c.code).sort())
    expect(shorts.every((s) => s !== CITY.name.replace(/市$/, ''))).toBe(true)
    // A county added later falls back to its name without the suffix.
    expect(countyShortName('139999', '某某满族自治县')).toBe('某某')
  })
})
