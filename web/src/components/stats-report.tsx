// The yearly summary report (总结报告) as a document: title and date, the year in sentences and
// a table of headline figures, supervision by field (and by county for the city), the deputies'
// activity, 五个一, and the overdue and closed lists. Laid out to print on A4.
import { FIVE_ONES } from '../../../worker/core/taxonomy'
import type { Batch, IntroType } from '../activities-api'
import type { Reference } from '../api'
import { countyName } from '../reference'
import { dashboardHref, formatAmount, percent, sumCounters } from '../stats-api'
import { BatchesTable, IntroductionsTable, ParticipationTable, type ActivityRow } from './stats-activity-table'
import type { StatsData } from './stats-data'
import { FiveOnesTable } from './stats-five-ones'
import { ClosedList, OverdueList } from './stats-report-lists'
import { StatsTable, fieldRows, type CounterRow } from './stats-table'

interface ReportProps {
  data: StatsData
  year: number
  countyCode?: string
  reference: Reference | null
  today: string
}

const chineseDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七']

export function reportTitle(place: string, year: number): string {
  return `${place}${year}年“5+2”联动监督和代表履职情况总结报告`
}

export function SummaryReport({ data, year, countyCode, reference, today }: ReportProps) {
  const { sup, act, five } = data
  const t = sup.totals
  const a = act.totals
  const city = !countyCode
  const place = city ? (reference?.city?.name ?? '全市') : countyName(reference, countyCode) || countyCode
  const scopeWord = city ? '全市' : place
  const fieldCount = new Set(sup.rows.map((r) => r.fieldCode)).size
  const countyRows: CounterRow[] = act.rows.map((r) => ({
    key: r.countyCode,
    label: countyName(reference, r.countyCode) || r.countyCode,
    labelHref: dashboardHref(year, r.countyCode),
    counters: sumCounters(sup.rows.filter((s) => s.countyCode === r.countyCode)),
    scope: { year, countyCode: r.countyCode },
  }))
  const total: CounterRow = { key: 'total', label: '合计', counters: t, scope: { year, countyCode } }
  const actRows: ActivityRow[] = act.rows.map((r) => ({ key: r.countyCode, label: countyName(reference, r.countyCode) || r.countyCode, figures: r, countyCode: r.countyCode }))
  const actTotal: ActivityRow | undefined = city ? { key: 'total', label: '合计', figures: a } : undefined
  const allFive = five.filter((r) => r.done === 5).length
  const noneFive = five.filter((r) => r.done === 0).length
  const own = five[0]
  const n = (k: Batch) => a.outcomes[k] ?? 0
  const m = (k: IntroType) => a.introductions[k] ?? 0
  let section = 0
  /** Tables before the activity ones: 表1–2, and 表3 by county for the city. */
  const n0 = city ? 3 : 2
  const heading = (text: string) => <h2 class="report-h2">{`${NUMERALS[section++]}、${text}`}</h2>

  return (
    <article class="report" aria-labelledby="report-title">
      <header class="report-head">
        <h1 id="report-title" class="report-title">
          {reportTitle(place, year)}
        </h1>
        <p class="report-meta">
          {city ? '承德市人大常委会' : `${place}人大常委会`} · 生成日期：{chineseDate(today)}
        </p>
      </header>

      {heading('总体情况')}
      <p class="report-p">
        {year}年，{scopeWord}各级人大围绕{fieldCount}个监督领域开展“5+2”联动监督，共发现问题{t.total}件{t.rejected ? `（另有不予受理${t.rejected}件）` : ''}。其中尚未交办{t.reported}件、已交办待接收{t.assigned}件、整改中{t.rectifying}件、已整改待验收{t.rectified}件、已销号{t.closed}件，销号率{percent(t.closed, t.total)}；已销号问题中按期整改{t.closedOnTime}件，按期销号率{percent(t.closedOnTime, t.closed)}。截至{chineseDate(today)}，逾期未整改问题{t.overdue}件{t.overdue ? '，已列入挂账督办' : ''}。
      </p>
      <p class="report-p">
        {scopeWord}登记在册的各级人大代表{a.deputies}名，其中{a.activeDeputies}名有经审核确认的履职活动，代表参与率{percent(a.activeDeputies, a.deputies)}。全年登记履职活动{a.activities}次，经审核确认{a.confirmed}次。“四个一批”方面，宣讲惠民政策{n('policy_talk')}项、反映社情民意{n('opinion')}项、办成惠民实事{n('deed')}项、带动骨干力量{n('mentoring')}项；“五个引进”方面，引进市场主体{m('market_entity')}个、绿色产业项目{m('green_project')}个、发展资金{m('funds')}笔共{formatAmount(a.fundsAmount)}万元、急需人才{m('talent')}名、先进技术或技术成果{m('technology')}项。
      </p>
      <p class="report-p">
        {city
          ? `“五个一”方面，全市${five.length}个人大中，${allFive}个已全部完成综合视察、专题询问、决议、履职评议和经验交流会，${noneFive}个尚未开展。`
          : own
            ? `“五个一”方面，${place}人大已完成${own.done}项${own.done < 5 ? `，尚未完成：${FIVE_ONES.filter((f) => own[f.code] === 0).map((f) => f.name).join('、')}` : '，全部完成'}。`
            : ''}
      </p>
      <p class="report-caption" id="report-t1">
        表1　主要指标
      </p>
      <div class="report-scroll">
        <table class="report-table report-figures" aria-labelledby="report-t1">
          <thead>
            <tr>
              {['问题总数', '已销号', '逾期未整改', '销号率', '按期销号率', '代表参与率', '已确认活动', '引进资金（万元）'].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {[t.total, t.closed, t.overdue, percent(t.closed, t.total), percent(t.closedOnTime, t.closed), percent(a.activeDeputies, a.deputies), a.confirmed, formatAmount(a.fundsAmount)].map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>

      {heading('问题整改情况')}
      <p class="report-caption">表2　问题整改情况（按监督领域）</p>
      <StatsTable heading="监督领域" rows={fieldRows(data, reference, year, countyCode)} total={total} label="问题整改情况（按监督领域）" class="report-st" />
      {city && (
        <>
          <p class="report-caption">表3　问题整改情况（按县市区）</p>
          <StatsTable heading="县市区" rows={countyRows} total={total} label="问题整改情况（按县市区）" class="report-st" />
        </>
      )}

      {heading('代表履职情况')}
      <p class="report-caption">表{n0 + 1}　代表参与情况</p>
      <ParticipationTable year={year} rows={actRows} total={actTotal} />
      <p class="report-caption">表{n0 + 2}　“四个一批”情况</p>
      <BatchesTable year={year} rows={actRows} total={actTotal} />
      <p class="report-caption">表{n0 + 3}　“五个引进”情况</p>
      <IntroductionsTable year={year} rows={actRows} total={actTotal} />

      {heading('“五个一”完成情况')}
      <p class="report-caption">表{n0 + 4}　“五个一”完成情况</p>
      <FiveOnesTable year={year} rows={five} reference={reference} label="“五个一”完成情况" />

      {heading('逾期未整改问题清单')}
      <OverdueList
        id="report-overdue"
        issues={data.overdueIssues ?? []}
        reference={reference}
        today={today}
        showCounty={city}
        caption={`逾期未整改问题（共${data.overdueIssues?.length ?? 0}件，按整改时限先后排列）`}
        empty="本年度暂无逾期未整改的问题。"
      />

      {heading('已销号问题清单')}
      <ClosedList
        id="report-closed"
        issues={data.closedIssues ?? []}
        reference={reference}
        today={today}
        showCounty={city}
        caption={`已销号问题（共${data.closedIssues?.length ?? 0}件）`}
        empty="本年度暂无已销号的问题。"
      />
    </article>
  )
}
