// The commendation table: a county's deputies with their confirmed figures, each linking to the
// confirmed activities behind it; sortable by a figure (the server sorts). A table on a desk
// screen, cards on a phone; each row has 推荐 (or the nomination's state).
import { BATCH_SHORT, FOUR_BATCHES, INTRO_SHORT, levelLabel, venueLabel } from '../activity-format'
import { confirmedActivitiesHref, type CommendationRow, type CommendationSort } from '../groups-api'
import { followLink } from '../router'
import { Button } from './button'

interface CommendationTableProps {
  items: CommendationRow[]
  year: number
  countyCode: string
  sort: CommendationSort
  wide: boolean
  canNominate: boolean
  onSort: (sort: CommendationSort) => void
  onNominate: (row: CommendationRow) => void
}

const SORTS: { key: CommendationSort; label: string }[] = [
  { key: 'activities', label: '个人活动' },
  { key: 'venues', label: '九进覆盖' },
  { key: 'fourBatches', label: '四个一批' },
  { key: 'introductions', label: '五个引进' },
  { key: 'name', label: '姓名' },
]

const NOMINATION_WORDS = { nominated: '已推荐，待市级确认', confirmed: '市级已确认', withdrawn: '已撤回' } as const

export function NominationState({ row, canNominate, onNominate }: { row: CommendationRow; canNominate: boolean; onNominate: (row: CommendationRow) => void }) {
  if (row.nomination) return <span class={`badge nom-status-${row.nomination.status}`}>{NOMINATION_WORDS[row.nomination.status]}</span>
  return canNominate ? (
    <Button variant="secondary" onClick={() => onNominate(row)}>
      推荐
    </Button>
  ) : (
    <span class="card-aside">—</span>
  )
}

function Figure({ n, href, unit = '' }: { n: number; href: string; unit?: string }) {
  return n === 0 ? (
    <span>0</span>
  ) : (
    <a href={href} onClick={followLink}>
      {n}
      {unit}
    </a>
  )
}

export function CommendationTable({ items, year, countyCode, sort, wide, canNominate, onSort, onNominate }: CommendationTableProps) {
  const href = (r: CommendationRow) => confirmedActivitiesHref(year, r.deputyId, countyCode)
  // Group activities are listed in the deputy's 履职档案, where each participant's appear.
  const recordHref = (r: CommendationRow) => `/deputies/${r.deputyId}/record?year=${year}`
  const intros = (r: CommendationRow) => r.introductionsMet.map((k) => INTRO_SHORT[k]).join('、') || '—'
  const sortButton = (key: CommendationSort, label: string) => (
    <button type="button" class="cm-sort" aria-pressed={sort === key} onClick={() => onSort(key)}>
      {label}
      {sort === key ? (key === 'name' ? ' ↑' : ' ↓') : ''}
    </button>
  )
  if (!wide) {
    return (
      <>
        <div class="chips" role="group" aria-label="排序">
          {SORTS.map((s) => (
            <button key={s.key} type="button" class={sort === s.key ? 'chip chip-on' : 'chip'} aria-pressed={sort === s.key} onClick={() => onSort(s.key)}>
              按{s.label}
            </button>
          ))}
        </div>
        <ul class="cm-cards">
          {items.map((r) => (
            <li key={r.deputyId} class="card cm-card">
              <div class="cm-card-head">
                <span class="cm-name">{r.name}</span>
                <span class="card-aside">{levelLabel(r.level)}</span>
              </div>
              <dl>
                <dt>个人活动</dt>
                <dd>
                  <Figure n={r.activities} href={href(r)} unit=" 次" />
                </dd>
                <dt>集体活动</dt>
                <dd>
                  <Figure n={r.groupActivities} href={recordHref(r)} unit=" 次" />
                </dd>
                <dt>九进覆盖</dt>
                <dd>
                  <Figure n={r.venuesCovered} href={href(r)} unit=" 项" />
                </dd>
                <dt>四个一批</dt>
                <dd>
                  <Figure n={r.fourBatches} href={href(r)} />
                </dd>
                <dt>五个引进</dt>
                <dd>{intros(r)}</dd>
              </dl>
              <NominationState row={r} canNominate={canNominate} onNominate={onNominate} />
            </li>
          ))}
        </ul>
      </>
    )
  }
  return (
    <div class="table-wrap">
      <table class="table cm-table" aria-label="代表履职情况">
        <thead>
          <tr>
            <th scope="col">{sortButton('name', '姓名')}</th>
            <th scope="col">层级</th>
            <th scope="col" class="num">
              {sortButton('activities', '个人活动')}
            </th>
            <th scope="col" class="num">
              集体活动
            </th>
            <th scope="col" class="num">
              {sortButton('venues', '九进覆盖')}
            </th>
            {FOUR_BATCHES.map((k) => (
              <th key={k} scope="col" class="num">
                {BATCH_SHORT[k]}
              </th>
            ))}
            <th scope="col" class="num">
              {sortButton('fourBatches', '四个一批合计')}
            </th>
            <th scope="col">{sortButton('introductions', '五个引进')}</th>
            <th scope="col">推荐</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.deputyId}>
              <td class="cm-name">{r.name}</td>
              <td>{levelLabel(r.level)}</td>
              <td class="num">
                <Figure n={r.activities} href={href(r)} />
              </td>
              <td class="num">
                <Figure n={r.groupActivities} href={recordHref(r)} />
              </td>
              <td class="num" title={r.venues.map((v) => venueLabel(v)).join('、')}>
                <Figure n={r.venuesCovered} href={href(r)} />
              </td>
              {FOUR_BATCHES.map((k) => (
                <td key={k} class="num">
                  <Figure n={r.outcomes[k]} href={href(r)} />
                </td>
              ))}
              <td class="num">
                <Figure n={r.fourBatches} href={href(r)} />
              </td>
              <td class="cm-venues">{intros(r)}</td>
              <td>
                <NominationState row={r} canNominate={canNominate} onNominate={onNominate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
