// 统计总览 / 统计台账: the city's dashboard for city staff, and one county's for its staff (city
// staff open it with ?countyCode=). Year and county live in the address; figures link to records.
import { useMemo } from 'preact/hooks'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { useStatsData } from '../components/stats-data'
import { StatsToolbar } from '../components/stats-toolbar'
import { EmptyState, LoadError } from '../components/states'
import { dashboardHref, isEmptyYear, reportHref, statsApi } from '../stats-api'
import { useStatsScope } from '../use-stats-scope'
import { useTitle } from '../use-title'
import { CityDashboard } from './dashboard-city'
import { CountyDashboard } from './dashboard-county'
import { GroupCoverage } from '../components/group-coverage'
import '../stats.css'

export default function DashboardPage() {
  const { reference, staff, city, year, countyCode, place } = useStatsScope()
  useTitle(countyCode ? `${place}统计台账` : '统计总览')
  const request = useMemo(() => (staff ? { year, countyCode, county: !!countyCode } : null), [staff, year, countyCode])
  const loaded = useStatsData(request)

  const back = countyCode && city ? { href: dashboardHref(year), label: '统计总览' } : { href: '/', label: '首页' }
  return (
    <AppShell>
      <div class="stats-page dashboard">
        <PageHeader title={countyCode ? `${place}统计台账` : '统计总览'} back={back} note={`${place} · ${year}年度“5+2”联动监督和代表履职情况`}>
          <ButtonLink href={reportHref(year, countyCode)} variant="primary">
            总结报告
          </ButtonLink>
          <a class="btn btn-secondary" href={statsApi.exportUrl(year, countyCode)} download>
            导出统计表（Excel）
          </a>
        </PageHeader>
        <StatsToolbar path="/dashboard" year={year} years={reference?.years ?? []} countyCode={countyCode} counties={city ? reference?.counties : undefined} />
        {loaded.state === 'loading' && <Loading label="正在统计…" />}
        {loaded.state === 'failed' && <LoadError message={loaded.message} onRetry={loaded.retry} />}
        {loaded.state === 'ready' &&
          (isEmptyYear(loaded.data.sup, loaded.data.act, loaded.data.five) ? (
            <EmptyState title="本年度暂无数据" text={`${year}年还没有问题、履职活动或“五个一”记录，可选择其他年度查看。`} />
          ) : countyCode ? (
            <CountyDashboard data={loaded.data} year={year} countyCode={countyCode} place={place} reference={reference} />
          ) : (
            <CityDashboard data={loaded.data} year={year} reference={reference} />
          ))}
        {loaded.state === 'ready' && <GroupCoverage year={year} countyCode={countyCode} reference={reference} />}
      </div>
    </AppShell>
  )
}
