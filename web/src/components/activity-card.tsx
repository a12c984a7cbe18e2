// One activity as a card in a phone list: status, venue and date first, then the theme (a link to
// the record), who and where for staff, what it yielded, and a returned record's reason in full.
import type { ComponentChildren } from 'preact'
import type { Activity } from '../activities-api'
import { introductionLine, outcomesLine, placeName, venueLabel } from '../activity-format'
import type { Reference } from '../api'
import { followLink } from '../router'
import { ActivityStatusBadge } from './activity-status'

interface ActivityCardProps {
  activity: Activity
  reference: Reference | null
  showDeputy?: boolean
  showCounty?: boolean
  /** Buttons under the card (修改后重新提交, 确认, 退回 …). */
  children?: ComponentChildren
}

/** A returned record's reason: what the deputy has to fix, said plainly. */
export function ReviewNote({ note, label = '退回原因' }: { note: string; label?: string }) {
  return (
    <div class="review-note" role="note">
      <span class="review-note-label">{label}</span>
      <span class="review-note-text">{note}</span>
    </div>
  )
}

export function ActivityCard({ activity: a, reference, showDeputy, showCounty, children }: ActivityCardProps) {
  const outcomes = outcomesLine(a)
  const who = [a.group ? `集体活动 · ${a.group.name} · ${a.participants.length} 人参加` : '', showDeputy && !a.group ? a.deputyName : '', showCounty ? placeName(reference, a.countyCode) : '', a.place].filter(Boolean).join(' · ')
  return (
    <article class={a.status === 'returned' ? 'act-card act-card-returned' : 'act-card'} aria-label={a.title}>
      <div class="act-card-top">
        <ActivityStatusBadge status={a.status} />
        <span class="badge">{venueLabel(a.venue)}</span>
        {a.group && <span class="badge badge-group">集体活动</span>}
        <span class="act-card-date">{a.date}</span>
      </div>
      <a class="act-card-title" href={`/activities/${a.id}`} onClick={followLink}>
        {a.title}
      </a>
      {who && <p class="act-card-meta">{who}</p>}
      {outcomes && <p class="act-card-outcomes">{outcomes}</p>}
      {a.introductions.length > 0 && (
        <ul class="act-card-intros">
          {a.introductions.map((i, n) => (
            <li key={n}>{introductionLine(i)}</li>
          ))}
        </ul>
      )}
      {a.status === 'returned' && a.reviewNote && <ReviewNote note={a.reviewNote} />}
      {children && <div class="act-card-actions">{children}</div>}
    </article>
  )
}
