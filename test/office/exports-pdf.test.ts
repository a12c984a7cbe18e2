// Each office export printed as LibreOffice prints it (headless, to PDF), then read page by page
// with pdftotext: every page holds every column header of its sheet (the header row repeats and
// no column spills onto a page of its own), the footer numbers the pages, page 1 has the title,
// and the pages are A4 landscape.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { officeExports, type OfficeExport } from '../support/office-exports'
import { HEADER_ROW } from '../../worker/core/office-sheet'

const dir = mkdtempSync(join(tmpdir(), 'npc-office-'))
let files: OfficeExport[] = []

/** The sheets' titles and headers, as the XLSX itself has them. */
async function sheetsOf(file: OfficeExport) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(file.bytes as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => {
    const headers: string[] = []
    ws.getRow(HEADER_ROW).eachCell((c) => headers.push(String(c.value)))
    return { name: ws.name, title: String(ws.getCell('A1').value), headers }
  })
}

/** The PDF LibreOffice prints of an export, and the text of each of its pages without blanks (wrapped headers join up). */
function printed(file: OfficeExport) {
  const xlsx = join(dir, `${file.name}.xlsx`)
  writeFileSync(xlsx, file.bytes)
  // A profile of its own, so that a LibreOffice the user has open does not take the job.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'pipe', timeout: 120_000 })
  const pdf = join(dir, `${file.name}.pdf`)
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1])
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!
  const text = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''))
  return { pages, width: Number(size[1]), height: Number(size[2]), text }
}

beforeAll(async () => {
  // Enough issues for the ledger to run over several pages.
  files = Object.values((await officeExports(45)).files)
})

describe('the exports as LibreOffice prints them', () => {
  it('prints every page with all the columns and the header row, numbered in the footer, A4 landscape', async () => {
    for (const file of files) {
      const sheets = await sheetsOf(file)
      const pdf = printed(file)
      // A4 landscape: 842 × 595 points.
      expect([Math.round(pdf.width), Math.round(pdf.height)], file.name).toEqual([842, 595])
      if (file.name === 'issues') expect(pdf.pages, 'the ledger runs over several pages').toBeGreaterThan(1)
      pdf.text.forEach((page, i) => {
        const where = `${file.name}, page ${i + 1} of ${pdf.pages}`
        expect(page, where).toContain(`第${i + 1}页，共${pdf.pages}页`)
        // The sheet this page prints: the one whose headers are all on it.
        const sheet = sheets.find((s) => s.headers.every((h) => page.includes(h.replace(/\s+/g, ''))))
        expect(sheet, `${where}: no sheet has all its column headers on this page`).toBeDefined()
      })
      expect(pdf.text[0], file.name).toContain(sheets[0]!.title.replace(/\s+/g, ''))
      // Every sheet of the workbook is printed.
      for (const s of sheets) expect(pdf.text.some((p) => p.includes(s.title.replace(/\s+/g, ''))), `${file.name}: ${s.name}`).toBe(true)
    }
  })
})
