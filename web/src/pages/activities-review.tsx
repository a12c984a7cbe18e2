// 履职审核 (/activities/review): staff's queue of submitted activities, oldest first. Confirm one,
// return one with a reason, or tick several and 批量确认 (one review call each, with a report of
// what went through and what did not). City staff filter by county.
import { useEffect, useState } from 'preact/hooks'
import { activitiesApi, type Activity } from '../activities-api'
import { countyOptions, placeName } from '../activity-format'
import { usePaged } from '../activity-pages'
import { asApiError } from '../api'
import { ReviewCard, type ReviewOutcome } from '../components/activity-review'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { SelectField } from '../components/form-fields'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { EmptyState, LoadError, LoadMore } from '../components/states'
import { placeLabel } from '../identity'
import { isStaffRole } from '../issue-format'
import { queryString } from '../issues-api'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import { todayInShanghai } from '../../../worker/core/dates'
import '../issues.css'
import '../activities.css'

type Report = { tone: 'success' | 'warning' | 'error'; text: string; failures?: string[] } | null

export default function ActivitiesReviewPage() {
  useTitle('履职审核')
  const user = useUser()
  const { reference } = useSession()
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  const countyCode = (city && new URLSearchParams(useSearch()).get('countyCode')) || undefined
  const pages = usePaged(staff ? queryString({ status: 'submitted', sort: 'oldest', countyCode }) : null, activitiesApi.list)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [report, setReport] = useState<Report>(null)
  const [batchBusy, setBatchBusy] = useState(false)
  // Everything loaded has been reviewed but the queue goes on: fetch its next (now first) page.
  const drained = pages.status === 'ready' && pages.items.length === 0 && pages.hasMore
  useEffect(() => {
    if (drained) pages.retry()
  }, [drained])

  /** A reviewed item leaves the queue; a stale one is replaced by its current state (or leaves). */
  function apply(outcome: ReviewOutcome) {
    const a = outcome.activity
    pages.update((items) => (a.status === 'submitted' ? items.map((i) => (i.id === a.id ? a : i)) : items.filter((i) => i.id !== a.id)))
    // Gone, or changed since it was ticked: either way it is no longer ticked.
    if (a.status !== 'submitted' || outcome.kind === 'stale') setSelected((s) => (s.has(a.id) ? new Set([...s].filter((id) => id !== a.id)) : s))
  }

  function onDone(outcome: ReviewOutcome) {
    apply(outcome)
    const t = outcome.activity.title
    if (outcome.kind === 'confirmed') setReport({ tone: 'success', text: `已确认：${t}` })
    else if (outcome.kind === 'returned') setReport({ tone: 'success', text: `已退回：${t}，代表将看到退回原因。` })
    else setReport({ tone: 'warning', text: `“${t}”已被他人处理或代表已修改，列表已更新为最新状态，请核对后再审核。` })
  }

  async function confirmSelected() {
    const chosen = pages.items.filter((a) => selected.has(a.id))
    if (chosen.length === 0 || batchBusy) return
    setBatchBusy(true)
    setReport(null)
    let done = 0
    const failures: string[] = []
    // One at a time: each confirm is its own checked, versioned step on the server.
    for (const a of chosen) {
      try {
        apply({ activity: await activitiesApi.review(a.id, { decision: 'confirm', version: a.version }), kind: 'confirmed' })
        done++
      } catch (e) {
        const err = asApiError(e, '确认失败')
        if (err.status === 409 && err.current && typeof err.current === 'object') apply({ activity: err.current as Activity, kind: 'stale' })
        failures.push(`${a.deputyName}“${a.title}”：${err.status === 409 ? '已被他人处理或代表已修改' : err.message}`)
      }
    }
    setBatchBusy(false)
    if (failures.length === 0) setReport({ tone: 'success', text: `已确认 ${done} 条履职记录。` })
    else setReport({ tone: done ? 'warning' : 'error', text: `已确认 ${done} 条，${failures.length} 条未能确认：`, failures })
  }

  const all = pages.items.length > 0 && pages.items.every((a) => selected.has(a.id))
  const count = pages.items.filter((a) => selected.has(a.id)).length
  return (
    <AppShell>
      <div class="page-list">
        <PageHeader title="履职审核" back={{ href: '/', label: '首页' }} note={`待审核的履职活动，先交先审 · 范围：${countyCode ? placeName(reference, countyCode) : placeLabel(user, reference)}`}>
          <ButtonLink href="/activities">全部履职记录</ButtonLink>
          <ButtonLink href="/activities/new" variant="primary">
            代记履职
          </ButtonLink>
          {/* The year's confirmed activities as the 履职活动台账 to print (other years: 总结报告). */}
          <a class="btn btn-secondary" href={`/api/v1/activities/export.xlsx?${queryString({ year: todayInShanghai().slice(0, 4), countyCode })}`} download>
            导出本年履职台账
          </a>
        </PageHeader>
        {city && (
          <div class="card filter-card">
            <SelectField
              id="filter-county"
              label="县市区"
              value={countyCode ?? ''}
              onChange={(v) => navigate(v ? `/activities/review?countyCode=${v}` : '/activities/review', { replace: true })}
              placeholder="全部县市区"
              options={countyOptions(reference)}
            />
          </div>
        )}
        {report && (
          <Alert tone={report.tone} onClose={() => setReport(null)}>
            {report.text}
            {report.failures && (
              <ul class="report-list">
                {report.failures.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {pages.status === 'loading' && <Loading label="正在加载待审核记录…" />}
        {pages.status === 'error' && <LoadError message={pages.error} onRetry={pages.retry} />}
        {pages.status === 'ready' && pages.items.length === 0 && <EmptyState title="没有待审核的履职记录" text="代表提交的履职活动会按提交先后出现在这里。" />}
        {pages.status === 'ready' && pages.items.length > 0 && (
          <>
            <div class="batch-bar">
              <label class="check-chip">
                <input type="checkbox" checked={all} onChange={(e) => setSelected(e.currentTarget.checked ? new Set(pages.items.map((a) => a.id)) : new Set())} />
                <span>全选（{pages.items.length} 条）</span>
              </label>
              <Button disabled={count === 0} busy={batchBusy} busyLabel="正在逐条确认…" onClick={() => void confirmSelected()}>
                批量确认{count > 0 ? `（${count}）` : ''}
              </Button>
            </div>
            <ul class="act-cards review-list" aria-label="待审核的履职记录">
              {pages.items.map((a) => (
                <li key={a.id}>
                  <ReviewCard
                    activity={a}
                    reference={reference}
                    showCounty={city}
                    selected={selected.has(a.id)}
                    onSelect={(on) => setSelected((s) => (on ? new Set([...s, a.id]) : new Set([...s].filter((id) => id !== a.id))))}
                    onDone={onDone}
                  />
                </li>
              ))}
            </ul>
            <LoadMore hasMore={pages.hasMore} busy={pages.loadingMore} error={pages.moreError} onMore={pages.loadMore} shown={pages.items.length} />
          </>
        )}
      </div>
    </AppShell>
  )
}
