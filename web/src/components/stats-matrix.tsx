// The city's county × field matrix of issues: each cell the number of issues (all but rejected),
// coloured by its closure rate on a five-band legend, with the overdue ones in red. Every count
// opens the ledger filtered to exactly those records.
import type { CodeName } from '../api'
import { followLink } from '../router'
import { BAND_LABELS, band, dashboardHref, ledgerHref, percent, sumCounters, type Counters, type Scope, type SupervisionRow } from '../stats-api'

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
    <td class={`mx-cell${b === null ? ' mx-none' : ` mx-b${b}`}${strong ? ' mx-sum' : ''}`} title={c.total ? `${detail}，逾期 ${c.overdue} 件` : undefined}>
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
        {c.overdue > 0 && (
          <a class="mx-overdue" href={ledgerHref(scope, 'overdue')} onClick={followLink} aria-label={`逾${c.overdue}：${about}逾期 ${c.overdue} 件`}>
            逾{c.overdue}
          </a>
        )}
      </span>
    </td>
  )
}

export function BandLegend() {
  return (
    <div class="mx-legend" aria-label="颜色表示销号率">
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
      <span class="mx-legend-item">
        <span class="mx-overdue mx-overdue-static" aria-hidden="true">
          逾N
        </span>
        逾期件数
      </span>
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
