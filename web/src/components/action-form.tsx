// The small form of one workflow action, with exactly the fields the workflow table says it
// needs or may carry (worker/core/workflow.ts): unit, requirement, deadline, progress, note.
import type { ComponentChildren } from 'preact'
import { NOTE_PROMPTS, transitionOf, type ActionField } from '../../../worker/core/workflow'
import { MAX_CHARS } from '../../../worker/core/limits'
import { addDays, actionLabel } from '../issue-format'
import type { ActionBody, ActionName, Issue, Unit } from '../issues-api'
import { Alert } from './alert'
import { FormActions, ProgressInput, SelectField, TextArea } from './form-fields'
import { TextField } from './text-field'

export interface ActionDraft {
  note: string
  unitId: string
  requirement: string
  deadline: string
  progress: number
}
export type ActionErrors = Partial<Record<ActionField, string>>

/** The deadlines staff usually give, in days from today (交办的常用时限). */
const DEADLINE_CHOICES = [7, 15, 30, 60] as const

/** What the form starts with: a re-assignment starts from the current unit and requirement. */
export function initialDraft(action: ActionName, issue: Issue, today: string): ActionDraft {
  const keep = action === 'assign'
  return {
    note: '',
    unitId: keep ? (issue.unitId ?? '') : '',
    requirement: keep ? (issue.requirement ?? '') : '',
    deadline: keep && issue.deadline && issue.deadline >= today ? issue.deadline : '',
    progress: issue.progress,
  }
}

/** The earliest deadline the action accepts: today, or for 延期 the day after the current one. */
export function minDeadline(action: ActionName, issue: Issue, today: string): string {
  if (action === 'extend' && issue.deadline) {
    const next = addDays(issue.deadline, 1)
    return next > today ? next : today
  }
  return today
}

export function fieldsOf(action: ActionName): { needs: readonly ActionField[]; may: readonly ActionField[] } {
  const t = transitionOf(action)
  return { needs: t?.needs ?? [], may: t?.may ?? [] }
}

/** The same checks the server makes, in the same words, before anything is sent. */
export function checkDraft(action: ActionName, issue: Issue, d: ActionDraft, today: string): ActionErrors {
  const { needs } = fieldsOf(action)
  const e: ActionErrors = {}
  if (needs.includes('unitId') && !d.unitId) e.unitId = '请选择责任单位'
  if (needs.includes('requirement') && !d.requirement.trim()) e.requirement = '请填写整改要求'
  if (needs.includes('deadline')) {
    const min = minDeadline(action, issue, today)
    if (!d.deadline) e.deadline = '请选择整改时限'
    else if (d.deadline < min) e.deadline = action === 'extend' && issue.deadline ? `新的整改时限应晚于原时限 ${issue.deadline}` : '整改时限不能早于今天'
  }
  if (needs.includes('note') && !d.note.trim()) e.note = `请填写${NOTE_PROMPTS[action]}`
  return e
}

/** The request body: only the fields this action takes, empty optional ones left out. */
export function bodyOf(action: ActionName, issue: Issue, d: ActionDraft): ActionBody {
  const { needs, may } = fieldsOf(action)
  const takes = (f: ActionField) => needs.includes(f) || may.includes(f)
  const body: ActionBody = { action, version: issue.version }
  if (takes('note') && d.note.trim()) body.note = d.note.trim()
  if (takes('unitId') && d.unitId) body.unitId = d.unitId
  if (takes('requirement') && d.requirement.trim()) body.requirement = d.requirement.trim()
  if (takes('deadline') && d.deadline) body.deadline = d.deadline
  if (takes('progress')) body.progress = d.progress
  return body
}

export function submitLabel(action: ActionName): string {
  return action === 'comment' ? '添加备注' : `确认${actionLabel(action)}`
}

interface ActionFormProps {
  action: ActionName
  issue: Issue
  today: string
  draft: ActionDraft
  onDraft: (d: ActionDraft) => void
  errors: ActionErrors
  busy: boolean
  units: { list: Unit[]; state: 'loading' | 'ready' | 'failed'; retry: () => void }
  onSubmit: () => void
  onCancel: () => void
  /** More fields just above the buttons: the photos of the step. */
  extra?: ComponentChildren
}

export function ActionForm({ action, issue, today, draft, onDraft, errors, busy, units, onSubmit, onCancel, extra }: ActionFormProps) {
  const { needs, may } = fieldsOf(action)
  const shows = (f: ActionField) => needs.includes(f) || may.includes(f)
  const set = <K extends keyof ActionDraft>(key: K, value: ActionDraft[K]) => onDraft({ ...draft, [key]: value })
  const id = (f: string) => `${action}-${f}`
  return (
    <form
      class="action-form"
      aria-label={actionLabel(action)}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <p class="action-form-title">{actionLabel(action)}</p>
      {shows('unitId') && (
        <>
          <SelectField
            id={id('unitId')}
            label="责任单位"
            value={draft.unitId}
            onChange={(v) => set('unitId', v)}
            placeholder={units.state === 'loading' ? '正在加载单位…' : '请选择责任单位'}
            options={units.list.map((u) => ({ value: u.id, label: u.name }))}
            error={errors.unitId}
            hint={units.state === 'ready' && units.list.length === 0 ? '本县（市、区）还没有责任单位，请先在“责任单位”中添加。' : undefined}
          />
          {units.state === 'failed' && (
            <Alert tone="error">
              责任单位加载失败。
              <button type="button" class="link-button" onClick={units.retry}>
                重试
              </button>
            </Alert>
          )}
        </>
      )}
      {shows('requirement') && (
        <TextArea
          id={id('requirement')}
          label={action === 'press' ? '新的整改要求' : '整改要求'}
          aside={needs.includes('requirement') ? undefined : '选填'}
          value={draft.requirement}
          onInput={(v) => set('requirement', v)}
          error={errors.requirement}
          maxLength={MAX_CHARS.text}
          rows={3}
        />
      )}
      {shows('deadline') && (
        <TextField
          id={id('deadline')}
          label={action === 'extend' ? '新的整改时限' : '整改时限'}
          type="date"
          value={draft.deadline}
          min={minDeadline(action, issue, today)}
          onInput={(v) => set('deadline', v)}
          error={errors.deadline}
          hint={action === 'extend' && issue.deadline ? `原时限 ${issue.deadline}` : undefined}
        />
      )}
      {action === 'assign' && (
        <div class="deadline-choices" role="group" aria-label="常用时限">
          {DEADLINE_CHOICES.map((days) => (
            <button key={days} type="button" class="btn btn-secondary btn-small" aria-pressed={draft.deadline === addDays(today, days) ? 'true' : 'false'} onClick={() => set('deadline', addDays(today, days))}>
              {days} 天
            </button>
          ))}
        </div>
      )}
      {shows('progress') && <ProgressInput id={id('progress')} label="整改进度（%）" value={draft.progress} onChange={(v) => set('progress', v)} error={errors.progress} />}
      {shows('note') && (
        <TextArea
          id={id('note')}
          label={NOTE_PROMPTS[action]}
          aside={needs.includes('note') ? undefined : '选填'}
          value={draft.note}
          onInput={(v) => set('note', v)}
          error={errors.note}
          maxLength={MAX_CHARS.text}
          rows={3}
        />
      )}
      {needs.length === 0 && !shows('note') && <p class="muted">确认后问题状态将随之变更。</p>}
      {extra}
      <FormActions variant={action === 'reject' || action === 'decline' || action === 'return' ? 'danger' : 'primary'} busy={busy} busyLabel="正在提交…" onCancel={onCancel}>
        {submitLabel(action)}
      </FormActions>
    </form>
  )
}
