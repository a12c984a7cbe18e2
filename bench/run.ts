// npm run bench: every measurement of bench/README.md in one run, written to
// bench/results/latest.json and printed as a Markdown table. `--quick` shortens the surge and the
// page loads (for trying things out; commit results of a full run only). `--only import` runs the
// roster import alone, `--only pageload` the slow-phone page loads alone and `--only photos` the
// photo uploads (with the rows read on D1, which count an issue detail with 9 photos); each puts
// its result into the latest.json that is there.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { surge } from './surge'
import { reads } from './reads'
import { rowsRead } from './rows-read'
import { webSizes, workerBundle, workerModules } from './sizes'
import { pageLoad } from './pageload'
import { cpuPerRequest } from './cpu'
import { rosterImport } from './import'
import { photoUploads } from './photos'

const quick = process.argv.includes('--quick')
const step = (what: string) => process.stderr.write(`bench: ${what}…\n`)
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined

type ImportResult = Awaited<ReturnType<typeof rosterImport>>
function importLines(r: ImportResult): string[] {
  const m = r.meLatencyMs
  return [
    '',
    `### Roster import of ${r.rows.toLocaleString('en')} deputies (${r.csvKB} KB CSV), GET /me from ${r.readers} connections meanwhile`,
    '',
    '| import ms | GET /me alone p50 / p99 / max ms | GET /me during the import p50 / p99 / max ms | p99 added ms |',
    '| --- | --- | --- | --- |',
    `| ${r.importMs} | ${m.alone.p50} / ${m.alone.p99} / ${m.alone.max} | ${m.duringImport.p50} / ${m.duringImport.p99} / ${m.duringImport.max} | ${r.meP99AddedMs} |`,
  ]
}

/** One measurement run alone: its result replaces its part of the latest.json that is there. */
function saveAlone(key: string, result: object): void {
  const file = 'bench/results/latest.json'
  const latest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  latest[key] = { ...result, date: new Date().toISOString() }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(file, JSON.stringify(latest, null, 2) + '\n')
}

if (only === 'import') {
  step('roster import (alone)')
  const result = await rosterImport()
  saveAlone('rosterImport', result)
  console.log(importLines(result).join('\n').trim())
  process.exit(0)
}

type PhotoResult = Awaited<ReturnType<typeof photoUploads>>
function photoLines(p: PhotoResult, rows: ReturnType<typeof rowsRead>): string[] {
  const t = p.throughput
  const m = p.memory
  const detail = rows['GET /issues/:id (9 photos)']
  return [
    '',
    `### Photo uploads of ${p.photoMB} MB (Node + embedded libSQL, FILES_DIR with fsync)`,
    '',
    '| connections | seconds | uploads | req/s | MB/s | p50 ms | p99 ms | RSS idle MB | RSS peak, 20 at once MB | added MB | D1 rows read, issue detail with 9 photos |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${t.connections} | ${t.seconds} | ${t.uploads} | ${t.rps} | ${t.mbPerSecond} | ${t.latencyMs.p50} | ${t.latencyMs.p99} | ${m.idleMB} | ${m.peakMB} | ${m.addedMB} | ${detail?.rowsRead ?? '—'} |`,
  ]
}

if (only === 'photos') {
  step('photo uploads (alone)')
  const result = await photoUploads(quick ? 3 : 6)
  saveAlone('photos', result)
  step('rows read per request on D1 (workerd)')
  const rows = rowsRead()
  saveAlone('rowsRead', rows)
  console.log(photoLines(result, rows).join('\n').trim())
  process.exit(0)
}

if (only === 'pageload') {
  step('page load on a slow phone (alone)')
  const result = await pageLoad(quick ? 2 : 5)
  saveAlone('pageLoad', result)
  console.log(JSON.stringify(result))
  process.exit(0)
}

step('sizes')
const sizes = { worker: { ...workerBundle(), ...(await workerModules()) }, web: webSizes() }
step('surge (50 connections)')
const surgeResult = await surge({ connections: 50, seconds: quick ? 5 : 20, warmupSeconds: quick ? 2 : 5 })
step('reads at city scale')
const readsResult = await reads()
step('rows read per request on D1 (workerd)')
const rows = rowsRead()
step('page load on a slow phone')
const page = await pageLoad(quick ? 2 : 5)
step('CPU per request')
const cpu = await cpuPerRequest()
step('roster import of 5,000 rows')
const importResult = await rosterImport()
step('photo uploads')
const photoResult = await photoUploads(quick ? 3 : 6)

const results = {
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version, date: new Date().toISOString() },
  quick,
  surge: surgeResult,
  reads: readsResult,
  rowsRead: rows,
  sizes,
  pageLoad: page,
  cpu,
  rosterImport: importResult,
  photos: photoResult,
}
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2) + '\n')

const lines: string[] = []
const row = (...cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`)
lines.push(`## Benchmark results — ${results.machine.date.slice(0, 10)}, ${results.machine.cores} cores (${results.machine.cpu}), Node ${results.machine.node}${quick ? ' (quick run)' : ''}`, '')
lines.push('### Submission surge (Node + embedded libSQL, synchronous=FULL)', '')
row('connections', 'seconds', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'rows = 2xx', 'replay: new rows', 'baseline subs/s', 'app / baseline')
row('---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---')
const s = surgeResult
row(s.connections, s.seconds, s.rps, s.latencyMs.p50, s.latencyMs.p95, s.latencyMs.p99, s.errors, s.rowsMatch2xx ? 'yes' : 'NO', s.newRowsAfterReplay, s.baselineSubmissionsPerSecond, s.appToBaseline)
const cold = s.coldStart
lines.push('', `Warm-up right after the server started (${cold.seconds} s, before the surge): ${cold.rps} req/s, p50 ${cold.latencyMs.p50} ms, p99 ${cold.latencyMs.p99} ms, ${cold.errors} errors; its first second: ${cold.firstSecond.requests} requests, p99 ${cold.firstSecond.latencyMs.p99} ms.`)
lines.push('', `### Reads (${readsResult.activities.toLocaleString('en')} activities, ${readsResult.issues.toLocaleString('en')} issues, years ${readsResult.years.join(', ')})`, '')
row('request', 'p50 ms', 'p99 ms')
row('---', '---', '---')
for (const [name, l] of Object.entries(readsResult.latencyMs)) row(name, l.p50, l.p99)
lines.push('', '### Rows read and written per request on D1 (same data, inside workerd)', '')
row('endpoint', 'rows read', 'rows written')
row('---', '---', '---')
for (const [name, r] of Object.entries(rows)) row(name, r.rowsRead, r.rowsWritten)
lines.push('', '### Sizes', '')
row('what', 'size')
row('---', '---')
row('worker bundle (wrangler dry run)', `${sizes.worker.rawKiB} KiB raw, ${sizes.worker.gzipKiB} KiB gzip`)
row('worker main module + its static imports (gzip)', `${sizes.worker.startGzipKiB} KiB`)
for (const m of sizes.worker.lazy) row(`worker lazy chunk ${m.file} (${m.packages.join(', ')})`, `${m.gzipKiB} KiB gzip`)
row('sign-in page JS / CSS (gzip)', `${sizes.web.signIn.jsGzipKB} KB / ${sizes.web.signIn.cssGzipKB} KB`)
row('activity form JS / CSS (gzip)', `${sizes.web.activityForm.jsGzipKB} KB / ${sizes.web.activityForm.cssGzipKB} KB`)
lines.push('', `### Activity form on a slow phone (${page.profile}, median of ${page.runs})`, '')
row('cold cache ms', 'warm cache ms')
row('---', '---')
row(page.coldMs, page.warmMs)
lines.push('', `### CPU per request (${cpu.method})`, '')
row('request', 'CPU ms')
row('---', '---')
for (const [name, ms] of Object.entries(cpu.msPerRequest)) row(name, ms)
lines.push(...importLines(importResult))
lines.push(...photoLines(photoResult, rows))
console.log(lines.join('\n'))
