import { describe, expect, it, vi } from 'vitest'
import { makeTestApp, errorOf, PINGQUAN, type TestApp } from '../support/app'

// Every route of the API; path parameters are filled in below.
const ROUTES: [method: string, path: string][] = [
  ['POST', '/auth/login'],
  ['GET', '/me'],
  ['POST', '/me/password'],
  ['GET', '/health'],
  ['GET', '/reference'],
  ['GET', '/users'],
  ['POST', '/users'],
  ['GET', '/users/:id'],
  ['POST', '/users/:id/reset-password'],
  ['POST', '/issues'],
  ['GET', '/issues'],
  ['GET', '/issues/export.csv'],
  ['GET', '/issues/export.xlsx'],
  ['GET', '/issues/:id'],
  ['POST', '/issues/:id/actions'],
  ['GET', '/units'],
  ['POST', '/units'],
  ['POST', '/activities'],
  ['GET', '/activities'],
  ['GET', '/activities/:id'],
  ['PUT', '/activities/:id'],
  ['POST', '/activities/:id/review'],
  ['GET', '/deputies/:id/record'],
  ['GET', '/deputies'],
  ['POST', '/deputies'],
  ['POST', '/deputies/import'],
  ['POST', '/five-ones'],
  ['GET', '/five-ones'],
  ['GET', '/stats/supervision'],
  ['GET', '/stats/activities'],
  ['GET', '/stats/five-ones'],
  ['GET', '/stats/inactive-deputies'],
  ['GET', '/stats/export.xlsx'],
  // Last: it ends the session.
  ['POST', '/auth/logout'],
]

const IDS = ['%E0%A4%A', '%00', 'a'.repeat(5000), '..%2F..%2Fetc', '%F0%9F%98%80', '13800000000', "1' OR '1'='1", '%uD800']

const QUERIES = [
  'limit=1e400&year=99999999999999999999&cursor=%FF%FE',
  'year=-1&countyCode=130881&countyCode=130825&status=a,,b&level[]=x',
  'cursor=W10&q=%00%E0&sort=nope&township=' + 'x'.repeat(3000),
  'year=2024.5&unitId=%E0%A4%A&deputyId=&closedOnTime=maybe&groupBy=__proto__',
  'limit=0x10&year=NaN&countyCode=%C0%AF',
  '__proto__[x]=1&constructor=1&toString=1',
]

type Body = { type?: string; body: string | Uint8Array }
const BODIES: Body[] = [
  { type: 'application/json', body: '' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '[1,2,3]' },
  { type: 'application/json', body: '"text"' },
  { type: 'application/json', body: '1e400' },
  { type: 'application/json', body: '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}' },
  { type: 'application/json', body: JSON.stringify({ id: ['a'], title: { x: 1 }, year: 1e308, countyCode: [130881], phone: 13800000000, date: 20240101, action: ['assign'], fields: null, amount: -1e400 }) },
  { type: 'application/json', body: '['.repeat(5000) + ']'.repeat(5000) },
  { type: 'application/json', body: '{"a":"\\ud800"}' },
  { type: 'application/json; charset=utf-16', body: new Uint8Array([0xff, 0xfe, 0x7b, 0x00]) },
  { type: 'application/json', body: new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]) },
  { type: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc' },
  { type: 'multipart/form-data', body: 'not a form' },
  { type: 'multipart/form-data; boundary=y', body: '--y\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004junk\r\n--y--\r\n' },
  { type: 'application/x-www-form-urlencoded', body: 'a=%E0%A4%A&b[]=1' },
  { type: 'text/csv', body: '"unterminated,\u0000\r\n' },
  { type: 'text/plain', body: 'hello' },
  { type: undefined, body: '{}' },
  { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: new Uint8Array([0x50, 0x4b, 0x05, 0x06]) },
]

async function probe(t: TestApp, cookie: string, method: string, path: string, body?: Body) {
  const headers: Record<string, string> = { cookie }
  if (body?.type) headers['content-type'] = body.type
  const res = await t.app.request(`/api/v1${path}`, { method, headers, body: body?.body })
  const text = await res.text()
  return { status: res.status, text }
}

describe('hostile input on every route', () => {
  it('never answers 500: bad ids, query strings, bodies and content types are 4xx in the envelope', async () => {
    const t = await makeTestApp()
    const city = await t.actor({ role: 'city_staff' })
    const county = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const deputy = await t.actor({ role: 'deputy' })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failures: string[] = []
    try {
      for (const [method, template] of ROUTES) {
        const paths = template.includes(':id') ? IDS.map((id) => template.replace(':id', id)) : [template]
        for (const cookie of [city.cookie, county.cookie, deputy.cookie]) {
          for (const path of paths) {
            for (const q of method === 'GET' ? QUERIES : ['']) {
              const target = q ? `${path}?${q}` : path
              const bodies = method === 'GET' ? [undefined] : BODIES
              for (const body of bodies) {
                const { status, text } = await probe(t, cookie, method, target, body)
                const enveloped = status < 400 || /^\{"error":\{"code":"[a-z_]+","message":"[^"]+"/.test(text)
                if (status >= 500 || !enveloped) failures.push(`${method} ${target.slice(0, 80)} ${body?.type ?? ''} ${String(body?.body).slice(0, 30)} → ${status} ${text.slice(0, 80)}`)
              }
            }
          }
        }
      }
    } finally {
      logged.mockRestore()
    }
    expect(failures).toEqual([])
  }, 120_000)

  it('answers a malformed multipart roster upload with 400 bad_request in Chinese', async () => {
    const t = await makeTestApp()
    const staff = await t.actor({ role: 'county_staff', countyCode: PINGQUAN })
    const res = await t.app.request('/api/v1/deputies/import', {
      method: 'POST',
      headers: { cookie: staff.cookie, 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc',
    })
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toEqual({ code: 'bad_request', message: '上传的表单格式不正确，请重新选择文件上传' })
  })
})
