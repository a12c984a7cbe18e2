// Password hashing with PBKDF2-SHA256 through WebCrypto, which both Node and Workers provide.
// Production Workers refuse more than 100,000 iterations, so that is the ceiling here; the count
// is stored in each hash so that it can be raised later without breaking old hashes.

export const PBKDF2_ITERATIONS = 100_000
export const MAX_PBKDF2_ITERATIONS = 100_000
const SALT_BYTES = 16
const HASH_BITS = 256

const enc = new TextEncoder()

function toB64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}
function fromB64(s: string): Uint8Array {
  const bin = atob(s)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', enc.encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS)
  return new Uint8Array(bits)
}

/** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  if (iterations > MAX_PBKDF2_ITERATIONS) throw new Error(`PBKDF2 iterations above ${MAX_PBKDF2_ITERATIONS} fail on Workers`)
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, iterations)
  return `pbkdf2-sha256$${iterations}$${toB64(salt)}$${toB64(hash)}`
}

export function iterationsOf(stored: string): number {
  return Number(stored.split('$')[1])
}

/** Constant-time comparison of two byte strings of equal length. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Without a stored hash, still spend the same work so that timing does not tell which phones
  // have accounts.
  if (!stored) {
    await derive(password, new Uint8Array(SALT_BYTES), PBKDF2_ITERATIONS)
    return false
  }
  const [scheme, iter, salt, hash] = stored.split('$')
  const iterations = Number(iter)
  if (scheme !== 'pbkdf2-sha256' || !salt || !hash || !Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    return false
  }
  return equalBytes(await derive(password, fromB64(salt), iterations), fromB64(hash))
}

const TEMP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A temporary password that is easy to read aloud and type on a phone: 4 letters + 4 digits. */
export function temporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10))
  const letters = 'abcdefghjkmnpqrstuvwxyz'
  const digits = '23456789'
  let s = ''
  for (let i = 0; i < 4; i++) s += letters[bytes[i]! % letters.length]
  for (let i = 4; i < 8; i++) s += digits[bytes[i]! % digits.length]
  return s + TEMP_ALPHABET[bytes[8]! % TEMP_ALPHABET.length]
}
