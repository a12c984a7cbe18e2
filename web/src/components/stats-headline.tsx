// The headline figures of a year as cards: issues found, closed, overdue, the two rates, deputy
// coverage, confirmed activities and funds introduced. Counts open the records behind them.
import type { ComponentChildren } from 'preact'
import { followLink } from '../router'
import { activitiesHref, formatAmount, ledgerHref, percent, type ActivityFigures, type Counters, type Scope } from '../stats-api'

interface CardProps {
  label: string
  value: string
  unit?: string
  sub?: ComponentChildren
  href?: string
  tone?: 'alert' | 'good'
  /** What the link opens, for a screen reader (the card's text says the figure). */
  hint?: string
}

function Card({ label, value, unit, sub, href, tone, hint }: CardProps) {
  const body = (
    <>
      <span class="stat-label">{label}</span>
      <span class={tone ? `stat-value stat-${tone}` : 'stat-value'}>
        {value}
        {unit && <span class="stat-unit">{unit}</span>}
      </span>
      {sub && <span class="stat-sub">{sub}</span>}
      {href && hint && <span class="visually-hidden">（{hint}）</span>}
    </>
  )
  return (
    <li>
      {href ? (
        <a class="stat-card stat-card-link" href={href} onClick={followLink}>
          {body}
        </a>
      ) : (
        <div class="stat-card">{body}</div>
      )}
    </li>
  )
}

interface HeadlineProps {
  scope: Scope
  sup: Counters
  act: ActivityFigures
  /** 全市 or the county's name, for the labels read aloud. */
  place: string
}

export function StatsHeadline({ scope, sup, act, place }: HeadlineProps) {
  return (
    <ul class="stat-cards" aria-label={`${place}${scope.year}年主要指标`}>
      <Card label="问题总数" value={String(sup.total)} unit="件" href={ledgerHref(scope, 'total')} hint="查看问题台账" sub={sup.rejected ? `另有不予受理 ${sup.rejected} 件` : '不含不予受理'} />
      <Card label="已销号" value={String(sup.closed)} unit="件" href={ledgerHref(scope, 'closed')} hint="查看已销号问题" tone="good" sub={`待接收 ${sup.assigned} 件 · 整改中 ${sup.rectifying} 件 · 待验收 ${sup.rectified} 件`} />
      <Card label="逾期未整改" value={String(sup.overdue)} unit="件" href={ledgerHref(scope, 'overdue')} hint="查看逾期问题" tone={sup.overdue > 0 ? 'alert' : undefined} sub={sup.overdue > 0 ? '需挂账督办' : '暂无逾期'} />
      <Card label="销号率" value={percent(sup.closed, sup.total)} sub={`已销号 ${sup.closed} / 问题 ${sup.total}`} />
      <Card label="按期销号率" value={percent(sup.closedOnTime, sup.closed)} sub={`按期 ${sup.closedOnTime} / 已销号 ${sup.closed}`} />
      <Card label="代表参与率" value={percent(act.activeDeputies, act.deputies)} sub={`参与 ${act.activeDeputies} / 代表 ${act.deputies} 人`} />
      <Card label="已确认履职活动" value={String(act.confirmed)} unit="次" href={activitiesHref(scope.year, scope.countyCode)} hint="查看已确认的履职活动" sub={`共登记 ${act.activities} 次`} />
      <Card
        label="引进资金"
        value={formatAmount(act.fundsAmount)}
        unit="万元"
        href={activitiesHref(scope.year, scope.countyCode, 'funds')}
        hint="查看引进发展资金的履职活动"
        sub={`引进发展资金 ${act.introductions.funds ?? 0} 笔`}
      />
    </ul>
  )
}
