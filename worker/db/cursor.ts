// Opaque keyset cursors for "newest first" lists: the (createdAt, id) of the last row seen. A
// keyset, unlike an offset, neither skips nor repeats rows when new records arrive between pages.
import { BadRequest } from '../core/errors'

export interface Keyset {
  createdAt: string
  id: string
}

export function encodeCursor(k: Keyset): string {
  return btoa(JSON.stringify([k.createdAt, k.id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined
  try {
    const json = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    const v: unknown = JSON.parse(json)
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { createdAt: v[0], id: v[1] }
    }
  } catch {
    // fall through to the error below
  }
  throw new BadRequest('分页参数 cursor 无效，请从第一页重新加载')
}

/** Cuts the extra row a query fetched (limit + 1) into a page and the next cursor. */
export function page<T extends Keyset>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
}
