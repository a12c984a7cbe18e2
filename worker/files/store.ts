// The byte store for uploaded files (photos): one small interface, two real backends — R2 on
// Workers (r2-store.ts) and a directory on Node (dir-store.ts). Keys are written once and never
// changed (they name the content's hash), so a put of a key that exists writes the same bytes.

export interface StoredFile {
  body: ReadableStream<Uint8Array>
  bytes: number
}

export interface FileStore {
  /** Stores the bytes durably under `key`; when it resolves, a get of `key` finds them. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>
  /** The bytes under `key`, or null when nothing is stored there. */
  get(key: string): Promise<StoredFile | null>
  /** Whether something is stored under `key`. */
  exists(key: string): Promise<boolean>
}

/** Keys are made by the server from ids and hex hashes; nothing else may reach a backend. */
export const KEY_RE = /^[a-z]+(\/[0-9a-f-]+)+$/

export function checkKey(key: string): string {
  if (!KEY_RE.test(key)) throw new Error(`bad file key: ${key}`)
  return key
}
