// 修改履职记录 (/activities/:id/edit): the deputy fixes a returned (or not yet reviewed) record in
// the same form and resubmits it (PUT with its version). A stale version shows the latest state and
// keeps what was typed; a record confirmed meanwhile can no longer change.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { activitiesApi, type Activity } from '../activities-api'
import { check, contentOf, fieldOrder, fromActivity, type Draft, type Fields } from '../activity-draft'
import { ApiError, asApiError, NETWORK_ERROR } from '../api'
import { ReviewNote } from '../components/activity-card'
import { ActivityForm } from '../components/activity-form'
import { ActivityStatusBadge } from '../components/activity-status'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { Photo } from '../photos/lazy'
import { EmptyState, LoadError } from '../components/states'
import { focusFirstError } from '../components/text-field'
import { newId } from '../issues-api'
import { FULL_MESSAGE, isQuotaError } from '../outbox/db'
import type { PickedPhoto } from '../photos/picked'
import { navigate, usePath } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Load = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready' }
type Notice = { tone: 'warning' | 'error'; text: string } | null
const BACK = { href: '/activities/mine', label: '我的履职' }

export default function ActivityEditPage() {
  useTitle('修改履职记录')
  const user = useUser()
  const session = useSession()
  const id = decodeURIComponent(usePath().split('/')[2] ?? '')
  const today = todayInShanghai()
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [activity, setActivity] = useState<Activity | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [fields, setFields] = useState<Fields>({})
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)
  // Photos added now go up after the record is saved, through the outbox (stored on the phone first).
  const [photos, setPhotos] = useState<PickedPhoto[]>([])

  const fetchActivity = useCallback(async () => {
    setLoad({ state: 'loading' })
    try {
      const a = await activitiesApi.get(id)
      setActivity(a)
      setDraft(fromActivity(a))
      setLoad({ state: 'ready' })
    } catch (e) {
      setLoad({ state: 'failed', error: asApiError(e, '加载失败，请稍后重试') })
    }
  }, [id])
  useEffect(() => void fetchActivity(), [fetchActivity])

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => d && { ...d, [key]: value })
    setFields((f) => {
      const stale = Object.keys(f).filter((k) => f[k] && (k === key || k.startsWith(`${key}.`)))
      if (stale.length === 0) return f
      const next = { ...f }
      for (const k of stale) next[k] = undefined
      return next
    })
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (busy || !draft || !activity) return
    const problems = check(draft, today, false)
    setFields(problems)
    setNotice(null)
    if (Object.values(problems).some(Boolean)) return focusFirstError(problems, fieldOrder(draft))
    setBusy(true)
    try {
      const updated = await activitiesApi.update(activity.id, { ...contentOf(draft), version: activity.version })
      let photoNote = ''
      if (photos.length > 0) {
        try {
          const outbox = await import('../outbox/outbox')
          await outbox.enqueuePhotos(user.id, newId(), `履职记录的照片：${updated.title}`, `activityId=${encodeURIComponent(updated.id)}`, photos)
          photoNote = `${photos.length} 张照片正在上传，可在“待发送”查看。`
        } catch (e) {
          photoNote = isQuotaError(e) ? `照片未能保存：${FULL_MESSAGE}` : '照片未能保存在本机，请再次修改时重新添加。'
        }
      }
      session.setNotice({ tone: 'success', text: `已重新提交“${updated.title}”，等待审核。${photoNote}`, path: '/activities/mine' })
      navigate('/activities/mine')
    } catch (e) {
      const err = asApiError(e, '提交失败，请稍后重试')
      if (err.status === 409 && err.current && typeof err.current === 'object') {
        const current = err.current as Activity
        setActivity(current)
        setNotice({
          tone: 'warning',
          text:
            current.status === 'confirmed'
              ? '这条记录已审核确认，不能再修改。'
              : '这条记录已被更新（可能已审核），上方是最新状态。您填写的内容仍保留，核对后可再次提交。',
        })
      } else if (err.code === NETWORK_ERROR) {
        setNotice({ tone: 'error', text: `${err.message}。填写的内容仍在，请在网络恢复后再次提交。` })
      } else {
        setFields(err.fields)
        const order = fieldOrder(draft)
        if (!order.some((k) => err.fields[k])) setNotice({ tone: 'error', text: err.message })
        focusFirstError(err.fields, order)
      }
    } finally {
      setBusy(false)
    }
  }

  if (load.state === 'loading') {
    return (
      <AppShell>
        <Loading label="正在加载履职记录…" />
      </AppShell>
    )
  }
  if (load.state === 'failed' || !activity || !draft) {
    const missing = load.state === 'failed' && load.error.status === 404
    return (
      <AppShell>
        <PageHeader title="修改履职记录" back={BACK} />
        {missing ? (
          <EmptyState title="没有找到这条记录" text="记录不存在，或不在您的查看范围内。" />
        ) : (
          <LoadError message={load.state === 'failed' ? load.error.message : '加载失败'} onRetry={() => void fetchActivity()} />
        )}
      </AppShell>
    )
  }
  if (activity.deputyId !== user.id || (activity.status === 'confirmed' && !notice)) {
    return (
      <AppShell>
        <PageHeader title="修改履职记录" back={BACK} />
        <EmptyState
          title={activity.deputyId !== user.id ? '只有代表本人可以修改履职记录' : '这条记录已审核确认'}
          text={activity.deputyId !== user.id ? '如需更正，请联系代表本人或将其退回。' : '已确认的记录计入统计，不能再修改。'}
        >
          <ButtonLink href={`/activities/${activity.id}`} variant="primary">
            查看记录
          </ButtonLink>
        </EmptyState>
      </AppShell>
    )
  }

  const locked = activity.status === 'confirmed'
  return (
    <AppShell>
      <div class="page-form">
        <PageHeader title="修改履职记录" back={BACK} note={<ActivityStatusBadge status={activity.status} />} />
        {activity.status === 'returned' && activity.reviewNote && <ReviewNote note={activity.reviewNote} label="退回原因（请按此修改）" />}
        {notice && (
          <Alert tone={notice.tone} onClose={() => setNotice(null)}>
            {notice.text}
            {notice.tone === 'warning' && !locked && (
              <button type="button" class="link-button" onClick={() => setDraft(fromActivity(activity))}>
                改用最新内容
              </button>
            )}
          </Alert>
        )}
        {locked ? (
          <ButtonLink href={`/activities/${activity.id}`} variant="primary">
            查看记录
          </ButtonLink>
        ) : (
          <ActivityForm
            draft={draft}
            set={set}
            errors={fields}
            today={today}
            notices={<Photo part="PhotoField" photos={photos} onChange={setPhotos} already={activity.photos.length} label="补充活动照片" disabled={busy} />}
            busy={busy}
            submitLabel="重新提交"
            busyLabel="正在提交…"
            onSubmit={(e) => void submit(e)}
            actions={
              <Button variant="secondary" onClick={() => navigate(BACK.href)} disabled={busy}>
                取消
              </Button>
            }
          />
        )}
      </div>
    </AppShell>
  )
}
