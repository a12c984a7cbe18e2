// 总结报告: the yearly summary of one county or the whole city as a printable document, with 打印
// and the statistics workbook beside it. County staff get their own county's report.
import { useMemo } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { useStatsData } from '../components/stats-data'
import { SummaryReport, reportTitle } from '../components/stats-report'
import { StatsToolbar } from '../components/stats-toolbar'
import { EmptyState, LoadError } from '../components/states'
import { dashboardHref, isEmptyYear, statsApi } from '../stats-api'
import { useStatsScope } from '../use-stats-scope'
import { useTitle } from '../use-title'
import { GroupCoverage } from '../components/group-coverage'
import '../stats.css'

export default function ReportPage() {
  const { reference, staff, city, year, countyCode, place } = useStatsScope()
  useTitle(`${place}${year}年总结报告`)
  const request = useMemo(() => (staff ? { year, countyCode, lists: true } : null), [staff, year, countyCode])
  const loaded = useStatsData(request)

  const ready = loaded.state === 'ready'
  return (
    <AppShell>
      <div class="stats-page report-page">
        <div class="stats-no-print">
          <PageHeader title="总结报告" back={{ href: dashboardHref(year, city ? countyCode : undefined), label: city && !countyCode ? '统计总览' : '统计台账' }} note={reportTitle(place, year)}>
            <Button onClick={() => window.print()} disabled={!ready}>
              打印
            </Button>
            <a class="btn btn-secondary" href={statsApi.exportUrl(year, countyCode)} download>
              导出统计表（Excel）
            </a>
            <a class="btn btn-secondary" href={statsApi.activitiesExportUrl(year, countyCode)} download>
              导出履职活动台账（Excel）
            </a>
          </PageHeader>
          <StatsToolbar path="/report" year={year} years={reference?.years ?? []} countyCode={countyCode} counties={city ? reference?.counties : undefined} />
        </div>
        {loaded.state === 'loading' && <Loading label="正在生成报告…" />}
        {loaded.state === 'failed' && <LoadError message={loaded.message} onRetry={loaded.retry} />}
        {loaded.state === 'ready' &&
          (isEmptyYear(loaded.data.sup, loaded.data.act, loaded.data.five) ? (
            <EmptyState title="本年度暂无数据" text={`${year}年还没有问题、履职活动或“五个一”记录，无法生成总结报告。`} />
          ) : (
            <SummaryReport data={loaded.data} year={year} countyCode={countyCode} reference={reference} today={todayInShanghai()} />
          ))}
        {loaded.state === 'ready' && <GroupCoverage year={year} countyCode={countyCode} reference={reference} />}
      </div>
    </AppShell>
  )
}
