// 审核 of one activity by county or city staff: 确认, or 退回 with a reason typed inline. The item
// itself is drawn as a queue card with a checkbox for 批量确认. Outcomes go back to the page.
import { useState } from 'preact/hooks'
import { MAX_CHARS } from '../../../worker/core/limits'
import { activitiesApi, type Activity } from '../activities-api'
import { introductionLine, outcomesLine, placeName, tagLabel, venueFocus, venueLabel } from '../activity-format'
import { asApiError, type Reference } from '../api'
import { followLink } from '../router'
import { ReviewNote } from './activity-card'
import { Alert } from './alert'
import { Button } from './button'
import { TextArea } from './form-fields'

export interface ReviewOutcome {
  /** The record as it now stands (after the review, or the newer one a 409 answered with). */
  activity: Activity
  kind: 'confirmed' | 'returned' | 'stale'
}

interface ReviewActionsProps {
  activity: Activity
  onDone: (outcome: ReviewOutcome) => void
}

export function ReviewActions({ activity, onDone }: ReviewActionsProps) {
  const [returning, setReturning] = useState(false)
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState('')
  const [busy, setBusy] = useState<'' | 'confirm' | 'return'>('')
  const [error, setError] = useState('')
  const noteId = `return-note-${activity.id}`

  async function review(decision: 'confirm' | 'return') {
    if (busy) return
    if (decision === 'return' && !note.trim()) {
      setNoteError('请填写退回原因')
      document.getElementById(noteId)?.focus()
      return
    }
    setBusy(decision)
    setError('')
    try {
      const updated = await activitiesApi.review(activity.id, { decision, version: activity.version, ...(decision === 'return' ? { note: note.trim() } : {}) })
      onDone({ activity: updated, kind: decision === 'confirm' ? 'confirmed' : 'returned' })
    } catch (e) {
      const err = asApiError(e, '审核失败，请稍后重试')
      if (err.status === 409 && err.current && typeof err.current === 'object') onDone({ activity: err.current as Activity, kind: 'stale' })
      else if (err.fields.note) setNoteError(err.fields.note)
      else setError(err.message)
      setBusy('')
    }
  }

  return (
    <div class="review-actions">
      {error && <Alert tone="error">{error}</Alert>}
      {returning ? (
        <div class="return-form">
          <TextArea id={noteId} label="退回原因" value={note} onInput={(v) => {
              setNote(v)
              setNoteError('')
            }} error={noteError} maxLength={MAX_CHARS.reviewNote} rows={2} placeholder="请写明需要补充或更正的内容" />
          <div class="form-actions">
            <Button variant="danger" busy={busy === 'return'} busyLabel="正在退回…" onClick={() => void review('return')}>
              确认退回
            </Button>
            <Button variant="secondary" disabled={!!busy} onClick={() => setReturning(false)}>
              取消
            </Button>
          </div>
        </div>
      ) : (
        <div class="review-buttons">
          <Button busy={busy === 'confirm'} busyLabel="正在确认…" onClick={() => void review('confirm')}>
            确认
          </Button>
          <Button
            variant="danger"
            disabled={!!busy}
            onClick={() => {
              setReturning(true)
              window.setTimeout(() => document.getElementById(noteId)?.focus(), 0)
            }}
          >
            退回
          </Button>
        </div>
      )}
    </div>
  )
}

interface ReviewCardProps {
  activity: Activity
  reference: Reference | null
  showCounty: boolean
  selected: boolean
  onSelect: (on: boolean) => void
  onDone: (outcome: ReviewOutcome) => void
}

/** One submitted activity in the queue: everything needed to judge it without opening it. */
export function ReviewCard({ activity: a, reference, showCounty, selected, onSelect, onDone }: ReviewCardProps) {
  const outcomes = outcomesLine(a)
  return (
    <article class={selected ? 'act-card review-card review-card-on' : 'act-card review-card'} aria-label={a.title}>
      <div class="review-card-main">
        <label class="review-check">
          <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
          <span class="visually-hidden">选择“{a.title}”</span>
        </label>
        <div class="review-card-body">
          <div class="act-card-top">
            <span class="review-deputy">{a.deputyName}</span>
            {a.group && <span class="badge badge-group">集体活动</span>}
            {showCounty && <span class="badge">{placeName(reference, a.countyCode)}</span>}
            <span class="act-card-date">{a.date}</span>
          </div>
          <a class="act-card-title" href={`/activities/${a.id}`} onClick={followLink}>
            {a.title}
          </a>
          <p class="act-card-meta">
            {venueLabel(a.venue)}
            {a.venue && <span class="muted">（关注{venueFocus(a.venue)}）</span>}
            {a.place && ` · ${a.place}`}
            {a.tags.length > 0 && ` · ${a.tags.map(tagLabel).join('、')}`}
          </p>
          {a.group && (
            <p class="act-card-meta">
              {a.group.name} · 参加：{a.participants.map((p) => (p.invited ? `${p.name}（特邀）` : p.name)).join('、')}
            </p>
          )}
          {a.reviewNote && <ReviewNote note={a.reviewNote} label="上次退回原因（代表已修改重新提交）" />}
          {a.description && <p class="review-desc">{a.description}</p>}
          <p class="act-card-outcomes">{outcomes || '未填写四个一批成效'}</p>
          {a.introductions.length > 0 && (
            <ul class="act-card-intros">
              {a.introductions.map((i, n) => (
                <li key={n}>{introductionLine(i)}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <ReviewActions activity={a} onDone={onDone} />
    </article>
  )
}
