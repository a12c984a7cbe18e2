// The city's dashboard: headline figures, the county × field matrix of issues, each county's
// deputy coverage and confirmed activities as bar charts, and 五个一 by congress.
import type { Reference } from '../api'
import { BarChart } from '../components/chart-bars'
import type { StatsData } from '../components/stats-data'
import { FiveOnesTable } from '../components/stats-five-ones'
import { StatsHeadline } from '../components/stats-headline'
import { StatsMatrix } from '../components/stats-matrix'
import { Section } from '../components/stats-section'
import { countyName } from '../reference'
import { activitiesHref, dashboardHref, fieldsShown, percent } from '../stats-api'

interface CityDashboardProps {
  data: StatsData
  year: number
  reference: Reference | null
}

export function CityDashboard({ data, year, reference }: CityDashboardProps) {
  const { sup, act, five } = data
  const counties = act.rows.map((r) => ({ code: r.countyCode, name: countyName(reference, r.countyCode) || r.countyCode }))
  const fields = fieldsShown(reference, year, sup.rows.map((r) => r.fieldCode))
  const allDone = five.filter((r) => r.done === 5).length
  const name = (code: string) => counties.find((c) => c.code === code)?.name ?? code
  return (
    <>
      <Section id="sec-headline" title="主要指标" note="问题总数不含不予受理的问题；履职数字只计经审核确认的活动。点击数字可查看对应记录。">
        <StatsHeadline scope={{ year }} sup={sup.totals} act={act.totals} place="全市" />
      </Section>

      <Section id="sec-matrix" title="问题整改情况（县市区 × 监督领域）" note="数字为问题件数，点击可打开问题台账中对应的问题；底色表示销号率；“红”“黄”“绿”为未整改问题的亮灯件数（已逾期、即将到期、按期推进），点击可查看这些问题。点击县市区名称查看该地统计台账。">
        {sup.totals.total + sup.totals.rejected === 0 ? (
          <p class="stats-empty">本年度暂无问题数据</p>
        ) : (
          <StatsMatrix year={year} rows={sup.rows} counties={counties} fields={fields} />
        )}
      </Section>

      <Section id="sec-charts" title="代表履职情况（各县市区）" note="参与率 = 有经确认履职活动的代表 / 代表总数。">
        <div class="charts">
          <BarChart
            title="代表参与率"
            note={`全市 ${percent(act.totals.activeDeputies, act.totals.deputies)}`}
            max={1}
            tone="accent"
            bars={act.rows.map((r) => ({
              key: r.countyCode,
              label: name(r.countyCode),
              labelHref: dashboardHref(year, r.countyCode),
              value: r.deputies ? r.activeDeputies / r.deputies : 0,
              text: percent(r.activeDeputies, r.deputies),
            }))}
          />
          <BarChart
            title="已确认履职活动"
            note={`全市 ${act.totals.confirmed} 次`}
            bars={act.rows.map((r) => ({
              key: r.countyCode,
              label: name(r.countyCode),
              labelHref: dashboardHref(year, r.countyCode),
              value: r.confirmed,
              text: `${r.confirmed} 次`,
              href: activitiesHref(year, r.countyCode),
            }))}
          />
        </div>
      </Section>

      <Section id="sec-five" title="“五个一”完成情况" note={`综合视察、专题询问、决议、履职评议、经验交流会；${allDone} 个人大已全部完成。`}>
        <FiveOnesTable year={year} rows={five} reference={reference} label="各级人大“五个一”完成情况" />
      </Section>
    </>
  )
}
