// 年度进度 (/activities/progress): this year's four batches and the five-introduction checklist of
// the signed-in deputy, from the yearly record (GET /deputies/:me/record), confirmed records only.
import { useCallback, useEffect, useState } from 'preact/hooks'
import { yearInShanghai } from '../../../worker/core/dates'
import { activitiesApi, type DeputyRecord } from '../activities-api'
import { ApiError } from '../api'
import { BatchFigures, IntroChecklist, RecordSummary } from '../components/activity-record'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { LoadError } from '../components/states'
import { followLink } from '../router'
import { useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

export default function ActivitiesProgressPage() {
  useTitle('年度进度')
  const user = useUser()
  const year = yearInShanghai()
  const [record, setRecord] = useState<DeputyRecord | null>(null)
  const [error, setError] = useState('')
  const deputy = user.role === 'deputy'

  const fetchRecord = useCallback(() => {
    setError('')
    setRecord(null)
    activitiesApi.record(user.id, year).then(setRecord, (e: unknown) => setError(e instanceof ApiError ? e.message : '加载失败，请稍后重试'))
  }, [user.id, year])
  useEffect(() => {
    if (deputy) fetchRecord()
  }, [deputy, fetchRecord])

  return (
    <AppShell>
      <div class="page-list">
        <PageHeader title="年度进度" back={{ href: '/', label: '首页' }} note={`${year} 年 · 只统计已审核确认的履职活动`}>
          <ButtonLink href={`/deputies/${user.id}/record?year=${year}`}>履职档案</ButtonLink>
          <ButtonLink href="/activities/new" variant="primary">
            记录履职
          </ButtonLink>
        </PageHeader>
        {error && <LoadError message={error} onRetry={fetchRecord} />}
        {!error && !record && <Loading label="正在统计…" />}
        {record && (
          <>
            <RecordSummary record={record} />
            <div class="progress-grid">
              <BatchFigures record={record} />
              <IntroChecklist record={record} />
            </div>
            {record.activities > record.confirmed && (
              <p class="muted">
                待审核和已退回的记录在
                <a href="/activities/mine" class="inline-link" onClick={followLink}>
                  我的履职
                </a>
                中查看。
              </p>
            )}
          </>
        )}
      </div>
    </AppShell>
  )
}
