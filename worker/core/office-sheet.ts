// A ledger (台账) as an office document that prints: one XLSX writer for the issue ledger, the
// statistics ledger and the activities ledger. Each sheet has a title row, an export-time line,
// the header row (repeated on every printed page), bordered cells in one font (宋体, one size,
// totals row included), wrapped text, dates as real date cells shown yyyy-mm-dd, and A4
// landscape fitted to one page wide with page numbers in the footer.
//
// This module and its writer are loaded by the first export (`await import`), chunks of their own
// on Workers, so that the worker's start stays small. The writer is write-excel-file: it
// has cells, styles and merged cells but no print setup, so the print setup is one of its
// "features" below — a transform of the sheet and workbook XML it writes.
import { inertText } from './spreadsheet'

/** How a column's cells are written: text (wrapped), a date (yyyy-mm-dd), a count, an amount, a rate. */
export type ColumnKind = 'text' | 'date' | 'int' | 'amount' | 'percent'

export interface OfficeColumn {
  header: string
  /** Width in characters (a Chinese character counts about two). */
  width: number
  kind?: ColumnKind
}

export type OfficeValue = string | number | null

export interface OfficeSheet {
  /** The tab's name (at most 31 characters, none of []:*?/\). */
  name: string
  /** The title row, e.g. 平泉市“5+2”联动监督问题清单台账（2026年）. */
  title: string
  /** The line under the title: when it was exported, and anything else the reader should know. */
  note: string
  columns: OfficeColumn[]
  rows: OfficeValue[][]
  /** A closing row in bold (合计), in the same font as the rest. */
  totals?: OfficeValue[]
}

/** One font for every cell: a Chinese office document is set in 宋体. */
export const OFFICE_FONT = { fontFamily: '宋体', fontSize: 11 } as const
export const DATE_FORMAT = 'yyyy-mm-dd'
/** The title, the note, then the header: the row that every printed page repeats. */
export const HEADER_ROW = 3

const FORMATS: Partial<Record<ColumnKind, string>> = { date: DATE_FORMAT, int: '0', amount: '#,##0.00', percent: '0.0%' }
const BORDER = { borderStyle: 'thin', borderColor: '#000000' } as const

type Cell = Record<string, unknown> | null

/** A yyyy-mm-dd day as the Date write-excel-file turns into a date serial (midnight UTC: a whole day). */
function dayValue(s: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : null
}

function cell(value: OfficeValue, kind: ColumnKind, bold: boolean): Cell {
  const style = { ...OFFICE_FONT, ...BORDER, alignVertical: 'center' as const, ...(bold ? { fontWeight: 'bold' as const } : {}) }
  if (value === null || value === '') return { ...style, value: null, type: String }
  if (kind === 'date' && typeof value === 'string') {
    const day = dayValue(value)
    if (day) return { ...style, value: day, type: Date, format: DATE_FORMAT, align: 'center' }
  }
  if (typeof value === 'number') return { ...style, value, type: Number, format: FORMATS[kind] ?? (Number.isInteger(value) ? '0' : '0.00'), align: 'right' }
  // Text a spreadsheet would run as a formula gets its apostrophe (spreadsheet.ts).
  return { ...style, value: inertText(value), type: String, wrap: true, align: 'left' }
}

/**
 * How wide a text is in column-width units (the width of a digit): a Chinese character (or a
 * full-width sign) of 宋体 takes about 1.8 of them.
 */
function textUnits(s: string): number {
  let n = 0
  for (const ch of s) n += /[\u2e80-\uffef]/.test(ch) ? 1.8 : 1
  return n
}

/** Lines a value takes wrapped in a column of `width` characters. */
function linesIn(value: OfficeValue, width: number): number {
  if (value === null || value === '' || typeof value === 'number') return 1
  const room = Math.max(1, width - 1)
  return String(value)
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / room)), 0)
}

/**
 * A row's height in points, tall enough for its most wrapped cell. Written into the file, since
 * not every office program grows a row to its wrapped text when it opens or prints one.
 */
function rowHeight(values: OfficeValue[], columns: OfficeColumn[]): number {
  const lines = Math.max(1, ...columns.map((c, i) => linesIn(values[i] ?? null, c.width)))
  return Math.ceil(lines * OFFICE_FONT.fontSize * 1.3 + 4)
}

function withHeight(row: Cell[], height: number): Cell[] {
  return row.map((c, i) => (i === 0 && c ? { ...c, height } : c))
}

function sheetData(s: OfficeSheet): Cell[][] {
  const n = s.columns.length
  const span = (value: string, extra: Record<string, unknown>): Cell[] => [{ ...OFFICE_FONT, value: inertText(value), type: String, columnSpan: n, ...extra }, ...Array<Cell>(n - 1).fill(null)]
  const title = span(s.title, { fontWeight: 'bold', align: 'center', alignVertical: 'center', height: 30 })
  const note = span(s.note, { align: 'right', alignVertical: 'center' })
  const headerCells = s.columns.map((c) => ({ ...OFFICE_FONT, ...BORDER, value: c.header, type: String, fontWeight: 'bold', wrap: true, align: 'center', alignVertical: 'center' }))
  const header = withHeight(headerCells, rowHeight(s.columns.map((c) => c.header), s.columns))
  const line = (r: OfficeValue[], bold: boolean) => withHeight(s.columns.map((c, i) => cell(r[i] ?? null, c.kind ?? 'text', bold)), rowHeight(r, s.columns))
  const body = s.rows.map((r) => line(r, false))
  const totals = s.totals ? [line(s.totals, true)] : []
  return [title, note, header, ...body, ...totals]
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The footer: 第 N 页，共 M 页, centred (the header/footer codes &C, &P and &N). */
export const FOOTER = '&C第 &P 页，共 &N 页'

/**
 * Print setup as write-excel-file features a sheet: fit to one page wide (any number of pages
 * tall), A4 landscape (the library's own `orientation`, with fitToWidth/fitToHeight added to its
 * <pageSetup/>), the footer, and the header row as print titles (_xlnm.Print_Titles).
 */
function printSetup(names: string[]) {
  return {
    files: {
      transform: {
        'xl/worksheets/sheet{id}.xml': {
          transformElementAttributes: (tagName: string, attributes: Record<string, string | number>) =>
            tagName === 'pageSetup' ? { ...attributes, paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 } : attributes,
          transform: (xml: string) => {
            // <sheetPr> is the worksheet's first child; <headerFooter> follows <pageSetup>.
            let out = xml.replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
            out = out.replace(/(<pageSetup\b[^>]*\/>)/, `$1<headerFooter><oddFooter>${xmlText(FOOTER)}</oddFooter></headerFooter>`)
            return out
          },
        },
        'xl/workbook.xml': {
          transform: (xml: string) => {
            const defined = names
              .map((name, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`'${name.replace(/'/g, "''")}'!$${HEADER_ROW}:$${HEADER_ROW}`)}</definedName>`)
              .join('')
            if (/<definedNames\s*\/>/.test(xml)) return xml.replace(/<definedNames\s*\/>/, `<definedNames>${defined}</definedNames>`)
            if (xml.includes('<definedNames>')) return xml.replace('<definedNames>', `<definedNames>${defined}`)
            return xml.replace(/(<calcPr\b|<\/workbook>)/, `<definedNames>${defined}</definedNames>$1`)
          },
        },
      },
    },
  }
}

/** The sheets as one XLSX workbook. */
export async function officeWorkbook(sheets: OfficeSheet[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const data = sheets.map((s) => ({
    data: sheetData(s) as never,
    sheet: s.name,
    columns: s.columns.map((c) => ({ width: c.width })),
    orientation: 'landscape' as const,
    stickyRowsCount: HEADER_ROW,
  }))
  return writeXlsxFile(data, { ...OFFICE_FONT, features: [printSetup(sheets.map((s) => s.name)) as never] }).toBlob()
}

/** `导出时间：2026-12-02 14:30（北京时间）` for the line under the title. */
export function exportedAt(now = new Date()): string {
  const t = new Date(now.getTime() + 8 * 3600_000).toISOString()
  return `导出时间：${t.slice(0, 10)} ${t.slice(11, 16)}（北京时间）`
}
