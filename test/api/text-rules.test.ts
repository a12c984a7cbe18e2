import { describe, expect, it } from 'vitest'
import { makeTestApp, errorOf, PINGQUAN } from '../support/app'
import { issueBody, fileIssue } from '../support/issues'
import { activityBody, recordActivity } from '../support/activities'
import { textMessage, textProblem, tidyText, visibleLength } from '../../worker/core/text'
import { todayInShanghai } from '../../worker/core/dates'

describe('the text rule (worker/core/text.ts)', () => {
  it('counts visible characters only, and finds control characters, lone surrogates and bidi overrides', () => {
    expect(visibleLength('\u200B\u200D\uFEFF')).toBe(0)
    expect(visibleLength('河东村\u200B')).toBe(3)
    expect(visibleLength('👍')).toBe(1)
    expect(textProblem('标题\u0000')).toBe('不能包含换行符、制表符等控制字符')
    expect(textProblem('第一行\n第二行\t完')).toBe('不能包含换行符、制表符等控制字符')
    expect(textProblem('第一行\n第二行\t完', true)).toBeNull()
    expect(textProblem('响铃\u0007', true)).toBe('不能包含控制字符')
    expect(textProblem('半个\uD800字')).toBe('含有无法识别的字符，请删除后重新输入')
    expect(textProblem('\u202Egnp.exe')).toBe('不能包含文字方向控制符')
    expect(tidyText(' \u200B 标题 \uFEFF\r\n')).toBe('标题')
    expect(tidyText('一\r\n二')).toBe('一\n二')
    expect(textMessage('标题', '\u200B\u200B', { max: 10, required: true })).toBe('请填写标题')
    expect(textMessage('标题', `${'字'.repeat(10)}\u200B\u200B`, { max: 10, required: true })).toBeNull()
  })
})

describe('text fields refuse invisible, control and bidi characters', () => {
  it('refuses an issue title of only zero-width spaces, a NUL, a lone surrogate or U+202E', async () => {
    const t = await makeTestApp()
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const cases: [string, string][] = [
      ['\u200B\u200B', '请填写问题标题'],
      ['垃圾\u0000堆放', '问题标题不能包含换行符、制表符等控制字符'],
      ['垃圾\uD800堆放', '问题标题含有无法识别的字符，请删除后重新输入'],
      ['\u202E放堆圾垃', '问题标题不能包含文字方向控制符'],
    ]
    for (const [title, message] of cases) {
      const res = await t.call('POST', '/api/v1/issues', { cookie: deputy.cookie, body: issueBody({ title }) })
      expect(res.status).toBe(400)
      expect((await errorOf(res)).fields).toEqual({ title: message })
    }
    const multiline = await t.call('POST', '/api/v1/issues', { cookie: deputy.cookie, body: issueBody({ description: '现场情况：\r\n\t垃圾约 3 立方米' }) })
    expect(multiline.status).toBe(201)
    expect(((await multiline.json()) as { description: string }).description).toBe('现场情况：\n\t垃圾约 3 立方米')
  })

  it('applies the rule to every text field of every form', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy', countyCode: PINGQUAN })
    const issue = await fileIssue(t, deputy.cookie)
    const activity = await recordActivity(t, deputy.cookie)
    const fiveOne = { countyCode: PINGQUAN, year: Number(todayInShanghai().slice(0, 4)), type: 'resolution', date: todayInShanghai(), title: '关于农村人居环境整治的决议', summary: '' }
    const forms: [cookie: string, path: string, body: (v: string) => unknown, field: string][] = [
      [deputy.cookie, '/issues', (v) => issueBody({ title: v }), 'title'],
      [deputy.cookie, '/issues', (v) => issueBody({ description: v }), 'description'],
      [deputy.cookie, '/issues', (v) => issueBody({ township: v }), 'township'],
      [deputy.cookie, '/issues', (v) => issueBody({ location: v }), 'location'],
      [deputy.cookie, `/issues/${issue.id}/actions`, (v) => ({ action: 'comment', version: issue.version, note: v }), 'note'],
      [deputy.cookie, '/activities', (v) => activityBody({ title: v }), 'title'],
      [deputy.cookie, '/activities', (v) => activityBody({ description: v }), 'description'],
      [deputy.cookie, '/activities', (v) => activityBody({ place: v }), 'place'],
      [deputy.cookie, '/activities', (v) => activityBody({ introductions: [{ type: 'project', name: v }] }), 'introductions.0.name'],
      [staff.cookie, `/activities/${activity.id}/review`, (v) => ({ decision: 'return', note: v, version: activity.version }), 'note'],
      [staff.cookie, '/five-ones', (v) => ({ ...fiveOne, title: v }), 'title'],
      [staff.cookie, '/five-ones', (v) => ({ ...fiveOne, summary: v }), 'summary'],
      [staff.cookie, '/deputies', (v) => ({ name: v, phone: '13911119999', level: 'county' }), 'name'],
      [staff.cookie, '/deputies', (v) => ({ name: '王建华', phone: '13911119999', level: 'county', group: v }), 'group'],
      [city.cookie, '/users', (v) => ({ role: 'county_staff', name: v, phone: '13911119998', countyCode: PINGQUAN }), 'name'],
      [staff.cookie, '/units', (v) => ({ name: v }), 'name'],
    ]
    for (const [cookie, path, body, field] of forms) {
      for (const bad of ['甲\u0000乙', '甲\uDC00乙', '甲\u202E乙', '甲\u2066乙\u2069']) {
        const res = await t.call('POST', `/api/v1${path}`, { cookie, body: body(bad) })
        expect(res.status, `${path} ${field} ${JSON.stringify(bad)}`).toBe(400)
        expect((await errorOf(res)).fields?.[field], `${path} ${field}`).toMatch(/控制字符|无法识别|方向/)
      }
    }
  })

  it('refuses roster rows whose name is invisible or carries a bidi override', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const csv = ['姓名,手机号,代表层级,县市区,代表小组', '\u200B\u200B,13911110001,县,平泉市,', '王\u202E华,13911110002,县,平泉市,', '李丽,13911110003,县,平泉市,组\u0007'].join('\n')
    const res = await t.call('POST', '/api/v1/deputies/import', { cookie: staff.cookie, body: csv, headers: { 'content-type': 'text/csv' } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { rows: unknown[] } }).error.rows).toEqual([
      { row: 2, message: '缺少姓名' },
      { row: 3, message: '姓名不能包含文字方向控制符' },
      { row: 4, message: '代表小组不能包含换行符、制表符等控制字符' },
    ])
  })
})
