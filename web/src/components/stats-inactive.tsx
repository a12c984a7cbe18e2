// Who to call: the county's deputies with no confirmed activity this year, by name, level and
// group, each with a phone link a thumb can hit.
import { DEPUTY_LEVELS, labelOf } from '../../../worker/core/taxonomy'
import type { InactiveDeputy } from '../stats-api'

export function InactiveDeputies({ items, year }: { items: InactiveDeputy[]; year: number }) {
  if (items.length === 0) {
    return <p class="inactive-none">本年度所有代表均已有经确认的履职活动。</p>
  }
  return (
    <ul class="inactive-list" aria-label={`${year}年尚无已确认履职活动的代表`}>
      {items.map((d) => (
        <li key={d.id} class="inactive-item">
          <span class="inactive-who">
            <span class="inactive-name">{d.name}</span>
            <span class="inactive-meta">{[d.level ? `${labelOf(DEPUTY_LEVELS, d.level)}人大代表` : '', d.group].filter(Boolean).join(' · ')}</span>
          </span>
          <a class="btn btn-secondary btn-small inactive-phone" href={`tel:${d.phone}`} aria-label={`拨打 ${d.name} ${d.phone}`}>
            {d.phone}
          </a>
        </li>
      ))}
    </ul>
  )
}
