// Translation between @libsql/client's shapes and the native `libsql` package for
// ./embedded.ts: arguments in, rows and result sets out, native errors as LibsqlError, the same
// way the stock file client translates them.
import { Buffer } from 'node:buffer'
import Database from 'libsql'
import { LibsqlBatchError, LibsqlError } from '@libsql/client'
import type { InArgs, InStatement, InValue, ResultSet, Row, Value } from '@libsql/client'

export interface Statement {
  sql: string
  args: InArgs
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER)
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)
const MIN_INT64 = -(2n ** 63n)
const MAX_INT64 = 2n ** 63n - 1n

function toSql(value: InValue): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
    return value
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INT64 || value > MAX_INT64) throw new RangeError('bigint is too large to be represented as a 64-bit integer and passed as argument')
    return value
  }
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value instanceof Date) return value.valueOf()
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database')
  return value
}

function fromSql(value: unknown): Value {
  if (typeof value === 'bigint') {
    if (value < MIN_SAFE || value > MAX_SAFE) throw new RangeError('Received integer which cannot be safely represented as a JavaScript number')
    return Number(value)
  }
  if (value instanceof Buffer) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer
  return value as Value
}

export function bindArgs(args: InArgs): unknown[] | Record<string, unknown> {
  if (Array.isArray(args)) return args.map(toSql)
  const named: Record<string, unknown> = {}
  for (const name in args) named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(args[name]!)
  return named
}

/** A row as @libsql/client shapes it: values by index (not enumerable) and by column name. */
export function toRow(values: unknown[], columns: string[]): Row {
  const row: Record<string | number, unknown> = {}
  Object.defineProperty(row, 'length', { value: values.length })
  for (let i = 0; i < values.length; i++) {
    const value = fromSql(values[i])
    Object.defineProperty(row, i, { value })
    const column = columns[i]!
    if (!Object.hasOwn(row, column)) Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true })
  }
  return row as unknown as Row
}

export function resultSet(columns: string[], columnTypes: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows: rows.map((r) => Array.from(r as ArrayLike<Value>, (v) => (typeof v === 'bigint' ? String(v) : v))), rowsAffected, lastInsertRowid: lastInsertRowid === undefined ? null : String(lastInsertRowid) }),
  }
}

export function libsqlError(e: unknown): unknown {
  if (e instanceof Database.SqliteError) {
    const err = e as Error & { code: string; rawCode?: number }
    const base = err.rawCode === undefined ? 'SQLITE_UNKNOWN' : baseCode(err.rawCode)
    return new LibsqlError(err.message, base, err.code, err.rawCode, err)
  }
  return e
}

/** A lock held by another connection (SQLITE_BUSY and its extended codes), native or translated. */
export function isBusy(e: unknown): boolean {
  if (e instanceof LibsqlError) return e.code === 'SQLITE_BUSY'
  if (e instanceof Database.SqliteError) return ((e as Error & { rawCode?: number }).rawCode ?? 0) % 256 === 5
  return false
}

export function batchError(e: unknown, index: number): unknown {
  const mapped = libsqlError(e)
  if (mapped instanceof LibsqlError) return new LibsqlBatchError(mapped.message, index, mapped.code, mapped.extendedCode, mapped.rawCode, mapped.cause instanceof Error ? mapped.cause : undefined)
  return mapped
}

// Primary result codes (https://sqlite.org/rescode.html); extended codes keep them in the low byte.
const BASE_CODES = ['SQLITE_OK', 'SQLITE_ERROR', 'SQLITE_INTERNAL', 'SQLITE_PERM', 'SQLITE_ABORT', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_NOMEM', 'SQLITE_READONLY', 'SQLITE_INTERRUPT', 'SQLITE_IOERR', 'SQLITE_CORRUPT', 'SQLITE_NOTFOUND', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_PROTOCOL', 'SQLITE_EMPTY', 'SQLITE_SCHEMA', 'SQLITE_TOOBIG', 'SQLITE_CONSTRAINT', 'SQLITE_MISMATCH', 'SQLITE_MISUSE', 'SQLITE_NOLFS', 'SQLITE_AUTH', 'SQLITE_FORMAT', 'SQLITE_RANGE', 'SQLITE_NOTADB', 'SQLITE_NOTICE', 'SQLITE_WARNING']
function baseCode(raw: number): string {
  return BASE_CODES[raw & 0xff] ?? `SQLITE_UNKNOWN_${raw & 0xff}`
}

export function normalize(stmt: InStatement | [string, InArgs?]): Statement {
  if (typeof stmt === 'string') return { sql: stmt, args: [] }
  if (Array.isArray(stmt)) return { sql: stmt[0], args: stmt[1] ?? [] }
  return { sql: stmt.sql, args: stmt.args ?? [] }
}
