// The confirmed activities behind a yearly record, one row each with its own batches and
// introductions and a 合计 row, so every figure of the record can be traced to its activities.
import type { Activity } from '../activities-api'
import { BATCH_SHORT, FOUR_BATCHES, formatAmount, introductionLine, venueLabel } from '../activity-format'
import { followLink } from '../router'

export function RecordTable({ activities, fundsAmount }: { activities: Activity[]; fundsAmount: number }) {
  // A group activity's outcomes are credited to the group, not to the deputy: its row shows them as the group's.
  const own = activities.filter((a) => !a.groupId)
  const total = (k: (typeof FOUR_BATCHES)[number]) => own.reduce((n, a) => n + a.outcomes[k], 0)
  const intros = own.reduce((n, a) => n + a.introductions.length, 0)
  const group = activities.length - own.length
  return (
    <div class="table-wrap record-table-wrap">
      <table class="table record-table">
        <thead>
          <tr>
            <th scope="col" class="num">序号</th>
            <th scope="col">日期</th>
            <th scope="col">载体</th>
            <th scope="col">活动主题</th>
            {FOUR_BATCHES.map((k) => (
              <th key={k} scope="col" class="num">
                {BATCH_SHORT[k]}
              </th>
            ))}
            <th scope="col">引进事项</th>
          </tr>
        </thead>
        <tbody>
          {activities.map((a, n) => (
            <tr key={a.id}>
              <td class="num">{n + 1}</td>
              <td class="nowrap">{a.date}</td>
              <td class="nowrap">{venueLabel(a.venue)}</td>
              <td class="cell-title">
                <a href={`/activities/${a.id}`} onClick={followLink}>
                  {a.title}
                </a>
                {a.group && <span class="cell-sub">集体活动 · {a.group.name}</span>}
                {a.place && <span class="cell-sub">{a.place}</span>}
              </td>
              {FOUR_BATCHES.map((k) => (
                <td key={k} class="num">
                  {a.groupId ? '—' : a.outcomes[k]}
                </td>
              ))}
              <td>{a.groupId ? '成效记在小组' : a.introductions.length ? a.introductions.map((i) => introductionLine(i)).join('；') : '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              合计 {activities.length} 次{group > 0 && `（其中集体活动 ${group} 次）`}
            </th>
            {FOUR_BATCHES.map((k) => (
              <td key={k} class="num">
                {total(k)}
              </td>
            ))}
            <td>
              {intros} 项{fundsAmount > 0 && `，资金 ${formatAmount(fundsAmount)} 万元`}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
