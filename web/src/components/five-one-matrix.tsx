// “五个一” as the city sees it (the city and every county × the five items, ✓ with the count) and
// as one congress sees its own year (each of the five: done with what was held, or 未完成).
import type { FiveOne } from '../../../worker/core/taxonomy'
import type { FiveOneItem } from '../activities-api'
import { FIVE_ONES } from '../activity-format'
import { followLink } from '../router'

interface MatrixProps {
  places: { code: string; name: string }[]
  items: FiveOneItem[]
  year: number
}

export function FiveOneMatrix({ places, items, year }: MatrixProps) {
  const count = (code: string, type: FiveOne) => items.filter((i) => i.countyCode === code && i.type === type).length
  return (
    <div class="table-wrap">
      <table class="table five-matrix">
        <thead>
          <tr>
            <th scope="col">县市区</th>
            {FIVE_ONES.map((f) => (
              <th key={f.code} scope="col" class="five-col">
                {f.name}
              </th>
            ))}
            <th scope="col" class="num">完成</th>
          </tr>
        </thead>
        <tbody>
          {places.map((p) => {
            const done = FIVE_ONES.filter((f) => count(p.code, f.code) > 0).length
            return (
              <tr key={p.code} class={done === 5 ? 'five-row-done' : undefined}>
                <th scope="row">
                  <a href={`/five-ones?year=${year}&countyCode=${p.code}`} onClick={followLink}>
                    {p.name}
                  </a>
                </th>
                {FIVE_ONES.map((f) => {
                  const n = count(p.code, f.code)
                  return (
                    <td key={f.code} class={n ? 'five-cell five-cell-done' : 'five-cell'}>
                      {n ? (
                        <>
                          <span aria-label="已完成">✓</span>
                          {n > 1 && <span class="five-n">{n}</span>}
                        </>
                      ) : (
                        <span class="muted" aria-label="未完成">—</span>
                      )}
                    </td>
                  )
                })}
                <td class={done === 5 ? 'num five-done' : 'num'}>{done}/5</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

interface ListProps {
  items: FiveOneItem[]
  /** Opens the form with this item chosen; absent when the viewer may not record. */
  onRecord?: (type: FiveOne) => void
}

export function FiveOneList({ items, onRecord }: ListProps) {
  return (
    <ul class="five-list">
      {FIVE_ONES.map((f) => {
        const held = items.filter((i) => i.type === f.code).sort((a, b) => (a.date < b.date ? -1 : 1))
        return (
          <li key={f.code} class={held.length ? 'card five-item five-item-done' : 'card five-item'}>
            <div class="five-item-head">
              <span class="check-mark" aria-hidden="true">
                {held.length ? '✓' : ''}
              </span>
              <span class="five-item-name">{f.name}</span>
              <span class={held.length ? 'five-state five-state-done' : 'five-state'}>{held.length ? `已完成 ${held.length} 次` : '未完成'}</span>
              {onRecord && (
                <button type="button" class="btn btn-secondary btn-small" onClick={() => onRecord(f.code)} aria-label={`登记${f.name}`}>
                  登记
                </button>
              )}
            </div>
            {held.length > 0 && (
              <ul class="five-held">
                {held.map((i) => (
                  <li key={i.id}>
                    <span class="five-date">{i.date}</span>
                    <span class="five-title">{i.title}</span>
                    {i.summary && <span class="five-summary">{i.summary}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        )
      })}
    </ul>
  )
}
