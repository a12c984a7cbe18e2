// The activity form, shared by 记录履职 and the fix of a returned record: the venue from the nine
// 进… chips (each with what to watch), date and place, theme and a short account, the four
// batches as steppers, the introductions, and the optional rural tags. Grouped to fit a phone.
import type { ComponentChildren } from 'preact'
import type { ActivityTag, Venue } from '../../../worker/core/taxonomy'
import { MAX_CHARS } from '../../../worker/core/limits'
import { ACTIVITY_TAGS, VENUES } from '../activity-format'
import { FIRST_DATE, type Draft, type Fields } from '../activity-draft'
import { Button } from './button'
import { TextArea } from './form-fields'
import { IntroductionsEditor } from './activity-intros'
import { OutcomeSteppers } from './activity-outcomes'
import { TextField } from './text-field'

export type SetDraft = <K extends keyof Draft>(key: K, value: Draft[K]) => void

interface ActivityFormProps {
  draft: Draft
  set: SetDraft
  errors: Fields
  today: string
  /** Above the venue: the deputy picker of staff, the review note of a returned record. */
  top?: ComponentChildren
  busy: boolean
  submitLabel: string
  busyLabel: string
  onSubmit: (event: Event) => void
  /** Failure notices, shown just above the buttons. */
  notices?: ComponentChildren
  /** More buttons beside the submit one. */
  actions?: ComponentChildren
}

function VenueChips({ value, onChange, error }: { value: string; onChange: (v: Venue) => void; error?: string }) {
  return (
    <fieldset class={error ? 'field chips-field field-invalid' : 'field chips-field'} id="venue" tabIndex={-1} aria-describedby={error ? 'venue-error' : undefined}>
      <legend class="field-label">活动载体（九进九关注）</legend>
      <div class="venues">
        {VENUES.map((v) => (
          <label key={v.code} class={v.code === value ? 'chip venue chip-on' : 'chip venue'}>
            <input class="chip-input" type="radio" name="venue" value={v.code} checked={v.code === value} onChange={() => onChange(v.code)} />
            <span class="venue-name">{v.name}</span>
            <span class="venue-focus">关注{v.focus}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id="venue-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}

function TagChips({ value, onChange }: { value: ActivityTag[]; onChange: (v: ActivityTag[]) => void }) {
  const toggle = (code: ActivityTag, on: boolean) => onChange(on ? [...value.filter((t) => t !== code), code] : value.filter((t) => t !== code))
  return (
    <fieldset class="field chips-field" id="tags">
      <legend class="field-label">
        走访方式<span class="field-aside">选填，可多选</span>
      </legend>
      <div class="chips tag-chips">
        {ACTIVITY_TAGS.map((t) => {
          const on = value.includes(t.code)
          return (
            <label key={t.code} class={on ? 'chip chip-on' : 'chip'}>
              <input class="chip-input" type="checkbox" value={t.code} checked={on} onChange={(e) => toggle(t.code, e.currentTarget.checked)} />
              <span>{t.name}</span>
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}

export function ActivityForm({ draft, set, errors, today, top, busy, submitLabel, busyLabel, onSubmit, notices, actions }: ActivityFormProps) {
  return (
    <form class="card activity-form" onSubmit={onSubmit} noValidate aria-label="履职活动">
      {top}
      <VenueChips value={draft.venue} onChange={(v) => set('venue', v)} error={errors.venue} />
      <div class="act-pair">
        <TextField id="date" label="活动日期" type="date" value={draft.date} min={FIRST_DATE} max={today} onInput={(v) => set('date', v)} error={errors.date} />
        <TextField id="place" label="地点" value={draft.place} onInput={(v) => set('place', v)} error={errors.place} maxLength={MAX_CHARS.place} optional placeholder="如：河东村" />
      </div>
      <TextField id="title" label="活动主题" value={draft.title} onInput={(v) => set('title', v)} error={errors.title} maxLength={MAX_CHARS.title} placeholder="如：走访低保户了解生活困难" />
      <TextArea
        id="description"
        label="简要情况"
        aside="选填"
        value={draft.description}
        onInput={(v) => set('description', v)}
        error={errors.description}
        maxLength={MAX_CHARS.text}
        rows={2}
        placeholder="做了什么、听到什么、解决了什么"
      />
      <OutcomeSteppers value={draft.outcomes} onChange={(v) => set('outcomes', v)} errors={errors} />
      <IntroductionsEditor value={draft.introductions} onChange={(v) => set('introductions', v)} errors={errors} />
      <TagChips value={draft.tags} onChange={(v) => set('tags', v)} />
      {notices}
      <div class="form-actions">
        <Button type="submit" busy={busy} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  )
}
