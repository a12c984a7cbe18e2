// 履职档案 (/deputies/:id/record?year=): one deputy's yearly record, the basis of performance
// evaluation: visits by venue, the four batches, the five introductions with the funds total, and
// every confirmed activity they are counted from. Prints on A4 with a heading of its own.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { todayInShanghai, yearInShanghai } from '../../../worker/core/dates'
import { activitiesApi, type DeputyRecord } from '../activities-api'
import { deputyTitle, placeName, yearOptions } from '../activity-format'
import { ApiError, asApiError } from '../api'
import { ActivityCard } from '../components/activity-card'
import { BatchFigures, IntroChecklist, RecordSummary, VenueFigures } from '../components/activity-record'
import { RecordTable } from '../components/activity-record-table'
import { Photo } from '../photos/lazy'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { EmptyState, LoadError } from '../components/states'
import { navigate, usePath, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useMedia } from '../use-media'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Load = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; record: DeputyRecord }

export default function DeputyRecordPage() {
  const user = useUser()
  const { reference } = useSession()
  const id = decodeURIComponent(usePath().split('/')[2] ?? '')
  const asked = Number(new URLSearchParams(useSearch()).get('year'))
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : yearInShanghai()
  // A printed record is always the table, whatever the width of the paper.
  const wide = useMedia('(min-width: 900px), print')
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const record = load.state === 'ready' ? load.record : null
  useTitle(record ? `${record.deputy.name} ${year} 年度履职档案` : '履职档案')
  const back = user.role === 'deputy' ? { href: '/activities/progress', label: '年度进度' } : { href: '/deputies', label: '代表名册' }

  const fetchRecord = useCallback(async () => {
    setLoad({ state: 'loading' })
    try {
      setLoad({ state: 'ready', record: await activitiesApi.record(id, year) })
    } catch (e) {
      setLoad({ state: 'failed', error: asApiError(e, '加载失败，请稍后重试') })
    }
  }, [id, year])
  useEffect(() => void fetchRecord(), [fetchRecord])

  const yearPicker = (
    <label class="record-year">
      年度
      <select class="input select" value={String(year)} onChange={(e) => navigate(`/deputies/${encodeURIComponent(id)}/record?year=${e.currentTarget.value}`, { replace: true })}>
        {yearOptions(reference).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )

  if (load.state !== 'ready' || !record) {
    const missing = load.state === 'failed' && load.error.status === 404
    return (
      <AppShell>
        <PageHeader title="履职档案" back={back}>
          {yearPicker}
        </PageHeader>
        {load.state === 'loading' && <Loading label="正在生成履职档案…" />}
        {load.state === 'failed' &&
          (missing ? (
            <EmptyState title="没有找到这位代表" text="代表不存在，或不在您的查看范围内。" />
          ) : (
            <LoadError message={load.error.message} onRetry={() => void fetchRecord()} />
          ))}
      </AppShell>
    )
  }

  const d = record.deputy
  const who = [deputyTitle(d.level), placeName(reference, d.countyCode), d.group].filter(Boolean).join(' · ')
  return (
    <AppShell>
      <div class="record-page">
        <header class="print-head print-only">
          <h1>
            {d.name} · {who} · {year} 年度履职档案
          </h1>
          <p>打印日期：{todayInShanghai()}（统计已审核确认的履职活动）</p>
        </header>
        <div class="no-print">
          <PageHeader title={`${d.name}的履职档案`} back={back} note={`${who} · ${year} 年度`}>
            {yearPicker}
            <Button variant="secondary" onClick={() => window.print()}>
              打印档案
            </Button>
          </PageHeader>
        </div>
        <RecordSummary record={record} />
        <div class="record-grid">
          <VenueFigures record={record} />
          <BatchFigures record={record} />
          <IntroChecklist record={record} />
        </div>
        <section class="record-list" aria-labelledby="record-list-heading">
          <h2 id="record-list-heading" class="section-title">
            已确认的履职活动（{record.confirmedActivities.length}）
          </h2>
          <p class="section-note">以上各项数字均由下列活动逐条汇总而来。</p>
          {record.confirmedActivities.length === 0 ? (
            <EmptyState title={`${year} 年还没有已确认的履职活动`} text="活动经县（市、区）人大审核确认后，计入履职档案。" />
          ) : wide ? (
            <RecordTable activities={record.confirmedActivities} fundsAmount={record.introductions.fundsAmount} />
          ) : (
            <ul class="act-cards">
              {record.confirmedActivities.map((a) => (
                <li key={a.id}>
                  <ActivityCard activity={a} reference={reference} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <Photo part="RecordPhotos" activities={record.confirmedActivities} />
      </div>
    </AppShell>
  )
}
