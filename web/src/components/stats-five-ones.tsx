// 五个一 by congress: the city and each county × the five yearly duties, a ✓ for each one done
// (with the count when more than one was held) and how many of the five are done.
import { FIVE_ONES } from '../../../worker/core/taxonomy'
import type { Reference } from '../api'
import { followLink } from '../router'
import { fiveOnesHref, type FiveOnesRow } from '../stats-api'

/** The congress's name: 承德市 for the city itself, else the county's. */
export function congressName(reference: Reference | null, code: string): string {
  if (reference?.city?.code === code) return `${reference.city.name}（市本级）`
  return reference?.counties.find((c) => c.code === code)?.name ?? code
}

function badgeClass(done: number): string {
  return done === 5 ? 'five-badge five-badge-all' : done === 0 ? 'five-badge five-badge-none' : 'five-badge'
}

export function FiveOnesTable({ year, rows, reference, label }: { year: number; rows: FiveOnesRow[]; reference: Reference | null; label: string }) {
  return (
    <div class="table-wrap five-wrap" tabIndex={0} role="region" aria-label={label}>
      <table class="table five">
        <thead>
          <tr>
            <th scope="col" class="five-name">
              人大
            </th>
            <th scope="col" class="five-col">
              完成
            </th>
            {FIVE_ONES.map((f) => (
              <th key={f.code} scope="col" class="five-col">
                {f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.countyCode} class={r.done === 5 ? 'five-all' : undefined}>
              <th scope="row" class="five-name">
                {congressName(reference, r.countyCode)}
              </th>
              <td class="five-cell five-done">
                <a class={badgeClass(r.done)} href={fiveOnesHref(year, r.countyCode)} onClick={followLink} aria-label={`${congressName(reference, r.countyCode)} 已完成 ${r.done}/5，查看记录`}>
                  {r.done}/5
                </a>
              </td>
              {FIVE_ONES.map((f) => {
                const n = r[f.code]
                return (
                  <td key={f.code} class={n > 0 ? 'five-cell five-yes' : 'five-cell five-no'}>
                    <span aria-hidden="true">{n > 0 ? (n > 1 ? `✓${n}` : '✓') : '—'}</span>
                    <span class="visually-hidden">{n > 0 ? `已完成${n > 1 ? ` ${n} 次` : ''}` : '未完成'}</span>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One congress's five duties as a list of done / not yet (a county's own view). */
export function FiveOnesList({ year, row }: { year: number; row: FiveOnesRow }) {
  return (
    <div class="card five-list">
      <p class="five-list-head">
        已完成 <span class={badgeClass(row.done)}>{row.done}/5</span>
        <a class="five-list-link" href={fiveOnesHref(year, row.countyCode)} onClick={followLink}>
          查看和登记
        </a>
      </p>
      <ul class="five-items">
        {FIVE_ONES.map((f) => {
          const n = row[f.code]
          return (
            <li key={f.code} class={n > 0 ? 'five-item five-item-done' : 'five-item'}>
              <span class="five-mark" aria-hidden="true">
                {n > 0 ? '✓' : '○'}
              </span>
              {f.name}
              <span class="five-state">{n > 0 ? (n > 1 ? `已完成 ${n} 次` : '已完成') : '未完成'}</span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
