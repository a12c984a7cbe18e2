// Deputies' activity figures by county (confirmed activities only): participation, 四个一批, and
// 五个引进 with the funds introduced, as tables or one county's as facts. Counts open the records.
import type { ComponentChildren } from 'preact'
import type { Batch, IntroType } from '../activities-api'
import { followLink } from '../router'
import { activitiesHref, formatAmount, percent, type ActivityFigures } from '../stats-api'

export interface ActivityRow {
  key: string
  label: string
  labelHref?: string
  figures: ActivityFigures
  /** The county of the row (absent on the city's totals row). */
  countyCode?: string
}

const BATCHES: [Batch, string][] = [
  ['policy_talk', '宣讲政策'],
  ['opinion', '反映民意'],
  ['deed', '办成实事'],
  ['mentoring', '带动骨干'],
]
const INTRODUCTIONS: [IntroType, string][] = [
  ['market_entity', '市场主体'],
  ['green_project', '绿色项目'],
  ['funds', '发展资金（笔）'],
  ['talent', '急需人才'],
  ['technology', '先进技术'],
]

function Name({ row }: { row: ActivityRow }) {
  return (
    <th scope="row" class="st-name">
      {row.labelHref ? (
        <a href={row.labelHref} onClick={followLink}>
          {row.label}
        </a>
      ) : (
        row.label
      )}
    </th>
  )
}

function Table({ label, head, children }: { label: string; head: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap st-wrap" tabIndex={0} role="region" aria-label={label}>
      <table class="table st">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" class={i === 0 ? undefined : 'st-num'}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  )
}

interface Props {
  year: number
  rows: ActivityRow[]
  total?: ActivityRow
}

/** 参与情况: deputies, who took part, the share, activities recorded and confirmed. */
export function ParticipationTable({ year, rows, total }: Props) {
  const line = (r: ActivityRow) => {
    const f = r.figures
    return (
      <tr key={r.key} class={r === total ? 'st-total' : undefined}>
        <Name row={r} />
        <td class="st-num">{f.deputies}</td>
        <td class="st-num">{f.activeDeputies}</td>
        <td class="st-num">{percent(f.activeDeputies, f.deputies)}</td>
        <td class="st-num">{f.activities}</td>
        <td class="st-num">
          {f.confirmed > 0 ? (
            <a class="num-link" href={activitiesHref(year, r.countyCode)} onClick={followLink} aria-label={`${r.label} 已确认履职活动 ${f.confirmed} 次`}>
              {f.confirmed}
            </a>
          ) : (
            0
          )}
        </td>
      </tr>
    )
  }
  return (
    <Table label="代表参与情况" head={['县市区', '代表人数', '参与代表', '参与率', '履职活动', '已确认活动']}>
      <tbody>{rows.map(line)}</tbody>
      {total && <tfoot>{line(total)}</tfoot>}
    </Table>
  )
}

/** 四个一批: what confirmed activities yielded, by kind. */
export function BatchesTable({ rows, total }: Props) {
  const line = (r: ActivityRow) => (
    <tr key={r.key} class={r === total ? 'st-total' : undefined}>
      <Name row={r} />
      {BATCHES.map(([k]) => (
        <td key={k} class="st-num">
          {r.figures.outcomes[k] ?? 0}
        </td>
      ))}
    </tr>
  )
  return (
    <Table label="“四个一批”情况" head={['县市区', ...BATCHES.map(([, n]) => n)]}>
      <tbody>{rows.map(line)}</tbody>
      {total && <tfoot>{line(total)}</tfoot>}
    </Table>
  )
}

/** 五个引进: what deputies brought in, and the funds in 万元. */
export function IntroductionsTable({ rows, total }: Props) {
  const line = (r: ActivityRow) => (
    <tr key={r.key} class={r === total ? 'st-total' : undefined}>
      <Name row={r} />
      {INTRODUCTIONS.map(([k]) => (
        <td key={k} class="st-num">
          {r.figures.introductions[k] ?? 0}
        </td>
      ))}
      <td class="st-num">{formatAmount(r.figures.fundsAmount)}</td>
    </tr>
  )
  return (
    <Table label="“五个引进”情况" head={['县市区', ...INTRODUCTIONS.map(([, n]) => n), '引进资金（万元）']}>
      <tbody>{rows.map(line)}</tbody>
      {total && <tfoot>{line(total)}</tfoot>}
    </Table>
  )
}

/** One county's figures as labelled numbers in three groups (a one-row table reads badly on a phone). */
export function ActivityFacts({ year, countyCode, figures: f }: { year: number; countyCode: string; figures: ActivityFigures }) {
  const confirmed =
    f.confirmed > 0 ? (
      <a href={activitiesHref(year, countyCode)} onClick={followLink}>
        {f.confirmed} 次
      </a>
    ) : (
      '0 次'
    )
  const groups: [string, [string, ComponentChildren][]][] = [
    [
      '参与情况',
      [
        ['代表人数', `${f.deputies} 人`],
        ['参与代表', `${f.activeDeputies} 人`],
        ['代表参与率', percent(f.activeDeputies, f.deputies)],
        ['登记履职活动', `${f.activities} 次`],
        ['已确认活动', confirmed],
      ],
    ],
    ['“四个一批”', BATCHES.map(([k, n]) => [n, f.outcomes[k] ?? 0])],
    ['“五个引进”', [...INTRODUCTIONS.map(([k, n]): [string, ComponentChildren] => [n.replace('（笔）', ''), f.introductions[k] ?? 0]), ['引进资金', `${formatAmount(f.fundsAmount)} 万元`]]],
  ]
  return (
    <div class="card act-facts">
      {groups.map(([title, facts]) => (
        <div key={title} class="act-group">
          <p class="act-group-title">{title}</p>
          <dl class="act-group-facts">
            {facts.map(([label, value]) => (
              <div key={label} class="act-fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  )
}
