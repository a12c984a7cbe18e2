// npm run bench:check: compares bench/results/latest.json with bench/budgets.json and exits
// non-zero when a budget is broken, naming each one.
import { readFileSync } from 'node:fs'

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'))
const r = JSON.parse(readFileSync('bench/results/latest.json', 'utf8'))
const broken: string[] = []
const checks: [string, boolean, string][] = [
  ['surge p99', r.surge.latencyMs.p99 <= budgets.surge.p99MsMax, `${r.surge.latencyMs.p99} ms ≤ ${budgets.surge.p99MsMax} ms`],
  ['surge errors', r.surge.errors <= budgets.surge.errorsMax, `${r.surge.errors} ≤ ${budgets.surge.errorsMax}`],
  ['surge errors during the warm-up', r.surge.coldStart.errors <= budgets.surge.errorsMax, `${r.surge.coldStart.errors} ≤ ${budgets.surge.errorsMax}`],
  ['surge: every acknowledged write stored once', r.surge.rowsMatch2xx === true, String(r.surge.rowsMatch2xx)],
  ['surge: a replay adds no rows', r.surge.newRowsAfterReplay === 0, String(r.surge.newRowsAfterReplay)],
  ['app / baseline throughput', r.surge.appToBaseline >= budgets.surge.appToBaselineMin, `${r.surge.appToBaseline} ≥ ${budgets.surge.appToBaselineMin}`],
  [
    'county list first page p99',
    r.reads.latencyMs['county issue list, first page'].p99 <= budgets.reads.countyListFirstPageP99MsMax,
    `${r.reads.latencyMs['county issue list, first page'].p99} ms ≤ ${budgets.reads.countyListFirstPageP99MsMax} ms`,
  ],
  ...budgets.rowsRead.statsEndpoints.map((name: string): [string, boolean, string] => [
    `rows read: ${name}`,
    r.rowsRead[name] !== undefined && r.rowsRead[name].rowsRead <= budgets.rowsRead.statsPerRequestMax,
    `${r.rowsRead[name]?.rowsRead} ≤ ${budgets.rowsRead.statsPerRequestMax}`,
  ]),
  ...budgets.rowsRead.listEndpoints.map((name: string): [string, boolean, string] => [
    `rows read: ${name}`,
    r.rowsRead[name] !== undefined && r.rowsRead[name].rowsRead <= budgets.rowsRead.listPerPageMax,
    `${r.rowsRead[name]?.rowsRead} ≤ ${budgets.rowsRead.listPerPageMax}`,
  ]),
  ['sign-in page JS (gzip)', r.sizes.web.signIn.jsGzipKB <= budgets.sizes.signInJsGzipKBMax, `${r.sizes.web.signIn.jsGzipKB} KB ≤ ${budgets.sizes.signInJsGzipKBMax} KB`],
  ['activity form JS (gzip)', r.sizes.web.activityForm.jsGzipKB <= budgets.sizes.activityFormJsGzipKBMax, `${r.sizes.web.activityForm.jsGzipKB} KB ≤ ${budgets.sizes.activityFormJsGzipKBMax} KB`],
  ['worker main module at start (gzip)', r.sizes.worker.startGzipKiB <= budgets.sizes.workerMainGzipKiBMax, `${r.sizes.worker.startGzipKiB} KiB ≤ ${budgets.sizes.workerMainGzipKiBMax} KiB`],
  ['roster import of 5,000 rows: time', r.rosterImport.importMs <= budgets.rosterImport.importMsMax, `${r.rosterImport.importMs} ms ≤ ${budgets.rosterImport.importMsMax} ms`],
  [
    'roster import: GET /me p99 added meanwhile',
    r.rosterImport.meP99AddedMs <= budgets.rosterImport.meP99AddedMsMax,
    `${r.rosterImport.meLatencyMs.duringImport.p99} ms during vs ${r.rosterImport.meLatencyMs.alone.p99} ms alone: +${r.rosterImport.meP99AddedMs} ms ≤ +${budgets.rosterImport.meP99AddedMsMax} ms`,
  ],
  ['roster import answers no secrets', JSON.stringify(r.rosterImport.answerKeys) === '["created","updated"]', JSON.stringify(r.rosterImport.answerKeys)],
  ['activity form interactive, cold', r.pageLoad.coldMs <= budgets.pageLoad.activityFormColdMsMax, `${r.pageLoad.coldMs} ms ≤ ${budgets.pageLoad.activityFormColdMsMax} ms`],
  ['activity form interactive, warm (service worker)', r.pageLoad.warmMs <= budgets.pageLoad.activityFormWarmMsMax, `${r.pageLoad.warmMs} ms ≤ ${budgets.pageLoad.activityFormWarmMsMax} ms`],
  ['activity form opened with no network', r.pageLoad.offlineColdMs <= budgets.pageLoad.activityFormOfflineColdMsMax, `${r.pageLoad.offlineColdMs} ms ≤ ${budgets.pageLoad.activityFormOfflineColdMsMax} ms`],
  [
    'sign-in page JS + CSS (gzip)',
    r.sizes.web.signIn.jsGzipKB + r.sizes.web.signIn.cssGzipKB <= budgets.sizes.signInTotalGzipKBMax,
    `${Math.round((r.sizes.web.signIn.jsGzipKB + r.sizes.web.signIn.cssGzipKB) * 10) / 10} KB ≤ ${budgets.sizes.signInTotalGzipKBMax} KB`,
  ],
  [
    'activity form JS + CSS (gzip)',
    r.sizes.web.activityForm.jsGzipKB + r.sizes.web.activityForm.cssGzipKB <= budgets.sizes.activityFormTotalGzipKBMax,
    `${Math.round((r.sizes.web.activityForm.jsGzipKB + r.sizes.web.activityForm.cssGzipKB) * 10) / 10} KB ≤ ${budgets.sizes.activityFormTotalGzipKBMax} KB`,
  ],
  [
    'rows read: GET /issues/:id (9 photos)',
    r.rowsRead['GET /issues/:id (9 photos)'] !== undefined && r.rowsRead['GET /issues/:id (9 photos)'].rowsRead <= budgets.rowsRead.issueDetailWith9PhotosMax,
    `${r.rowsRead['GET /issues/:id (9 photos)']?.rowsRead} ≤ ${budgets.rowsRead.issueDetailWith9PhotosMax}`,
  ],
  ['photo uploads of 1 MB per second', r.photos?.throughput.rps >= budgets.photos.uploadsPerSecondMin, `${r.photos?.throughput.rps} ≥ ${budgets.photos.uploadsPerSecondMin}`],
  ['server memory added while 20 photos upload at once', r.photos?.memory.addedMB <= budgets.photos.rssAddedMBMax, `${r.photos?.memory.addedMB} MB ≤ ${budgets.photos.rssAddedMBMax} MB`],
]
for (const [name, ok, detail] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`)
  if (!ok) broken.push(name)
}
if (broken.length) {
  console.error(`\n${broken.length} budget(s) broken: ${broken.join('; ')}`)
  process.exit(1)
}
console.log('\nall budgets met')
