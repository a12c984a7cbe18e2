// Builds XLSX files for upload tests from plain rows, small enough to read: the parts
// read-excel-file reads, with inline strings. `repeat` makes a decompression bomb (identical
// rows shrink about 1,000-fold), and declareSize makes a zip lie about an entry's size.
import { strToU8, zipSync } from 'fflate'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const SHEET = 'xl/worksheets/sheet1.xml'

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

function rowXml(cells: string[], r?: number): string {
  const cs = cells.map((v, i) => `<c${r ? ` r="${COLUMNS[i]}${r}"` : ''} t="inlineStr"><is><t>${escape(v)}</t></is></c>`)
  return `<row${r ? ` r="${r}"` : ''}>${cs.join('')}</row>`
}

/** A one-sheet workbook: `rows` as given, then `repeat.times` copies of `repeat.row`. */
export function makeXlsx(rows: string[][], repeat?: { row: string[]; times: number }): Uint8Array {
  const body = rows.map((r, i) => rowXml(r, i + 1))
  if (repeat) body.push(rowXml(repeat.row).repeat(repeat.times))
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      [SHEET]: strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${body.join('')}</sheetData></worksheet>`),
    },
    { level: 9 },
  )
}

/** Rewrites the size the central directory declares for one entry. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  for (let at = out.length - 22; at > 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue
    const nameLength = view.getUint16(at + 28, true)
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength)) === name) {
      view.setUint32(at + 24, size, true)
      return out
    }
  }
  throw new Error(`no entry ${name}`)
}
