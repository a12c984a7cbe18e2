// 问题详情 (/issues/:id) for every role: the issue, its rectification, the actions this person may
// take now, and the full timeline. A stale version (409) shows the latest state instead of failing.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { actorFor, availableActions } from '../../../worker/core/workflow'
import { ApiError, asApiError } from '../api'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { IssueActions, type ActOutcome } from '../components/issue-actions'
import { DeclinedNotice, IssueAssignment, IssueFacts } from '../components/issue-facts'
import { IssueTimeline } from '../components/issue-timeline'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { EmptyState, LoadError } from '../components/states'
import { LightBadge, PressBadge, StatusBadge } from '../components/status-badge'
import { Photo } from '../photos/lazy'
import { actionLabel, homeListOf, isStaffRole, kindLabel } from '../issue-format'
import { issuesApi, newId, type ActionBody, type ActionName, type Issue, type IssueEvent } from '../issues-api'
import { FULL_MESSAGE, isQuotaError } from '../outbox/db'
import type { PickedPhoto } from '../photos/picked'
import { navigate, usePath } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'

const DONE: Record<ActionName, string> = {
  assign: '已交办，责任单位将收到整改任务。',
  reject: '已作不予受理处理。',
  accept: '已接收，请按要求整改并及时报告进展。',
  decline: '已退办。',
  progress: '整改进展已报告。',
  complete: '已报告整改完成，等待人大机关验收。',
  verify: '已验收销号。',
  return: '已退回重改。',
  extend: '整改时限已延期。',
  comment: '备注已添加。',
  press: '已督办，责任单位将在待办中看到。',
}
const STALE = '该问题已被他人更新，以下是最新情况，请确认后再操作'

type Load = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready' }
type Notice = { tone: 'success' | 'warning' | 'error'; text: string } | null

export default function IssueDetailPage() {
  const user = useUser()
  const session = useSession()
  const id = decodeURIComponent(usePath().split('/')[2] ?? '')
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [issue, setIssue] = useState<Issue | null>(null)
  const [events, setEvents] = useState<IssueEvent[]>([])
  const [timelineError, setTimelineError] = useState('')
  const [notice, setNotice] = useState<Notice>(null)
  // The outbox item of the photos of the last action, followed until they are all in.
  const [uploading, setUploading] = useState<string | null>(null)
  useTitle(issue?.title ?? '问题详情')
  const today = todayInShanghai()
  const back = homeListOf(user.role)

  /** Loads the issue and its timeline; after an action only the timeline may fail to follow. */
  const fetchDetail = useCallback(
    async (first: boolean) => {
      if (first) setLoad({ state: 'loading' })
      try {
        const detail = await issuesApi.get(id)
        setIssue(detail.issue)
        setEvents(detail.events)
        setTimelineError('')
        setLoad({ state: 'ready' })
      } catch (e) {
        const error = asApiError(e, '加载失败，请稍后重试')
        if (first) setLoad({ state: 'failed', error })
        else setTimelineError(error.message)
      }
    },
    [id],
  )
  useEffect(() => {
    setNotice(null)
    void fetchDetail(true)
  }, [fetchDetail])

  /**
   * The action's photos go up after it, with the event id its answer gives, through the outbox:
   * stored on the phone first, so that a signal dropped now loses none of them.
   */
  async function queuePhotos(action: ActionName, eventId: string, photos: PickedPhoto[]): Promise<void> {
    if (!issue || photos.length === 0) return
    try {
      const outbox = await import('../outbox/outbox')
      const target = `issueId=${encodeURIComponent(issue.id)}&eventId=${encodeURIComponent(eventId)}`
      setUploading(await outbox.enqueuePhotos(user.id, newId(), `${actionLabel(action)}的照片：${issue.title}`, target, photos))
    } catch (e) {
      setNotice({ tone: 'error', text: isQuotaError(e) ? `照片未能保存：${FULL_MESSAGE}` : '照片未能保存在本机，请重新选择后在本步骤下补传。' })
    }
  }

  async function act(body: ActionBody, photos: PickedPhoto[] = []): Promise<ActOutcome> {
    if (!issue) return 'failed'
    setNotice(null)
    try {
      const updated = await issuesApi.act(issue.id, body)
      await queuePhotos(body.action, updated.eventId, photos)
      // A unit that declines hands the issue back and can no longer see it.
      if (user.role === 'unit' && updated.unitId === null) {
        session.setNotice({ tone: 'success', text: `已退办：${updated.title}`, path: '/issues/todo' })
        navigate('/issues/todo')
        return 'done'
      }
      setIssue(updated)
      setNotice({ tone: 'success', text: DONE[body.action] })
      void fetchDetail(false)
      return 'done'
    } catch (e) {
      const err = asApiError(e, '提交失败，请稍后重试')
      if (err.status === 409 && err.current && typeof err.current === 'object') {
        setIssue(err.current as Issue)
        setNotice({ tone: 'warning', text: STALE })
        void fetchDetail(false)
        return 'stale'
      }
      if (err.status === 400 && Object.keys(err.fields).length > 0) return { fields: err.fields }
      setNotice({ tone: 'error', text: err.status === 404 ? '该问题已不在您的办理范围内（可能已改派或退办），请返回列表查看。' : err.message })
      return 'failed'
    }
  }

  if (load.state === 'loading') {
    return (
      <AppShell>
        <Loading label="正在加载问题…" />
      </AppShell>
    )
  }
  if (load.state === 'failed' || !issue) {
    const missing = load.state === 'failed' && load.error.status === 404
    return (
      <AppShell>
        <PageHeader title="问题详情" back={back} />
        {missing ? (
          <EmptyState title="没有找到这个问题" text="问题不存在，或不在您的查看范围内。">
            <ButtonLink href={back.href} variant="primary">{`返回${back.label}`}</ButtonLink>
          </EmptyState>
        ) : (
          <LoadError message={load.state === 'failed' ? load.error.message : '加载失败'} onRetry={() => void fetchDetail(true)} />
        )}
      </AppShell>
    )
  }

  // The unit by its id (GET /me), as the server decides: a name can change or recur in another county.
  const actions = availableActions(actorFor(user, issue), issue.status)
  const notices = (notice || uploading) && (
    <>
      {notice && (
        <Alert tone={notice.tone} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {uploading && <Photo part="PhotoUploads" userId={user.id} itemId={uploading} onDone={() => void fetchDetail(false)} />}
    </>
  )

  return (
    <AppShell>
      <div class="detail">
        <PageHeader
          title={issue.title}
          back={back}
          note={
            <span class="detail-badges">
              <StatusBadge status={issue.status} />
              <LightBadge light={issue.light} />
              {issue.declinedNote && issue.status === 'reported' && <span class="status status-declined">已退办</span>}
              <PressBadge count={issue.pressCount} />
              {issue.kind === 'suggestion' && <span class="badge">{kindLabel(issue.kind)}</span>}
              {issue.number && <span class="issue-number">{issue.number}</span>}
            </span>
          }
        />
        <DeclinedNotice issue={issue} staff={isStaffRole(user.role)} />
        <div class="detail-grid">
          <div class="detail-facts">
            <IssueFacts issue={issue} reference={session.reference} />
          </div>
          <aside class="detail-side" aria-label="整改与办理">
            <IssueAssignment issue={issue} today={today} staff={isStaffRole(user.role)} />
            <IssueActions issue={issue} actions={actions} today={today} onAct={act} notices={notices} />
          </aside>
          {issue.status === 'closed' && <Photo part="PhotoCompare" events={events} />}
          <section class="card detail-timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" class="card-title">
              办理过程
            </h2>
            {timelineError && <LoadError message={`办理过程刷新失败：${timelineError}`} onRetry={() => void fetchDetail(false)} />}
            <IssueTimeline events={events} onPhotoWithdrawn={isStaffRole(user.role) ? () => void fetchDetail(false) : undefined} />
          </section>
        </div>
      </div>
    </AppShell>
  )
}
