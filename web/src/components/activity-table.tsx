// Activities as a table on a desk screen: one row each, the theme opens the record; the four
// batches in their own columns so a column can be added up by eye.
import type { Activity } from '../activities-api'
import { BATCH_SHORT, FOUR_BATCHES, introductionLine, placeName, venueLabel } from '../activity-format'
import type { Reference } from '../api'
import { followLink } from '../router'
import { ActivityStatusBadge } from './activity-status'

interface ActivityTableProps {
  activities: Activity[]
  reference: Reference | null
  showDeputy: boolean
  showCounty: boolean
}

export function ActivityTable({ activities, reference, showDeputy, showCounty }: ActivityTableProps) {
  return (
    <div class="table-wrap">
      <table class="table act-table">
        <thead>
          <tr>
            <th scope="col">状态</th>
            <th scope="col">日期</th>
            {showDeputy && <th scope="col">代表</th>}
            {showCounty && <th scope="col">县市区</th>}
            <th scope="col">载体</th>
            <th scope="col">活动主题</th>
            {FOUR_BATCHES.map((k) => (
              <th key={k} scope="col" class="num">
                {BATCH_SHORT[k]}
              </th>
            ))}
            <th scope="col">引进</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((a) => (
            <tr key={a.id} class={a.status === 'returned' ? 'is-returned-row' : undefined}>
              <td>
                <ActivityStatusBadge status={a.status} />
              </td>
              <td class="nowrap">{a.date}</td>
              {showDeputy && <td class="nowrap">{a.deputyName}</td>}
              {showCounty && <td class="nowrap">{placeName(reference, a.countyCode)}</td>}
              <td class="nowrap">{venueLabel(a.venue)}</td>
              <td class="cell-title">
                <a href={`/activities/${a.id}`} onClick={followLink}>
                  {a.title}
                </a>
                {a.status === 'returned' && a.reviewNote && <span class="cell-sub">退回原因：{a.reviewNote}</span>}
              </td>
              {FOUR_BATCHES.map((k) => (
                <td key={k} class="num">
                  {a.outcomes[k] || ''}
                </td>
              ))}
              <td>{a.introductions.map((i) => introductionLine(i)).join('；') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
