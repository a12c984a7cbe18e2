// The city's county × field matrix of issues: each cell the number of issues (all but rejected),
// coloured by its closure rate on a five-band legend, and its open items by deadline light (红 /
// 黄 / 绿, each a word as well as a colour). Every count opens the ledger filtered to exactly
// those records.
import type { CodeName } from '../api'
import { followLink } from '../router'
import type { Light } from '../../../worker/core/lights'
import { BAND_LABELS, band, dashboardHref, ledgerHref, lightHref, percent, sumCounters, type Counters, type Scope, type SupervisionRow } from '../stats-api'

/** The three lights as a cell shows them: a word, the counter it reads, and what it means. */
const CELL_LIGHTS: { light: Light; word: string; key: 'overdue' | 'dueSoon' | 'inTime'; meaning: string; legend: string }[] = [
  { light: 'red', word: '红', key: 'overdue', meaning: '红灯（已逾期）', legend: '红灯·已逾期' },
  { light: 'yellow', word: '黄', key: 'dueSoon', meaning: '黄灯（即将到期）', legend: '黄灯·即将到期' },
  { light: 'green', word: '绿', key: 'inTime', meaning: '绿灯（按期推进）', legend: '绿灯·按期推进' },
]

interface CellProps {
  counters: Counters
  scope: Scope
  /** Who the cell is about, read before its numbers (双桥区 重点项目建设). */
  about: string
  strong?: boolean
}

export function MatrixCell({ counters: c, scope, about, strong }: CellProps) {
  const b = band(c.closed, c.total)
  const detail = `${about}：问题 ${c.total} 件，已销号 ${c.closed} 件，销号率 ${percent(c.closed, c.total)}`
  return (
    <td class={`mx-cell${b === null ? ' mx-none' : ` mx-b${b}`}${strong ? ' mx-sum' : ''}`} title={c.total ? `${detail}；红灯 ${c.overdue} 件、黄灯 ${c.dueSoon} 件、绿灯 ${c.inTime} 件` : undefined}>
      <span class="mx-in">
        {c.total > 0 ? (
          <a class="mx-total" href={ledgerHref(scope, 'total')} onClick={followLink} aria-label={detail}>
            {c.total}
          </a>
        ) : (
          <span class="mx-zero" aria-label={`${about}：无问题`}>
            0
          </span>
        )}
      </span>
      {c.overdue + c.dueSoon + c.inTime > 0 && (
        <span class="mx-lights">
          {CELL_LIGHTS.filter((l) => c[l.key] > 0).map((l) => (
            <a key={l.light} class={`mx-light mx-light-${l.light}`} href={lightHref(scope, l.light)} onClick={followLink} aria-label={`${l.word}${c[l.key]}：${about}${l.meaning} ${c[l.key]} 件`}>
              {l.word}
              {c[l.key]}
            </a>
          ))}
        </span>
      )}
    </td>
  )
}

export function BandLegend() {
  return (
    <div class="mx-legend" aria-label="颜色表示销号率；红、黄、绿为未整改问题的亮灯">
      <span class="mx-legend-title">销号率</span>
      {BAND_LABELS.map((label, i) => (
        <span key={label} class="mx-legend-item">
          <span class={`mx-swatch mx-b${i}`} aria-hidden="true" />
          {label}
        </span>
      ))}
      <span class="mx-legend-item">
        <span class="mx-swatch mx-none" aria-hidden="true" />
        无问题
      </span>
      <span class="mx-legend-title">亮灯</span>
      {CELL_LIGHTS.map((l) => (
        <span key={l.light} class="mx-legend-item">
          <span class={`mx-light mx-light-${l.light} mx-light-static`} aria-hidden="true">
            {l.word}N
          </span>
          {l.legend}
        </span>
      ))}
    </div>
  )
}

interface MatrixProps {
  year: number
  rows: SupervisionRow[]
  counties: CodeName[]
  fields: CodeName[]
}

export function StatsMatrix({ year, rows, counties, fields }: MatrixProps) {
  const at = (county: string, field: string) => sumCounters(rows.filter((r) => r.countyCode === county && r.fieldCode === field))
  const ofCounty = (county: string) => sumCounters(rows.filter((r) => r.countyCode === county))
  const ofField = (field: string) => sumCounters(rows.filter((r) => r.fieldCode === field))
  return (
    <>
      <BandLegend />
      <p class="mx-hint" aria-hidden="true">
        表格可左右滑动，查看全部监督领域。
      </p>
      <div class="table-wrap mx-wrap" tabIndex={0} role="region" aria-label="各县市区分领域问题数（可左右滑动）">
        <table class="table mx">
          <caption class="visually-hidden">{year}年各县市区分监督领域问题数，单元格颜色表示销号率</caption>
          <thead>
            <tr>
              <th scope="col" class="mx-corner">
                县市区
              </th>
              {fields.map((f) => (
                <th key={f.code} scope="col" class="mx-field">
                  {f.name}
                </th>
              ))}
              <th scope="col" class="mx-field">
                合计
              </th>
            </tr>
          </thead>
          <tbody>
            {counties.map((county) => (
              <tr key={county.code}>
                <th scope="row" class="mx-county">
                  <a href={dashboardHref(year, county.code)} onClick={followLink}>
                    {county.name}
                  </a>
                </th>
                {fields.map((f) => (
                  <MatrixCell key={f.code} counters={at(county.code, f.code)} scope={{ year, countyCode: county.code, fieldCode: f.code }} about={`${county.name} ${f.name}`} />
                ))}
                <MatrixCell counters={ofCounty(county.code)} scope={{ year, countyCode: county.code }} about={`${county.name} 合计`} strong />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" class="mx-county">
                全市合计
              </th>
              {fields.map((f) => (
                <MatrixCell key={f.code} counters={ofField(f.code)} scope={{ year, fieldCode: f.code }} about={`全市 ${f.name}`} strong />
              ))}
              <MatrixCell counters={sumCounters(rows)} scope={{ year }} about="全市合计" strong />
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  )
}
