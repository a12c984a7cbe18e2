// Opaque keyset cursors: the sort key and id of the last row seen. A keyset, unlike an offset,
// neither skips nor repeats rows when new records arrive between pages.
import { BadRequest } from '../core/errors'

export interface Keyset {
  key: string
  id: string
}

export function encodeCursor(k: Keyset): string {
  return btoa(encodeURIComponent(JSON.stringify([k.key, k.id]))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (!cursor) return undefined
  try {
    const v: unknown = JSON.parse(decodeURIComponent(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))))
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { key: v[0], id: v[1] }
  } catch {
    // fall through to the error below
  }
  throw new BadRequest('分页参数 cursor 无效，请从第一页重新加载')
}

/** Cuts the extra row a query fetched (limit + 1) into a page and the next cursor. */
export function page<T extends { id: string }>(rows: T[], limit: number, keyOf: (row: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ key: keyOf(last), id: last.id }) : null }
}
