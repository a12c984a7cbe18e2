// The figures of a deputy's yearly record (confirmed activities only): visits by venue, the four
// batches, and the five introductions as a checklist (met ✓ or 未完成) with the funds total.
import type { DeputyRecord } from '../activities-api'
import { FIVE_INTRODUCTIONS, FOUR_BATCHES, VENUES, formatAmount, outcomeLabel } from '../activity-format'

export function VenueFigures({ record }: { record: DeputyRecord }) {
  return (
    <section class="card record-part" aria-labelledby="venues-heading">
      <h2 id="venues-heading" class="card-title">
        九进九关注<span class="card-aside">次数</span>
      </h2>
      <ul class="tiles tiles-venues">
        {VENUES.map((v) => {
          const n = record.byVenue[v.code] ?? 0
          return (
            <li key={v.code} class={n ? 'tile' : 'tile tile-zero'}>
              <span class="tile-value">{n}</span>
              <span class="tile-label">{v.name}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

export function BatchFigures({ record }: { record: DeputyRecord }) {
  return (
    <section class="card record-part" aria-labelledby="batches-heading">
      <h2 id="batches-heading" class="card-title">
        四个一批
      </h2>
      <ul class="tiles tiles-4">
        {FOUR_BATCHES.map((k) => (
          <li key={k} class={record.outcomes[k] ? 'tile' : 'tile tile-zero'}>
            <span class="tile-value">{record.outcomes[k]}</span>
            <span class="tile-label">{outcomeLabel(k)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function IntroChecklist({ record }: { record: DeputyRecord }) {
  const met = record.targets.fiveIntroductionsMet
  return (
    <section class="card record-part" aria-labelledby="intros-heading">
      <h2 id="intros-heading" class="card-title">
        五个引进<span class="card-aside">已完成 {met.length}/5</span>
      </h2>
      <ul class="checklist">
        {FIVE_INTRODUCTIONS.map((k) => {
          const done = met.includes(k)
          const n = record.introductions[k]
          return (
            <li key={k} class={done ? 'check-item check-done' : 'check-item'}>
              <span class="check-mark" aria-hidden="true">
                {done ? '✓' : ''}
              </span>
              <span class="check-name">{outcomeLabel(k)}</span>
              <span class="check-state">{done ? `已完成 · ${n} 项` : '未完成'}</span>
              {k === 'funds' && (
                <span class="check-funds">
                  资金合计 <strong>{formatAmount(record.introductions.fundsAmount)}</strong> 万元
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** Recorded, confirmed, waiting: the line that says how much of the year is counted. */
export function RecordSummary({ record }: { record: DeputyRecord }) {
  const waiting = record.activities - record.confirmed
  return (
    <p class="record-summary">
      全年记录 <strong>{record.activities}</strong> 次活动，已确认 <strong>{record.confirmed}</strong> 次
      {record.groupActivities > 0 && <>，其中参加集体活动 <strong>{record.groupActivities}</strong> 次（其四个一批、五个引进记在代表小组）</>}
      {waiting > 0 && <span class="muted">（另有 {waiting} 次待审核或已退回，确认后计入）</span>}
    </p>
  )
}
