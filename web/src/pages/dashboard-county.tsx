// One county's dashboard: headline figures, issues by field and by township, its deputies'
// activity, its 五个一, and who to call (deputies with no confirmed activity this year).
import type { Reference } from '../api'
import { ActivityFacts } from '../components/stats-activity-table'
import type { StatsData } from '../components/stats-data'
import { FiveOnesList } from '../components/stats-five-ones'
import { StatsHeadline } from '../components/stats-headline'
import { InactiveDeputies } from '../components/stats-inactive'
import { Section } from '../components/stats-section'
import { StatsTable, fieldRows, type CounterRow } from '../components/stats-table'
import { ledgerHref } from '../stats-api'

interface CountyDashboardProps {
  data: StatsData
  year: number
  countyCode: string
  place: string
  reference: Reference | null
}

export function CountyDashboard({ data, year, countyCode, place, reference }: CountyDashboardProps) {
  const { sup, act, five } = data
  const scope = { year, countyCode }
  const total: CounterRow = { key: 'total', label: '合计', counters: sup.totals, scope }
  const townships = [...(data.townships?.rows ?? [])]
    .sort((a, b) => b.total - a.total || (a.township ?? '').localeCompare(b.township ?? '', 'zh-CN'))
    .map((r) => {
      const scope = { year, countyCode, township: r.township ?? '' }
      // The name opens the township's ledger too, so that a row whose count is 0 still leads somewhere.
      return { key: r.township ?? '', label: r.township || '未填写乡镇', labelHref: ledgerHref(scope, 'total'), counters: r, scope }
    })
  const row = act.rows.find((r) => r.countyCode === countyCode)
  const inactive = data.inactive ?? []
  return (
    <>
      <Section id="sec-headline" title="主要指标" note="问题总数不含不予受理的问题；履职数字只计经审核确认的活动。点击数字可查看对应记录。">
        <StatsHeadline scope={scope} sup={sup.totals} act={act.totals} place={place} />
      </Section>

      <Section id="sec-fields" title="问题整改情况（按监督领域）" note="点击数字可打开问题台账中对应的问题。">
        <StatsTable heading="监督领域" rows={fieldRows(data, reference, year, countyCode)} total={total} label={`${place}各监督领域问题整改情况`} />
      </Section>

      <Section id="sec-townships" title="问题整改情况（按乡镇、街道）">
        {townships.length === 0 ? (
          <p class="stats-empty">本年度暂无问题数据</p>
        ) : (
          <StatsTable heading="乡镇（街道）" rows={townships} total={total} label={`${place}各乡镇（街道）问题整改情况`} />
        )}
      </Section>

      <Section id="sec-activities" title="代表履职情况" note="只计经审核确认的履职活动；“四个一批”“五个引进”为项数。">
        {row && <ActivityFacts year={year} countyCode={countyCode} figures={row} />}
      </Section>

      <Section id="sec-five" title="“五个一”完成情况">
        {five[0] && <FiveOnesList year={year} row={five[0]} />}
      </Section>

      <Section
        id="sec-inactive"
        title="待联系代表"
        note={inactive.length ? `以下 ${inactive.length} 名代表${year}年尚无经确认的履职活动，请及时联系、督促履职。` : undefined}
      >
        <InactiveDeputies items={inactive} year={year} />
      </Section>
    </>
  )
}
