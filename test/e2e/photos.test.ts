// Photos as evidence in real Chromium against the real server: a deputy's report with three
// photos made with no signal arrives with them, each exactly once, by itself (two tabs open); the
// unit's completion with two photos; staff withdraw one and the timeline says who, when and why;
// the closed issue's before/after row; photos of a step closed before they got through; an
// activity's photos on its page and in the printed 履职档案.
import { describe, expect, it } from 'vitest'
import { DESKTOP, PHONE, expectNoPageErrors, expectNoSidewaysScroll, screenshot, setUpBrowser, signIn } from './browser'
import { apiAs, assignIssue, reportIssue as fileIssue, uniqueTitle } from './issues-api'
import { album, arrivedWithPhotos, countPuts, COUNTY_STAFF, DEPUTY, eventually, pictures, UNIT, UNIT_NAME, untilOffline, type ApiPhoto, type Detail } from './photos-helpers'

const { baseURL, open, openAs } = setUpBrowser()

describe('a report with photos made with no signal', () => {
  it('arrives with its three photos, each exactly once, once the signal is back, with no tap and two tabs open', async () => {
    const { context, page, problems } = await openAs(PHONE, DEPUTY)
    await untilOffline(page)
    const puts = countPuts(context)
    await page.goto('/issues/new')
    await page.getByRole('button', { name: '从相册选择' }).waitFor()
    const files = await pictures(page, 3)
    await context.setOffline(true)

    const title = uniqueTitle('照片离线')
    await page.getByRole('radio', { name: '地下水超采综合治理' }).check()
    await page.getByLabel('标题', { exact: true }).fill(title)
    await page.getByLabel('具体情况').fill(`${title}：废弃机井未封填，附现场照片。`)
    await album(page).setInputFiles(files)
    await expect.poll(() => page.locator('.photo-grid img').count()).toBe(3)
    await page.getByText('已选 3/9 张').waitFor()
    // Removable before sending: a fourth, then taken off again.
    await album(page).setInputFiles((await pictures(page, 1, 800, 600)).map((f) => ({ ...f, name: '多余.jpg' })))
    await expect.poll(() => page.locator('.photo-grid img').count()).toBe(4)
    await page.getByRole('button', { name: '移除第 4 张照片' }).click()
    await expect.poll(() => page.locator('.photo-grid img').count()).toBe(3)
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'photos-report-form-phone')

    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await page.goto('/outbox')
    await page.getByText('含 3 张照片，记录送达后上传').waitFor()
    await screenshot(page, 'photos-outbox-offline-phone')
    expect(puts.size).toBe(0)
    // A second tab of the app is open when the signal returns: both hear it, one sends (Web Locks).
    const second = await context.newPage()
    await second.goto('/outbox')
    await second.getByText('含 3 张照片，记录送达后上传').waitFor()

    await context.setOffline(false)
    const api = await apiAs(baseURL, DEPUTY)
    const detail = await arrivedWithPhotos(api, title, 3)
    await page.locator('.topbar-outbox').waitFor({ state: 'detached' })

    // One issue; three photos on its report step, shrunk on the phone (2400×1800 → 1920×1440).
    expect(detail.events[0]!.action).toBe('create')
    expect(detail.events[0]!.photos.map((p) => p.id).sort()).toEqual(detail.photos.map((p) => p.id).sort())
    for (const p of detail.photos) expect([p.contentType, p.width, p.height]).toEqual(['image/jpeg', 1920, 1440])
    // Each photo and each thumbnail went up once and was taken (201): nothing sent twice.
    for (const p of detail.photos) {
      expect(puts.get(`/api/v1/photos/${p.id}`)).toEqual([201])
      expect(puts.get(`/api/v1/photos/${p.id}/thumb`)).toEqual([201])
    }
    expect(puts.size).toBe(6)
    // The thumbnail the phone made is small; the photo's bytes are a JPEG.
    const thumb = detail.photos[0]!.thumb!
    expect(thumb.bytes).toBeLessThan(60_000)

    await page.goto(`/issues/${detail.issue.id}`)
    await expect.poll(() => page.locator('.tl-create .photo-thumb img').count()).toBe(3)
    await expect.poll(() => page.locator('.tl-create .photo-thumb img').evaluateAll((imgs) => imgs.every((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0))).toBe(true)
    await screenshot(page, 'photos-issue-detail-phone')
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('rectification with photos, and a photo withdrawn', () => {
  it('the unit completes with two photos; staff withdraw one; the timeline and a reload say so', async () => {
    const deputyApi = await apiAs(baseURL, DEPUTY)
    const staffApi = await apiAs(baseURL, COUNTY_STAFF)
    const unitApi = await apiAs(baseURL, UNIT)
    const title = uniqueTitle('照片整改')
    const filed = await fileIssue(deputyApi, title)
    const assigned = await assignIssue(staffApi, filed, UNIT_NAME)
    await unitApi.post(`/issues/${filed.id}/actions`, { action: 'accept', version: assigned.version })

    const unit = await openAs(PHONE, UNIT)
    const puts = countPuts(unit.context)
    await unit.page.goto(`/issues/${filed.id}`)
    await unit.page.getByRole('button', { name: '报告完成' }).click()
    await unit.page.getByLabel('整改完成情况').fill('垃圾已清运完毕，建立了每周两次的保洁制度。')
    await album(unit.page).setInputFiles(await pictures(unit.page, 2, 1600, 1200))
    await expect.poll(() => unit.page.locator('.photo-grid img').count()).toBe(2)
    await unit.page.getByText('整改后照片').waitFor()
    await expectNoSidewaysScroll(unit.page)
    await screenshot(unit.page, 'photos-complete-form-phone')
    await unit.page.getByRole('button', { name: '确认报告完成' }).click()
    await unit.page.getByText('照片已全部上传').waitFor({ timeout: 45_000 })
    await expect.poll(() => unit.page.locator('.tl-complete .photo-thumb img').count()).toBe(2)
    await screenshot(unit.page, 'photos-complete-done-phone')

    const afterComplete = await staffApi.get<Detail>(`/issues/${filed.id}`)
    const complete = afterComplete.events.find((e) => e.action === 'complete')!
    expect(complete.photos).toHaveLength(2)
    for (const p of complete.photos) expect(puts.get(`/api/v1/photos/${p.id}`)).toEqual([201])
    expectNoPageErrors(unit.problems)
    await unit.context.close()

    const staff = await openAs(DESKTOP, COUNTY_STAFF)
    await staff.page.goto(`/issues/${filed.id}`)
    await staff.page.getByRole('button', { name: '查看报告完成第 1 张照片（共 2 张）' }).click()
    const viewer = staff.page.getByRole('dialog')
    await viewer.getByRole('img').first().waitFor()
    await screenshot(staff.page, 'photos-viewer-desktop')
    await viewer.getByRole('button', { name: '撤回这张照片' }).click()
    await viewer.getByLabel('撤回原因').fill('误传了其他问题的照片')
    await viewer.getByRole('button', { name: '确认撤回' }).click()
    await staff.page.getByText(/照片已撤回：误传了其他问题的照片（李秀梅，/).waitFor()
    await expect.poll(() => staff.page.locator('.tl-complete .photo-thumb img').count()).toBe(1)

    const withdrawn = await staffApi.get<Detail>(`/issues/${filed.id}`)
    const step = withdrawn.events.find((e) => e.action === 'complete')!
    expect([step.photos.length, step.withdrawnPhotos.map((w) => w.withdrawn.reason)]).toEqual([1, ['误传了其他问题的照片']])

    // Closed: the before/after row; and all of it still there after a reload.
    const current = withdrawn.issue
    await staffApi.post(`/issues/${filed.id}/actions`, { action: 'verify', version: current.version })
    await staff.page.reload()
    await staff.page.getByRole('heading', { name: '整改前后对比' }).waitFor()
    await staff.page.getByText(/照片已撤回：误传了其他问题的照片/).waitFor()
    await expect.poll(() => staff.page.locator('.photo-compare-col').nth(2).locator('.photo-thumb img').count()).toBe(1)
    await expect.poll(() => staff.page.locator('.tl-complete .photo-thumb img').evaluateAll((imgs) => imgs.length === 1 && imgs.every((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0))).toBe(true)
    await screenshot(staff.page, 'photos-closed-desktop')
    expectNoPageErrors(staff.problems)
    await staff.context.close()
  })
})

describe('photos the server refuses', () => {
  it('keeps the server’s words for photos of a step closed before they got through, and does not send them again', async () => {
    const deputyApi = await apiAs(baseURL, DEPUTY)
    const staffApi = await apiAs(baseURL, COUNTY_STAFF)
    const unitApi = await apiAs(baseURL, UNIT)
    const filed = await fileIssue(deputyApi, uniqueTitle('照片拒收'))
    const assigned = await assignIssue(staffApi, filed, UNIT_NAME)
    await unitApi.post(`/issues/${filed.id}/actions`, { action: 'accept', version: assigned.version })

    const { context, page, problems } = await openAs(PHONE, UNIT)
    const puts = countPuts(context)
    // The signal drops for the photos right after the action went through.
    await context.route('**/api/v1/photos/**', (route) => route.abort('internetdisconnected'))
    await page.goto(`/issues/${filed.id}`)
    await page.getByRole('button', { name: '报告完成' }).click()
    await page.getByLabel('整改完成情况').fill('已清运完毕。')
    await album(page).setInputFiles(await pictures(page, 2, 1200, 900))
    await expect.poll(() => page.locator('.photo-grid img').count()).toBe(2)
    await page.getByRole('button', { name: '确认报告完成' }).click()
    await page.getByText('照片上传中 0/2').waitFor()
    await page.getByText('暂无网络，恢复后会自动发送。照片会自动续传。').waitFor()
    await screenshot(page, 'photos-uploading-held-phone')

    // Meanwhile staff verify the completion: its step takes no more photos (409).
    const now = await staffApi.get<Detail>(`/issues/${filed.id}`)
    await staffApi.post(`/issues/${filed.id}/actions`, { action: 'verify', version: now.issue.version })
    await context.unroute('**/api/v1/photos/**')
    await page.goto('/outbox')
    await page.getByText(/2 张照片未能上传：|照片已上传 0\/2/).first().waitFor({ timeout: 45_000 })
    await expect.poll(() => page.locator('.photo-bar-rejected').count(), { timeout: 45_000 }).toBe(2)
    const refused = await page.locator('.photo-bar-rejected .photo-bar-state').allTextContents()
    for (const line of refused) expect(line).toMatch(/^未能上传：.+/)
    await expectNoSidewaysScroll(page)
    await screenshot(page, 'photos-refused-outbox-phone')
    const tried = [...puts.entries()].filter(([path]) => !path.endsWith('/thumb'))
    expect(tried.map(([, statuses]) => statuses)).toEqual([[409], [409]])

    // A new start of the app sends nothing of it again; the person may let it go.
    await page.reload()
    await page.locator('.photo-bar-rejected').first().waitFor()
    expect([...puts.values()].flat()).toEqual([409, 409])
    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: '不再上传这些照片' }).click()
    await page.getByText('没有待发送的内容').waitFor()
    const after = await staffApi.get<Detail>(`/issues/${filed.id}`)
    expect(after.events.find((e) => e.action === 'complete')!.photos).toEqual([])
    expectNoPageErrors(problems)
    await context.close()
  })
})

describe('an activity with photos', () => {
  it('is recorded with its two photos, shown on its page and, once confirmed, in the printed 履职档案', async () => {
    const { context, page, problems } = await openAs(PHONE, DEPUTY)
    await page.goto('/activities/new')
    await page.getByRole('button', { name: '从相册选择' }).waitFor()
    const title = uniqueTitle('走访照片')
    await page.getByRole('radio', { name: /^进农户/ }).check()
    await page.getByLabel('活动主题').fill(title)
    await album(page).setInputFiles(await pictures(page, 2, 1000, 1400))
    await expect.poll(() => page.locator('.photo-grid img').count()).toBe(2)
    await page.getByRole('button', { name: '提交', exact: true }).click()
    const api = await apiAs(baseURL, DEPUTY)
    const activity = await eventually(async () => {
      const { items } = await api.get<{ items: { id: string; title: string }[] }>('/activities?limit=100')
      const found = items.find((a) => a.title === title)
      const a = found && (await api.get<{ id: string; photos: ApiPhoto[] }>(`/activities/${found.id}`))
      return a && a.photos.length === 2 && a.photos.every((p) => p.thumb) ? a : null
    })
    // Portrait stays portrait: 1000×1400 is within 1920 and kept as it is.
    expect(activity.photos.map((p) => [p.width, p.height])).toEqual([
      [1000, 1400],
      [1000, 1400],
    ])
    await page.goto(`/activities/${activity.id}`)
    await page.getByRole('heading', { name: '活动照片（2）' }).waitFor()
    await expect.poll(() => page.locator('.act-photos .photo-thumb img').count()).toBe(2)
    await screenshot(page, 'photos-activity-phone')

    // Confirmed by county staff, it is in the 履职档案 with its photos, on paper too.
    const staffApi = await apiAs(baseURL, COUNTY_STAFF)
    const current = await staffApi.get<{ version: number; deputyId: string; year: number }>(`/activities/${activity.id}`)
    await staffApi.post(`/activities/${activity.id}/review`, { decision: 'confirm', version: current.version })
    const record = await open(DESKTOP)
    await signIn(record.page, DEPUTY)
    await record.page.goto(`/deputies/${current.deputyId}/record?year=${current.year}`)
    await record.page.getByRole('heading', { name: '活动照片' }).waitFor()
    const mine = record.page.locator('.record-photo-item', { hasText: title })
    await expect.poll(() => mine.locator('.photo-thumb img').count()).toBe(2)
    await record.page.emulateMedia({ media: 'print' })
    expect(await mine.locator('.photo-thumb img').first().isVisible()).toBe(true)
    await screenshot(record.page, 'photos-record-print')
    await record.page.emulateMedia({ media: 'screen' })
    expectNoPageErrors(record.problems)
    await record.context.close()
    expectNoPageErrors(problems)
    await context.close()
  })
})

