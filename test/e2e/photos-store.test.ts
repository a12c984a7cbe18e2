// The phone's store with photos, in real Chromium: a full phone stores neither a report nor its
// photos and says so, then both once there is room; the store left by the outbox's first version
// is upgraded keeping what waits in it.
import { describe, expect, it } from 'vitest'
import { PHONE, expectNoPageErrors, setUpBrowser, signIn } from './browser'
import { apiAs, uniqueTitle } from './issues-api'
import { album, arrivedWithPhotos, countPuts, DEPUTY, pictures, untilOffline } from './photos-helpers'
import { fillStorage, makeRoom } from './storage-helpers'

const { baseURL, open } = setUpBrowser()

describe('the phone’s store', () => {
  it('says the phone is full when a report and its photos cannot be stored, keeps them, and stores both once there is room', async () => {
    const { context, page, problems } = await open(PHONE)
    // 2 MB for this site, set before it stores anything, then filled up for real.
    await page.goto('/api/v1/health')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL).origin, quotaSize: 2 * 1024 * 1024 })
    await signIn(page, DEPUTY)
    await untilOffline(page)
    const puts = countPuts(context)
    await page.goto('/issues/new')
    await page.getByRole('button', { name: '从相册选择' }).waitFor()
    const title = uniqueTitle('照片存储已满')
    await page.getByRole('radio', { name: '地下水超采综合治理' }).check()
    await page.getByLabel('标题', { exact: true }).fill(title)
    await page.getByLabel('具体情况').fill(`${title}：河道内倾倒建筑垃圾。`)
    await album(page).setInputFiles(await pictures(page, 2, 1600, 1200))
    await expect.poll(() => page.locator('.photo-grid img').count()).toBe(2)
    expect(await page.evaluate(fillStorage)).toBe('QuotaExceededError')
    await context.setOffline(true)
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByText('手机存储空间已满，内容未能保存。请清理手机空间后再试，填写的内容仍在页面上。').waitFor()
    // Nothing half stored: no item, no photo; the photos are still on the form.
    expect(await page.locator('.photo-grid img').count()).toBe(2)
    expect(await page.getByRole('heading', { name: '已存入待发送' }).count()).toBe(0)
    const stored = await page.evaluate<number[]>(`new Promise((resolve) => {
      const r = indexedDB.open('chengde-ledger')
      r.onsuccess = () => {
        const t = r.result.transaction(['items', 'photos'])
        const a = t.objectStore('items').count(), b = t.objectStore('photos').count()
        t.oncomplete = () => { resolve([a.result, b.result]); r.result.close() }
      }
    })`)
    expect(stored).toEqual([0, 0])

    // Room again: the same tap stores the report with its photos, and they go out once online.
    await makeRoom(page, cdp, new URL(baseURL).origin)
    await page.getByRole('button', { name: '报送', exact: true }).click()
    await page.getByRole('heading', { name: '已存入待发送' }).waitFor()
    await context.setOffline(false)
    const api = await apiAs(baseURL, DEPUTY)
    const detail = await arrivedWithPhotos(api, title, 2)
    for (const p of detail.photos) expect(puts.get(`/api/v1/photos/${p.id}`)).toEqual([201])
    expectNoPageErrors(problems)
    await context.close()
  })

  it('upgrades from the outbox’s first version keeping what waits in it', async () => {
    const { context, page, problems } = await open(PHONE)
    const me = await (await apiAs(baseURL, DEPUTY)).get<{ user: { id: string } }>('/me')
    // A page of this origin that runs none of the app: the store as the previous release left it.
    await page.goto('/manifest.webmanifest')
    await page.evaluate<void>(`new Promise((resolve, reject) => {
      const r = indexedDB.open('chengde-ledger', 1)
      r.onupgradeneeded = () => {
        for (const [name, key] of [['items', 'id'], ['drafts', 'key'], ['reads', 'key']]) r.result.createObjectStore(name, { keyPath: key }).createIndex('user', 'userId')
      }
      r.onsuccess = () => {
        const t = r.result.transaction('items', 'readwrite')
        t.objectStore('items').put({ id: '00000000-0000-4000-8000-000000000001', userId: ${JSON.stringify(me.user.id)}, kind: 'issue', path: '/issues', body: {}, draft: {}, title: '旧版本留下的报送', state: 'rejected', message: '请补充问题描述', createdAt: new Date().toISOString(), attempts: 1 })
        t.oncomplete = () => { r.result.close(); resolve() }
        t.onerror = () => reject(t.error)
      }
      r.onerror = () => reject(r.error)
    })`)
    await signIn(page, DEPUTY)
    await page.goto('/outbox')
    await page.getByText('旧版本留下的报送').waitFor()
    await page.getByText('请补充问题描述').waitFor()
    const store = await page.evaluate<{ version: number; stores: string[] }>(`new Promise((resolve) => {
      const r = indexedDB.open('chengde-ledger')
      r.onsuccess = () => { resolve({ version: r.result.version, stores: [...r.result.objectStoreNames] }); r.result.close() }
    })`)
    expect(store).toEqual({ version: 2, stores: ['drafts', 'items', 'photos', 'reads'] })
    expectNoPageErrors(problems)
    await context.close()
  })
})

