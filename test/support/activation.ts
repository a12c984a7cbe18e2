// Helpers for the activation journey: staff issue a code for an account, its owner activates.
import { cookieFrom, type TestApp } from './app'

export const NEW_PASSWORD = 'first-pass-2026'

export interface IssuedCode {
  userId: string
  name: string
  phone: string
  code: string
}

/** Issues codes as `cookie` (a staff session); answers the response's items. */
export async function issueCodes(t: TestApp, cookie: string, body: unknown): Promise<{ status: number; items: IssuedCode[]; expiresAt: string }> {
  const res = await t.call('POST', '/api/v1/activation-codes', { cookie, body })
  const json = (await res.json()) as { items?: IssuedCode[]; expiresAt?: string }
  return { status: res.status, items: json.items ?? [], expiresAt: json.expiresAt ?? '' }
}

export async function issueCode(t: TestApp, cookie: string, userId: string): Promise<string> {
  const { status, items } = await issueCodes(t, cookie, { userIds: [userId] })
  if (status !== 200) throw new Error(`issuing a code failed: ${status}`)
  return items[0]!.code
}

export function activate(t: TestApp, phone: string, code: string, newPassword = NEW_PASSWORD) {
  return t.call('POST', '/api/v1/auth/activate', { body: { phone, code, newPassword } })
}

/** Activates and answers the new session's cookie. */
export async function activateAndSignIn(t: TestApp, phone: string, code: string, newPassword = NEW_PASSWORD): Promise<string> {
  const res = await activate(t, phone, code, newPassword)
  if (res.status !== 200) throw new Error(`activation failed: ${res.status} ${await res.text()}`)
  return cookieFrom(res)
}
