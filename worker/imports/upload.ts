// Reading an uploaded table (a CSV or XLSX body, or the multipart field `file`) into rows of
// cells, with caps on the bytes sent, the bytes an XLSX inflates to and the rows, all checked
// before the table is parsed. Every import (the roster, later the issue ledger) reads through here.
import type { Context } from 'hono'
import { AppError, BadRequest, ValidationFailed } from '../core/errors'
import { parseCsv } from './csv'

export interface UploadLimits {
  /** Bytes of the file itself. */
  bytes: number
  /** Bytes an XLSX's XML may inflate to (a 1 MB file can hold hundreds of MB of XML). */
  inflatedBytes: number
  /** Rows of the table, header included. */
  rows: number
}

export const UPLOAD_LIMITS: UploadLimits = { bytes: 1024 * 1024, inflatedBytes: 20 * 1024 * 1024, rows: 10_000 }

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`

function fileError(message: string): ValidationFailed {
  return new ValidationFailed({ file: message }, message)
}

function tooManyRows(limits: UploadLimits): ValidationFailed {
  return fileError(`文件超过 ${limits.rows.toLocaleString('en-US')} 行，请分成几个文件分批导入`)
}

type Upload = { kind: 'csv'; text: string } | { kind: 'xlsx'; bytes: ArrayBuffer }

async function readFile(c: Context, limits: UploadLimits, what: string): Promise<Upload> {
  const type = (c.req.header('content-type') ?? '').toLowerCase()
  if (type.startsWith('text/csv')) return { kind: 'csv', text: await c.req.text() }
  if (type.startsWith(XLSX_TYPE)) return { kind: 'xlsx', bytes: await c.req.arrayBuffer() }
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, string | File | (string | File)[]>
    try {
      form = await c.req.parseBody()
    } catch {
      throw new BadRequest('上传的表单格式不正确，请重新选择文件上传')
    }
    const file = form.file
    if (!(file instanceof File)) throw fileError(`请选择${what}文件`)
    if (file.size > limits.bytes) {
      throw new AppError(413, 'payload_too_large', `${what}文件过大（上限 ${mb(limits.bytes)}），请分成几个文件分批导入`)
    }
    const isXlsx = file.name.toLowerCase().endsWith('.xlsx') || file.type === XLSX_TYPE
    return isXlsx ? { kind: 'xlsx', bytes: await file.arrayBuffer() } : { kind: 'csv', text: await file.text() }
  }
  throw new AppError(415, 'unsupported_media_type', `${what}应为 CSV 或 Excel（.xlsx）文件`)
}

/**
 * The uploaded table's cells. `what` names the file in messages (名册, 台账). Answers
 * 413 payload_too_large for a file or an XLSX that inflates past the caps, and 400
 * validation_failed (fields.file) for too many rows or a file that cannot be read.
 */
export async function readUploadCells(c: Context, what: string, limits: UploadLimits = UPLOAD_LIMITS): Promise<string[][]> {
  const upload = await readFile(c, limits, what)
  if (upload.kind === 'csv') {
    if (upload.text.length > limits.bytes) throw new AppError(413, 'payload_too_large', `${what}文件过大（上限 ${mb(limits.bytes)}）`)
    const cells = parseCsv(upload.text)
    if (cells.length > limits.rows) throw tooManyRows(limits)
    return cells
  }
  if (upload.bytes.byteLength > limits.bytes) throw new AppError(413, 'payload_too_large', `${what}文件过大（上限 ${mb(limits.bytes)}）`)
  // The XLSX reader (fflate, read-excel-file) is loaded by the first XLSX upload, not at the worker's start.
  const { parseXlsx, XlsxRefused } = await import('./xlsx')
  try {
    return await parseXlsx(upload.bytes, limits)
  } catch (e) {
    if (!(e instanceof XlsxRefused)) throw e
    if (e.refusal.kind === 'too_large') {
      throw new AppError(413, 'payload_too_large', `该 Excel 文件解压后超过 ${mb(limits.inflatedBytes)}，请删去多余的工作表或内容，或分批导入`)
    }
    if (e.refusal.kind === 'too_many_rows') throw tooManyRows(limits)
    throw fileError('无法读取该 Excel 文件，请另存为 .xlsx 后重试')
  }
}
