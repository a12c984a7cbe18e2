// One-time activation codes (开通码): 20 random decimal digits (66 bits), printed in five groups
// of four so that a deputy can type them on a phone's number pad. Being random and long, they
// need only a fast hash (SHA-256), never PBKDF2: a per-row slow hash is what made imports stall.
import { hashToken } from './sessions'

export const ACTIVATION_CODE_DIGITS = 20
export const ACTIVATION_CODE_DAYS = 30
export const ACTIVATION_CODE_RE = /^\d{20}$/

/** A fresh code, digits only; each digit uniform (bytes of 250 and above are drawn again). */
export function newActivationCode(): string {
  let out = ''
  while (out.length < ACTIVATION_CODE_DIGITS) {
    for (const b of crypto.getRandomValues(new Uint8Array(32))) {
      if (b < 250 && out.length < ACTIVATION_CODE_DIGITS) out += String(b % 10)
    }
  }
  return out
}

/** `1234 5678 9012 3456 7890`, as printed on the slip. */
export function formatActivationCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ')
}

export function hashActivationCode(code: string): Promise<string> {
  return hashToken(code)
}

export function activationExpiry(now: Date): Date {
  return new Date(now.getTime() + ACTIVATION_CODE_DAYS * 86_400_000)
}
