// Reading an XLSX upload without letting it become a decompression bomb: the zip's directory is
// read first and every XML part is inflated in small steps against a byte budget (the sizes a zip
// declares can lie, so the budget holds on what inflating actually produces), and the sheet's rows
// are counted. Only a file that passes is handed to read-excel-file.
import { Inflate } from 'fflate'
import { readSheet } from 'read-excel-file/universal'

export interface XlsxLimits {
  /** Bytes all the XML parts may inflate to, together. */
  inflatedBytes: number
  /** Rows a worksheet may hold. */
  rows: number
}

/** Why a file was refused before it was parsed. */
export type XlsxRefusal = { kind: 'unreadable' } | { kind: 'too_large' } | { kind: 'too_many_rows' }

export class XlsxRefused extends Error {
  constructor(readonly refusal: XlsxRefusal) {
    super(refusal.kind)
  }
}

interface Entry {
  name: string
  method: number
  compressedSize: number
  size: number
  dataStart: number
}

// The XML parts read-excel-file reads (it skips everything else in the archive).
const isXmlPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels')
const isWorksheet = (name: string) => name.startsWith('xl/worksheets/') && name.endsWith('.xml')

// Inflating in small steps bounds what one step can produce (deflate expands at most ~1,032×).
const STEP = 4096
const MAX32 = 0xffffffff

const unreadable = () => new XlsxRefused({ kind: 'unreadable' })

/** The archive's central directory, read the way fflate's unzip reads it. */
function directory(d: Uint8Array): Entry[] {
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)
  if (d.length < 22) throw unreadable()
  let end = d.length - 22
  while (u32(end) !== 0x06054b50) {
    if (end === 0 || d.length - end > 65558) throw unreadable()
    end--
  }
  // A roster never needs zip64; an archive that claims it is refused rather than half-read.
  if (end >= 20 && u32(end - 20) === 0x07064b50) throw unreadable()
  const count = u16(end + 8)
  let at = u32(end + 16)
  const entries: Entry[] = []
  for (let i = 0; i < count; i++) {
    if (at + 46 > d.length || u32(at) !== 0x02014b50) throw unreadable()
    const flags = u16(at + 8)
    const nameLength = u16(at + 28)
    const bytes = d.subarray(at + 46, at + 46 + nameLength)
    const name = flags & 2048 ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes)
    const compressedSize = u32(at + 20)
    const size = u32(at + 24)
    const local = u32(at + 42)
    if (compressedSize === MAX32 || size === MAX32 || local === MAX32 || local + 30 > d.length) throw unreadable()
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28)
    if (dataStart + compressedSize > d.length) throw unreadable()
    entries.push({ name, method: u16(at + 10), compressedSize, size, dataStart })
    at += 46 + nameLength + u16(at + 30) + u16(at + 32)
  }
  return entries
}

/** Counts `<row` / `<x:row` start tags, also when one is split across two chunks. */
function rowCounter() {
  const TAG = /<(?:\w{1,16}:)?row[\s>/]/g
  let tail = ''
  let rows = 0
  const decoder = new TextDecoder()
  return {
    push(chunk: Uint8Array) {
      const text = tail + decoder.decode(chunk, { stream: true })
      // A match that ends inside the carried tail was counted with the previous chunk.
      for (const m of text.matchAll(TAG)) if (m.index + m[0].length > tail.length) rows++
      tail = text.slice(-24)
    },
    get rows() {
      return rows
    },
  }
}

/**
 * Checks an XLSX archive against the limits without keeping what it inflates: the declared sizes
 * first (nothing is inflated if they already exceed the budget), then the real output, step by
 * step, stopping at the first byte over. A part that inflates to more than it declared is refused:
 * read-excel-file sizes its buffers by the declared size.
 */
export function inspectXlsx(data: Uint8Array, limits: XlsxLimits): void {
  const parts = directory(data).filter((e) => isXmlPart(e.name))
  if (parts.reduce((sum, e) => sum + e.size, 0) > limits.inflatedBytes) throw new XlsxRefused({ kind: 'too_large' })
  for (const part of parts) {
    const counter = isWorksheet(part.name) ? rowCounter() : null
    const compressed = data.subarray(part.dataStart, part.dataStart + part.compressedSize)
    if (part.method === 0) {
      if (part.compressedSize !== part.size) throw unreadable()
      counter?.push(compressed)
    } else if (part.method === 8) {
      let produced = 0
      let over = false
      const inflater = new Inflate((chunk) => {
        produced += chunk.length
        if (produced > part.size) over = true
        else counter?.push(chunk)
      })
      try {
        for (let i = 0; i < compressed.length && !over; i += STEP) {
          inflater.push(compressed.subarray(i, i + STEP), i + STEP >= compressed.length)
        }
      } catch {
        throw unreadable()
      }
      if (over || produced !== part.size) throw unreadable()
    } else throw unreadable()
    if (counter && counter.rows > limits.rows) throw new XlsxRefused({ kind: 'too_many_rows' })
  }
}

/** The first sheet's cells as text (dates as YYYY-MM-DD), after the archive passed inspectXlsx. */
export async function parseXlsx(data: ArrayBuffer, limits: XlsxLimits): Promise<string[][]> {
  inspectXlsx(new Uint8Array(data), limits)
  const sheet = await readSheet(data).catch(() => {
    throw unreadable()
  })
  // A date cell is read as midnight UTC of its day: written back as that day, YYYY-MM-DD.
  return sheet.map((row) => row.map((v) => (v === null || v === undefined ? '' : v instanceof Date ? (Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10)) : String(v))))
}
