// 记录履职 (/activities/new): a deputy records one activity from a phone; staff record for a
// deputy they pick. A failed send keeps what was typed (also over a reload) and the retry reuses
// the same client id, so the activity is never recorded twice.
import { useEffect, useRef, useState } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { activitiesApi, type Activity } from '../activities-api'
import { check, contentOf, fieldOrder, fresh, isBlank, loadSaved, store, type Draft, type Fields } from '../activity-draft'
import { ApiError, NETWORK_ERROR } from '../api'
import { ActivityForm } from '../components/activity-form'
import { DeputyPicker } from '../components/activity-deputy-picker'
import { ActivitySent } from '../components/activity-sent'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { PageHeader } from '../components/page-header'
import { NotForRole } from '../components/states'
import { focusFirstError } from '../components/text-field'
import { newId } from '../issues-api'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Failure = { kind: 'network' | 'error' | 'conflict'; message: string } | null

export default function ActivityNewPage() {
  const user = useUser()
  const { reference } = useSession()
  const staff = user.role === 'county_staff' || user.role === 'city_staff'
  useTitle(staff ? '代记履职' : '记录履职')
  const today = todayInShanghai()
  const [saved] = useState(() => loadSaved(user.id))
  const [draft, setDraft] = useState<Draft>(() => ({ ...fresh(today), ...saved?.draft }))
  const [restored, setRestored] = useState(!!saved && !isBlank(saved.draft))
  const [fields, setFields] = useState<Fields>({})
  const [failure, setFailure] = useState<Failure>(null)
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<{ activity: Activity; again: boolean } | null>(null)
  // One id per activity being recorded: made at the first attempt, kept for every retry.
  const clientId = useRef<string | null>(saved?.id ?? null)
  const retried = useRef(false)
  useEffect(() => {
    if (!sent) store({ userId: user.id, draft, id: clientId.current })
  }, [draft, sent, user.id])

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [key]: value }))
    // A changed field drops its own message (and, for lists, those of its rows).
    setFields((f) => {
      const name = key === 'deputy' ? 'deputyId' : key
      const stale = Object.keys(f).filter((k) => f[k] && (k === name || k.startsWith(`${name}.`)))
      if (stale.length === 0) return f
      const next = { ...f }
      for (const k of stale) next[k] = undefined
      return next
    })
  }

  async function submit(event?: Event) {
    event?.preventDefault()
    if (busy) return
    const problems = check(draft, today, staff)
    setFields(problems)
    if (Object.values(problems).some(Boolean)) {
      setFailure(null)
      return focusFirstError(problems, fieldOrder(draft))
    }
    clientId.current ??= newId()
    store({ userId: user.id, draft, id: clientId.current })
    setBusy(true)
    setFailure(null)
    try {
      const activity = await activitiesApi.create({ id: clientId.current, ...(staff && draft.deputy ? { deputyId: draft.deputy.id } : {}), ...contentOf(draft) })
      clientId.current = null
      store(null)
      setSent({ activity, again: retried.current })
      retried.current = false
      window.scrollTo(0, 0)
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'unknown', '提交失败，请稍后重试')
      if (err.code === NETWORK_ERROR) {
        retried.current = true
        setFailure({ kind: 'network', message: err.message })
      } else if (err.status === 409) {
        setFailure({ kind: 'conflict', message: err.message })
      } else {
        setFields(err.fields)
        const order = fieldOrder(draft)
        if (!order.some((k) => err.fields[k])) setFailure({ kind: 'error', message: err.message })
        focusFirstError(err.fields, order)
      }
    } finally {
      setBusy(false)
    }
  }

  function another() {
    setRestored(false)
    setDraft((d) => fresh(today, d))
    setSent(null)
    setFields({})
    setFailure(null)
    window.scrollTo(0, 0)
  }

  if (user.role === 'unit') {
    return (
      <AppShell>
        <NotForRole />
      </AppShell>
    )
  }
  if (sent) {
    return (
      <AppShell>
        <div class="page-form">
          <ActivitySent activity={sent.activity} forDeputy={staff} again={sent.again} onAnother={another} />
        </div>
      </AppShell>
    )
  }

  const back = staff ? { href: '/activities/review', label: '履职审核' } : { href: '/', label: '首页' }
  return (
    <AppShell>
      <div class="page-form">
        <PageHeader title={staff ? '代记履职' : '记录履职'} back={back} note={staff ? '为本地代表登记其履职活动' : '一次走访、一项活动记一条，审核确认后计入年度履职'} />
        {restored && (
          <Alert tone="info" onClose={() => setRestored(false)}>
            已恢复您上次未提交的内容。
            <button type="button" class="link-button" onClick={another}>
              清空重填
            </button>
          </Alert>
        )}
        <ActivityForm
          draft={draft}
          set={set}
          errors={fields}
          today={today}
          top={staff && <DeputyPicker value={draft.deputy} onChange={(d) => set('deputy', d)} error={fields.deputyId} reference={reference} showCounty={user.role === 'city_staff'} />}
          busy={busy}
          submitLabel={failure?.kind === 'network' ? '重新提交' : '提交'}
          busyLabel="正在提交…"
          onSubmit={(e) => void submit(e)}
          notices={
            <>
              {failure?.kind === 'network' && (
                <Alert tone="error" title="没有提交成功">
                  {failure.message}。填写的内容仍在，请在网络恢复后点“重新提交”，不会重复登记。
                </Alert>
              )}
              {failure?.kind === 'error' && <Alert tone="error">{failure.message}</Alert>}
              {failure?.kind === 'conflict' && (
                <Alert tone="warning" title="这条记录可能已经提交">
                  {failure.message} 请先到“我的履职”中查看；如确需作为新记录提交，请点“作为新记录提交”。
                </Alert>
              )}
            </>
          }
          actions={
            failure?.kind === 'conflict' && (
              <>
                <Button
                  variant="secondary"
                  onClick={() => {
                    clientId.current = null
                    void submit()
                  }}
                >
                  作为新记录提交
                </Button>
                <ButtonLink href={staff ? '/activities' : '/activities/mine'}>查看记录</ButtonLink>
              </>
            )
          }
        />
      </div>
    </AppShell>
  )
}
