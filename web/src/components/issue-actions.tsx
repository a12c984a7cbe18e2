// 办理: the actions this person may take on this issue now, straight from the workflow table the
// server enforces (availableActions(actorFor(user, issue), status)); each opens its small form.
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { actionLabel } from '../issue-format'
import { unitsApi, type ActionBody, type ActionName, type Issue, type Unit } from '../issues-api'
import type { PickedPhoto } from '../photos/picked'
import { ActionForm, bodyOf, checkDraft, initialDraft, type ActionDraft, type ActionErrors } from './action-form'
import { Photo } from '../photos/lazy'

/** How an attempt ended, as the page saw it; the page shows its own notices. */
export type ActOutcome = 'done' | 'stale' | 'failed' | { fields: Record<string, string> }

interface IssueActionsProps {
  issue: Issue
  actions: ActionName[]
  today: string
  /** With the photos picked for the step, which go up after the action through the outbox. */
  onAct: (body: ActionBody, photos: PickedPhoto[]) => Promise<ActOutcome>
  /** Notices of the last attempt (success, conflict, error), shown above the buttons. */
  notices?: ComponentChildren
}

const WEIGHTY: ActionName[] = ['reject', 'decline', 'return']
/** The steps that take photos (api.md "Photos"): the unit's reports, staff's verification or return. */
const PHOTO_STEPS: ActionName[] = ['progress', 'complete', 'verify', 'return']
const PHOTO_LABELS: Partial<Record<ActionName, string>> = { progress: '整改现场照片', complete: '整改后照片', verify: '验收照片', return: '现场照片' }

/** The step that moves the issue on, drawn as the primary button (none while staff only supervise). */
function primaryOf(actions: ActionName[], issue: Issue): ActionName | undefined {
  return actions.find((a) => a === 'accept' || a === 'progress' || a === 'verify' || (a === 'assign' && issue.status === 'reported'))
}

function labelFor(action: ActionName, issue: Issue): string {
  return action === 'assign' && issue.unitId ? '重新交办' : actionLabel(action)
}

/** The county's units, fetched when the assign form first opens. */
function useCountyUnits(countyCode: string, wanted: boolean) {
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  const [list, setList] = useState<Unit[]>([])
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!wanted) return
    let live = true
    setState('loading')
    unitsApi.list(countyCode).then(
      (units) => {
        if (!live) return
        setList(units)
        setState('ready')
      },
      () => live && setState('failed'),
    )
    return () => {
      live = false
    }
  }, [countyCode, wanted, attempt])
  return { list, state, retry: () => setAttempt((n) => n + 1) }
}

export function IssueActions({ issue, actions, today, onAct, notices }: IssueActionsProps) {
  const [open, setOpen] = useState<ActionName | null>(null)
  const [drafts, setDrafts] = useState<Partial<Record<ActionName, ActionDraft>>>({})
  const [photos, setPhotos] = useState<Partial<Record<ActionName, PickedPhoto[]>>>({})
  const [errors, setErrors] = useState<ActionErrors>({})
  const [busy, setBusy] = useState(false)
  const [assignOpened, setAssignOpened] = useState(false)
  const units = useCountyUnits(issue.countyCode, assignOpened)

  // A form for an action that is no longer allowed (the issue moved on) closes by itself.
  useEffect(() => {
    if (open && !actions.includes(open)) setOpen(null)
  }, [actions, open])

  function toggle(action: ActionName) {
    setErrors({})
    if (open === action) return setOpen(null)
    if (action === 'assign') setAssignOpened(true)
    setDrafts((d) => (d[action] ? d : { ...d, [action]: initialDraft(action, issue, today) }))
    setOpen(action)
  }

  async function submit(action: ActionName) {
    const draft = drafts[action] ?? initialDraft(action, issue, today)
    const problems = checkDraft(action, issue, draft, today)
    setErrors(problems)
    if (Object.keys(problems).length) {
      const first = Object.keys(problems)[0]
      document.getElementById(`${action}-${first}`)?.focus()
      return
    }
    setBusy(true)
    const outcome = await onAct(bodyOf(action, issue, draft), photos[action] ?? [])
    setBusy(false)
    if (outcome === 'done') {
      setDrafts((d) => ({ ...d, [action]: undefined }))
      setPhotos((p) => ({ ...p, [action]: undefined }))
      setOpen(null)
    } else if (outcome === 'stale') {
      // What was typed is kept: the person may still want it once they have read the update.
      setOpen(null)
    } else if (typeof outcome === 'object') {
      setErrors(outcome.fields)
    }
  }

  if (actions.length === 0) {
    return notices ? <section class="card actions-card">{notices}</section> : null
  }
  const primary = primaryOf(actions, issue)
  return (
    <section class="card actions-card" aria-labelledby="actions-heading">
      <h2 id="actions-heading" class="card-title">
        {actions.length === 1 && actions[0] === 'comment' ? '补充说明' : '办理'}
      </h2>
      {notices}
      <div class="action-buttons">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            class={`btn ${open === action ? 'btn-selected' : action === primary ? 'btn-primary' : WEIGHTY.includes(action) ? 'btn-danger' : 'btn-secondary'}`}
            aria-expanded={open === action ? 'true' : 'false'}
            onClick={() => toggle(action)}
          >
            {labelFor(action, issue)}
          </button>
        ))}
      </div>
      {open && (
        <ActionForm
          action={open}
          issue={issue}
          today={today}
          draft={drafts[open] ?? initialDraft(open, issue, today)}
          onDraft={(d) => setDrafts((all) => ({ ...all, [open]: d }))}
          errors={errors}
          busy={busy}
          units={units}
          onSubmit={() => void submit(open)}
          onCancel={() => setOpen(null)}
          extra={
            PHOTO_STEPS.includes(open) && (
              <Photo part="PhotoField" key={open} photos={photos[open] ?? []} onChange={(list) => setPhotos((p) => ({ ...p, [open]: list }))} label={PHOTO_LABELS[open]} disabled={busy} />
            )
          }
        />
      )}
    </section>
  )
}
