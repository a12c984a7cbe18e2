// Uploads inside workerd: the multipart parser and the unzip run on the Workers runtime there,
// which has 128 MB per isolate, so the caps must hold there too.
import { env, applyD1Migrations } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { fromD1 } from '../../worker/db/client'
import { users } from '../../worker/db/schema'
import { hashPassword } from '../../worker/auth/passwords'
import { makeXlsx, XLSX_TYPE } from '../support/xlsx'
import { fetchChecked } from './contract'

const ORIGIN = 'http://example.com'
const PASSWORD = 'workerd-2022'
const HEADER = ['姓名', '手机号', '代表层级', '县市区']
let cookie = ''

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.MIGRATIONS)
  expect((await fetchChecked(`${ORIGIN}/api/v1/health`)).status).toBe(200)
  const now = new Date().toISOString()
  await fromD1(env.DB)
    .insert(users)
    .values({ id: crypto.randomUUID(), name: '周红', phone: '13700000091', role: 'county_staff', countyCode: '130881', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false, createdAt: now, updatedAt: now })
  const res = await fetchChecked(`${ORIGIN}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ phone: '13700000091', password: PASSWORD }),
  })
  expect(res.status).toBe(200)
  cookie = res.headers.get('set-cookie')!.split(';')[0]!
})

function post(body: BodyInit, type?: string) {
  const headers: Record<string, string> = { cookie, origin: ORIGIN }
  if (type) headers['content-type'] = type
  return fetchChecked(`${ORIGIN}/api/v1/deputies/import`, { method: 'POST', headers, body })
}

describe('roster uploads on Workers', () => {
  it('imports an XLSX sent as a multipart file', async () => {
    const form = new FormData()
    form.append('file', new File([makeXlsx([HEADER, ['韩秀英', '13911110071', '县', '平泉市']])], '名册.xlsx'))
    const res = await post(form)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ created: 1 })
  })

  it('refuses an XLSX that inflates past 20 MB (413) before parsing it', async () => {
    const bomb = makeXlsx([HEADER], { row: ['王建华', '1'], times: 300_000 })
    const res = await post(bomb, XLSX_TYPE)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
  })

  it('answers a malformed multipart body with 400 bad_request', async () => {
    const res = await post('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', 'multipart/form-data; boundary=x')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: { code: 'bad_request', message: '上传的表单格式不正确，请重新选择文件上传' } })
  })
})
