// Sending a phone form that must never file twice: one client id per record, made at the first
// attempt; the record goes into the outbox (IndexedDB) with that id before it is sent, so no
// signal means "stored, and sent by itself later" rather than a lost report. The server's field
// messages land under their fields, and a 409 says it may already be in.
import { useEffect, useRef, useState } from 'preact/hooks'
import { asApiError } from './api'
import { focusFirstError } from './components/text-field'
import type { Saved } from './draft-store'
import { newId } from './new-id'
import { FULL_MESSAGE, isQuotaError, type ItemKind } from './outbox/db'
import type { NewPhoto } from './outbox/photos'

// Loaded when needed (a submit, an item to edit), not before the form can be typed into.
const outbox = () => import('./outbox/outbox')
import { useSearch } from './router'

/** What stopped a send: refused content ('error') or an id already taken ('conflict'). No signal is no failure: the record waits in the outbox. */
export type Failure = { kind: 'error' | 'conflict'; message: string } | null

/** A draft to start the form from, with the server's refusal when it comes from the outbox. */
export type Restored<D> = Saved<D> & { fields?: Record<string, string>; message?: string; status?: number }

/** The form's saved draft (or, with ?outbox=<id>, a refused outbox item); undefined while loading. */
export function useRestored<D>(userId: string, load: (userId: string) => Promise<Saved<D> | null>): Restored<D> | null | undefined {
  const outboxId = new URLSearchParams(useSearch()).get('outbox')
  const [restored, setRestored] = useState<Restored<D> | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    const loading: Promise<Restored<D> | null> = outboxId
      ? outbox().then((m) => m.getItem(userId, outboxId)).then((i) => (i ? { userId, draft: i.draft as D, id: i.id, fields: i.fields, message: i.message, status: i.status } : null))
      : load(userId)
    loading.then(
      (r) => live && setRestored(r),
      () => live && setRestored(null),
    )
    return () => {
      live = false
    }
  }, [userId, outboxId])
  return restored
}

interface SubmitOptions<D, F, R> {
  userId: string
  draft: D
  /** The id kept with a restored draft (a send that got no answer), else null. */
  savedId: string | null
  store: (saved: Saved<D> | null, userId?: string) => void
  /** The form's own checks, before anything is sent. */
  check: () => F
  /** Field keys in screen order, for focusing the first one flagged. */
  order: string[]
  /** What goes into the outbox: the POST path under /api/v1, its body, a title for the list, its photos. */
  request: (id: string) => { kind: ItemKind; path: string; body: Record<string, unknown>; title: string; photos?: NewPhoto[] }
  /** The message for a failure that is not an ApiError. */
  fallback: string
  /** The server's field messages under the form's keys (default: as they come). */
  serverFields?: (fields: Record<string, string>) => F
}

export function useSubmit<D, F extends Record<string, string | undefined>, R>(o: SubmitOptions<D, F, R>) {
  const [fields, setFields] = useState<F>({} as F)
  const [failure, setFailure] = useState<Failure>(null)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<{ result: R; again: boolean } | null>(null)
  /** Stored in the outbox; it goes by itself when the signal (or the session) is back. */
  const [queued, setQueued] = useState(false)
  // One id per record being filed: made at the first attempt, kept for every retry, dropped on success.
  const clientId = useRef<string | null>(o.savedId)
  useEffect(() => {
    if (!sent && !queued) o.store({ userId: o.userId, draft: o.draft, id: clientId.current })
  }, [o.draft, sent, queued, o.userId])

  function refused(status: number, message: string, serverFields: Record<string, string>) {
    if (status === 409) return setFailure({ kind: 'conflict', message })
    const server = o.serverFields ? o.serverFields(serverFields) : (serverFields as F)
    setFields(server)
    if (!o.order.some((k) => server[k])) setFailure({ kind: 'error', message })
    focusFirstError(server, o.order)
  }

  async function submit(event?: Event) {
    event?.preventDefault()
    if (busy) return
    const problems = o.check()
    setFields(problems)
    if (Object.values(problems).some(Boolean)) {
      setFailure(null)
      return focusFirstError(problems, o.order)
    }
    const again = clientId.current !== null
    clientId.current ??= newId()
    const id = clientId.current
    o.store({ userId: o.userId, draft: o.draft, id })
    setBusy(true)
    setFailure(null)
    try {
      const done = await (await outbox()).submit({ id, userId: o.userId, draft: o.draft, ...o.request(id) })
      if (done.outcome === 'rejected') return refused(done.item.status ?? 400, done.item.message ?? o.fallback, done.item.fields ?? {})
      clientId.current = null
      o.store(null, o.userId)
      if (done.outcome === 'sent') setSent({ result: done.result as R, again })
      else setQueued(true)
      window.scrollTo(0, 0)
    } catch (e) {
      setFailure({ kind: 'error', message: isQuotaError(e) ? FULL_MESSAGE : asApiError(e, o.fallback).message })
    } finally {
      setBusy(false)
    }
  }

  return {
    fields,
    setFields,
    failure,
    busy,
    sent,
    queued,
    submit,
    /** A refused outbox item opened for editing: its messages under its fields. */
    showRefusal: refused,
    /** After a 409: send it again as a new record, under a new id. */
    submitAsNew() {
      const taken = clientId.current
      clientId.current = null
      if (taken) void outbox().then((m) => m.remove(o.userId, taken))
      void submit()
    },
    /** Back to an empty form after a send (the caller resets the draft). */
    reset() {
      // A refused record left in the outbox stays there (需修改); the next one gets its own id.
      clientId.current = null
      setSent(null)
      setQueued(false)
      setFields({} as F)
      setFailure(null)
    },
  }
}
