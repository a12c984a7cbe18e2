// 履职记录详情 (/activities/:id): one activity with its status and review note; the deputy may fix it
// while it is not confirmed, staff may confirm or return it while it waits for review.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { activitiesApi, type Activity } from '../activities-api'
import { ApiError, asApiError } from '../api'
import { ReviewNote } from '../components/activity-card'
import { ActivityFacts, ActivityYield } from '../components/activity-facts'
import { ReviewActions, type ReviewOutcome } from '../components/activity-review'
import { ActivityStatusBadge } from '../components/activity-status'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { Photo } from '../photos/lazy'
import { EmptyState, LoadError } from '../components/states'
import { isStaffRole } from '../issue-format'
import { usePath } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Load = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready' }
type Notice = { tone: 'success' | 'warning'; text: string } | null

export default function ActivityDetailPage() {
  const user = useUser()
  const { reference } = useSession()
  const id = decodeURIComponent(usePath().split('/')[2] ?? '')
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [activity, setActivity] = useState<Activity | null>(null)
  const [notice, setNotice] = useState<Notice>(null)
  useTitle(activity?.title ?? '履职记录')
  const staff = isStaffRole(user.role)
  const back = staff ? { href: '/activities/review', label: '履职审核' } : { href: '/activities/mine', label: '我的履职' }

  const fetchActivity = useCallback(async () => {
    setLoad({ state: 'loading' })
    try {
      setActivity(await activitiesApi.get(id))
      setLoad({ state: 'ready' })
    } catch (e) {
      setLoad({ state: 'failed', error: asApiError(e, '加载失败，请稍后重试') })
    }
  }, [id])
  useEffect(() => {
    setNotice(null)
    void fetchActivity()
  }, [fetchActivity])

  function onReviewed(outcome: ReviewOutcome) {
    setActivity(outcome.activity)
    if (outcome.kind === 'confirmed') setNotice({ tone: 'success', text: '已确认，计入该代表的年度履职统计。' })
    else if (outcome.kind === 'returned') setNotice({ tone: 'success', text: '已退回，代表将看到退回原因。' })
    else setNotice({ tone: 'warning', text: '这条记录已被他人处理或代表已修改，以下是最新情况，请核对后再审核。' })
  }

  if (load.state === 'loading') {
    return (
      <AppShell>
        <Loading label="正在加载履职记录…" />
      </AppShell>
    )
  }
  if (load.state === 'failed' || !activity) {
    const missing = load.state === 'failed' && load.error.status === 404
    return (
      <AppShell>
        <PageHeader title="履职记录" back={back} />
        {missing ? (
          <EmptyState title="没有找到这条履职记录" text="记录不存在，或不在您的查看范围内。">
            <ButtonLink href={back.href} variant="primary">{`返回${back.label}`}</ButtonLink>
          </EmptyState>
        ) : (
          <LoadError message={load.state === 'failed' ? load.error.message : '加载失败'} onRetry={() => void fetchActivity()} />
        )}
      </AppShell>
    )
  }

  const a = activity
  const own = user.role === 'deputy' && a.deputyId === user.id
  return (
    <AppShell>
      <div class="detail">
        <PageHeader title={a.title} back={back} note={<span class="detail-badges"><ActivityStatusBadge status={a.status} /></span>}>
          {(staff || own) && <ButtonLink href={`/deputies/${a.deputyId}/record?year=${a.year}`}>{own ? '我的履职档案' : '该代表履职档案'}</ButtonLink>}
        </PageHeader>
        {notice && (
          <Alert tone={notice.tone} onClose={() => setNotice(null)}>
            {notice.text}
          </Alert>
        )}
        {a.reviewNote && <ReviewNote note={a.reviewNote} label={a.status === 'returned' ? '退回原因' : a.status === 'submitted' ? '上次退回原因（已修改重新提交）' : '审核意见'} />}
        <div class="detail-grid act-detail-grid">
          <div class="detail-facts">
            <ActivityFacts activity={a} reference={reference} />
            {a.photos.length > 0 && (
              <section class="card act-photos" aria-labelledby="act-photos-heading">
                <h2 id="act-photos-heading" class="card-title">
                  活动照片（{a.photos.length}）
                </h2>
                {/* A withdrawal re-reads the record quietly: the page stays where it is. */}
                <Photo part="PhotoThumbs" photos={a.photos} label="活动" onWithdrawn={staff ? () => void activitiesApi.get(id).then(setActivity, () => undefined) : undefined} />
              </section>
            )}
          </div>
          <aside class="detail-side" aria-label="成效与审核">
            {own && a.status !== 'confirmed' && (
              <section class="card actions-card">
                <h2 class="card-title">{a.status === 'returned' ? '修改后重新提交' : '修改'}</h2>
                <p class="muted">{a.status === 'returned' ? '请按退回原因修改，重新提交后再次审核。' : '审核前可以修改，修改后重新排队审核。'}</p>
                <ButtonLink href={`/activities/${a.id}/edit`} variant="primary">
                  {a.status === 'returned' ? '修改后重新提交' : '修改记录'}
                </ButtonLink>
              </section>
            )}
            {staff && a.status === 'submitted' && (
              <section class="card actions-card" aria-labelledby="review-heading">
                <h2 id="review-heading" class="card-title">
                  审核
                </h2>
                <ReviewActions key={a.version} activity={a} onDone={onReviewed} />
              </section>
            )}
            <ActivityYield activity={a} />
          </aside>
        </div>
      </div>
    </AppShell>
  )
}

// 记录履职's 集体活动 part and staff's roster search ride in this chunk (see pages/activity-new.tsx).
export { default as GroupMode } from '../components/activity-group-mode'
export { DeputyPicker } from '../components/activity-deputy-picker'
