// Sending a phone form that must never file twice: one client id per record, made at the first
// attempt and kept with the draft for every retry; a lost answer offers the retry, a 409 says it
// may already be in, and the server's field messages land under their fields.
import { useEffect, useRef, useState } from 'preact/hooks'
import { asApiError, NETWORK_ERROR } from './api'
import { focusFirstError } from './components/text-field'
import type { Saved } from './draft-store'
import { newId } from './issues-api'

export type Failure = { kind: 'network' | 'error' | 'conflict'; message: string } | null

interface SubmitOptions<D, F, R> {
  userId: string
  draft: D
  /** The id kept with a restored draft (a send that got no answer), else null. */
  savedId: string | null
  store: (saved: Saved<D> | null) => void
  /** The form's own checks, before anything is sent. */
  check: () => F
  /** Field keys in screen order, for focusing the first one flagged. */
  order: string[]
  send: (id: string) => Promise<R>
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
  // One id per record being filed: made at the first attempt, kept for every retry, dropped on success.
  const clientId = useRef<string | null>(o.savedId)
  const retried = useRef(false)
  useEffect(() => {
    if (!sent) o.store({ userId: o.userId, draft: o.draft, id: clientId.current })
  }, [o.draft, sent, o.userId])

  async function submit(event?: Event) {
    event?.preventDefault()
    if (busy) return
    const problems = o.check()
    setFields(problems)
    if (Object.values(problems).some(Boolean)) {
      setFailure(null)
      return focusFirstError(problems, o.order)
    }
    clientId.current ??= newId()
    o.store({ userId: o.userId, draft: o.draft, id: clientId.current })
    setBusy(true)
    setFailure(null)
    try {
      const result = await o.send(clientId.current)
      clientId.current = null
      o.store(null)
      setSent({ result, again: retried.current })
      retried.current = false
      window.scrollTo(0, 0)
    } catch (e) {
      const err = asApiError(e, o.fallback)
      if (err.code === NETWORK_ERROR) {
        retried.current = true
        setFailure({ kind: 'network', message: err.message })
      } else if (err.status === 409) {
        setFailure({ kind: 'conflict', message: err.message })
      } else {
        const server = o.serverFields ? o.serverFields(err.fields) : (err.fields as F)
        setFields(server)
        if (!o.order.some((k) => server[k])) setFailure({ kind: 'error', message: err.message })
        focusFirstError(server, o.order)
      }
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
    submit,
    /** After a 409: send it again as a new record, under a new id. */
    submitAsNew() {
      clientId.current = null
      void submit()
    },
    /** Back to an empty form after a send (the caller resets the draft). */
    reset() {
      setSent(null)
      setFields({} as F)
      setFailure(null)
    },
  }
}
