// Issue counters as a table, one row per field, township or county, with a totals row: each
// status, overdue, and the two rates. Counts open the ledger filtered to them (a township row to
// that township, 未填写乡镇 to the items with none).
import { followLink } from '../router'
import type { Reference } from '../api'
import { band, fieldsShown, ledgerHref, percent, sumCounters, type Counters, type Scope } from '../stats-api'
import type { StatsData } from './stats-data'

export interface CounterRow {
  key: string
  label: string
  labelHref?: string
  counters: Counters
  /** The records behind the row; without it the numbers are not links. */
  scope?: Scope
}

const COLUMNS: { key: keyof Counters; label: string; what: string }[] = [
  { key: 'total', label: '问题总数', what: 'total' },
  { key: 'reported', label: '已上报', what: 'reported' },
  { key: 'assigned', label: '已交办', what: 'assigned' },
  { key: 'rectifying', label: '整改中', what: 'rectifying' },
  { key: 'rectified', label: '待验收', what: 'rectified' },
  { key: 'closed', label: '已销号', what: 'closed' },
  { key: 'overdue', label: '逾期', what: 'overdue' },
]

function Count({ n, scope, what, about }: { n: number; scope?: Scope; what: string; about: string }) {
  if (!scope || n === 0) return <>{n}</>
  return (
    <a class="num-link" href={ledgerHref(scope, what)} onClick={followLink} aria-label={`${about} ${n} 件`}>
      {n}
    </a>
  )
}

function Row({ row, total }: { row: CounterRow; total?: boolean }) {
  const c = row.counters
  const b = band(c.closed, c.total)
  return (
    <tr class={total ? 'st-total' : undefined}>
      <th scope="row" class="st-name">
        {row.labelHref ? (
          <a href={row.labelHref} onClick={followLink}>
            {row.label}
          </a>
        ) : (
          row.label
        )}
      </th>
      {COLUMNS.map((col) => (
        <td key={col.key} class={col.key === 'overdue' && c.overdue > 0 ? 'st-num st-overdue' : 'st-num'}>
          <Count n={c[col.key]} scope={row.scope} what={col.what} about={`${row.label} ${col.label}`} />
        </td>
      ))}
      <td class="st-num">
        <span class={b === null ? 'st-rate' : `st-rate mx-b${b}`}>{percent(c.closed, c.total)}</span>
      </td>
      <td class="st-num">{percent(c.closedOnTime, c.closed)}</td>
    </tr>
  )
}

interface StatsTableProps {
  /** The first column's heading: 监督领域, 乡镇（街道）, 县市区. */
  heading: string
  rows: CounterRow[]
  total?: CounterRow
  label: string
  class?: string
}

export function StatsTable({ heading, rows, total, label, class: extra }: StatsTableProps) {
  return (
    <div class={`table-wrap st-wrap${extra ? ` ${extra}` : ''}`} tabIndex={0} role="region" aria-label={label}>
      <table class="table st">
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" class="st-num">
                {c.label}
              </th>
            ))}
            <th scope="col" class="st-num">
              销号率
            </th>
            <th scope="col" class="st-num">
              按期销号率
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.key} row={r} />
          ))}
        </tbody>
        {total && (
          <tfoot>
            <Row row={total} total />
          </tfoot>
        )}
      </table>
    </div>
  )
}

/** Issues by field (of one county, or summed over the city): each count a link to its records. */
export function fieldRows(data: StatsData, reference: Reference | null, year: number, countyCode?: string): CounterRow[] {
  return fieldsShown(reference, year, data.sup.rows.map((r) => r.fieldCode)).map((f) => ({
    key: f.code,
    label: f.name,
    counters: sumCounters(data.sup.rows.filter((r) => r.fieldCode === f.code)),
    scope: { year, countyCode, fieldCode: f.code },
  }))
}
