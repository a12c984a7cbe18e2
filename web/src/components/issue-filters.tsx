// The ledger's filters: search, year, county (city staff), field, status, unit, 代表小组, light, 退办, 督办 and 只看逾期. They
// live in the address, so a filtered ledger can be bookmarked, shared and exported as it stands.
import { useEffect, useState } from 'preact/hooks'
import { todayInShanghai, yearOf } from '../../../worker/core/dates'
import { ISSUE_STATUSES } from '../../../worker/core/taxonomy'
import { LIGHTS } from '../../../worker/core/lights'
import { MAX_CHARS } from '../../../worker/core/limits'
import type { Reference } from '../api'
import { distinctFields, fieldsOfYear } from '../issue-format'
import { unitsApi, type Filters, type Unit } from '../issues-api'
import { groupsApi, type GroupSummary } from '../groups-api'
import { countyName } from '../reference'
import { useLoaded } from '../use-loaded'
import { Button } from './button'
import { SelectField } from './form-fields'

interface IssueFiltersProps {
  filters: Filters
  onChange: (next: Filters) => void
  reference: Reference | null
  /** City staff: filter by county too, and units come grouped by county. */
  city: boolean
}

/** The units a staff member can filter by: their county's, or for the city the chosen county's. */
function useUnits(countyCode: string | undefined): Unit[] {
  return useLoaded(() => unitsApi.list(countyCode), [] as Unit[], [countyCode])
}

/** The groups of the year (the chosen one, or this year) in scope: the county's, or for the city the chosen county's. */
function useGroups(year: number, countyCode: string | undefined, city: boolean): GroupSummary[] {
  const groups = useLoaded(city && !countyCode ? null : () => groupsApi.list(year, countyCode), [] as GroupSummary[], [year, countyCode])
  return city && !countyCode ? [] : groups
}

/** The statuses to choose from; a list from a statistics link (a,b,c) shows as one more choice. */
function statusOptions(status: string | undefined) {
  const options = ISSUE_STATUSES.map((s) => ({ value: s.code, label: s.name }))
  if (!status?.includes(',')) return options
  const codes = status.split(',')
  const counted = ISSUE_STATUSES.filter((s) => s.code !== 'rejected').every((s) => codes.includes(s.code)) && !codes.includes('rejected')
  return [{ value: status, label: counted ? '不含不予受理' : '多个状态' }, ...options]
}

export function IssueFilters({ filters, onChange, reference, city }: IssueFiltersProps) {
  const [q, setQ] = useState(filters.q ?? '')
  const [open, setOpen] = useState(false)
  const units = useUnits(city ? filters.countyCode : undefined)
  const groupYear = Number(filters.year) || yearOf(todayInShanghai())
  const groups = useGroups(groupYear, city ? filters.countyCode : undefined, city)
  useEffect(() => setQ(filters.q ?? ''), [filters.q])

  const set = (key: keyof Filters, value: string) => {
    const next: Filters = { ...filters, [key]: value || undefined }
    if (key === 'countyCode') next.unitId = undefined
    // A group is of one county and one year.
    if (key === 'countyCode' || key === 'year') next.groupId = undefined
    if (key === 'year' && value && next.fieldCode && !fieldsOfYear(reference, Number(value)).some((f) => f.code === next.fieldCode)) next.fieldCode = undefined
    onChange(next)
  }
  const active = (['year', 'countyCode', 'fieldCode', 'status', 'overdue', 'unitId', 'light', 'declined', 'pressed', 'groupId'] as const).filter((k) => filters[k]).length
  const fields = filters.year ? fieldsOfYear(reference, Number(filters.year)) : distinctFields(reference)
  const groupUnits = city && !filters.countyCode

  return (
    <div class="filters">
      {filters.township !== undefined && (
        <p class="filter-township">
          <span>
            只看乡镇（街道）：<strong>{filters.township || '未填写乡镇'}</strong>
          </span>
          <button type="button" class="link-button" onClick={() => onChange({ ...filters, township: undefined })}>
            看全部乡镇
          </button>
        </p>
      )}
      <form
        class="filter-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          set('q', q.trim())
        }}
      >
        <label class="visually-hidden" for="filter-q">
          搜索问题
        </label>
        <input id="filter-q" class="input" type="search" value={q} maxLength={MAX_CHARS.search} placeholder="搜索编号、标题、描述、乡镇或位置" onInput={(e) => setQ(e.currentTarget.value)} enterKeyHint="search" />
        <Button type="submit" variant="secondary">
          搜索
        </Button>
      </form>
      <button type="button" class="filter-toggle" aria-expanded={open ? 'true' : 'false'} aria-controls="filter-panel" onClick={() => setOpen(!open)}>
        筛选{active > 0 ? `（${active}）` : ''}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id="filter-panel" class={open ? 'filter-panel filter-panel-open' : 'filter-panel'}>
        <SelectField
          id="filter-year"
          label="年度"
          value={filters.year ?? ''}
          onChange={(v) => set('year', v)}
          placeholder="全部年度"
          options={[...(reference?.years ?? [])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `${y} 年` }))}
        />
        {city && (
          <SelectField
            id="filter-county"
            label="县市区"
            value={filters.countyCode ?? ''}
            onChange={(v) => set('countyCode', v)}
            placeholder="全部县市区"
            options={(reference?.counties ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        )}
        <SelectField id="filter-field" label="监督领域" value={filters.fieldCode ?? ''} onChange={(v) => set('fieldCode', v)} placeholder="全部领域" options={fields.map((f) => ({ value: f.code, label: f.name }))} />
        <SelectField id="filter-status" label="状态" value={filters.status ?? ''} onChange={(v) => set('status', v)} placeholder="全部状态" options={statusOptions(filters.status)} />
        <SelectField
          id="filter-unit"
          label="责任单位"
          value={filters.unitId ?? ''}
          onChange={(v) => set('unitId', v)}
          placeholder="全部单位"
          options={units.map((u) => ({ value: u.id, label: u.name, group: groupUnits ? countyName(reference, u.countyCode) : undefined }))}
        />
        {(groups.length > 0 || filters.groupId) && (
          <SelectField
            id="filter-group"
            label="代表小组"
            value={filters.groupId ?? ''}
            onChange={(v) => set('groupId', v)}
            placeholder="全部（含非小组）"
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        )}
        <SelectField
          id="filter-light"
          label="亮灯"
          value={filters.light ?? ''}
          onChange={(v) => set('light', v)}
          placeholder="全部"
          options={LIGHTS.map((l) => ({ value: l.code, label: `${l.name}（${l.hint}）` }))}
        />
        <label class="check-chip">
          <input type="checkbox" checked={filters.declined === 'true'} onChange={(e) => set('declined', e.currentTarget.checked ? 'true' : '')} />
          <span>被退办待重新交办</span>
        </label>
        <label class="check-chip">
          <input type="checkbox" checked={filters.pressed === 'true'} onChange={(e) => set('pressed', e.currentTarget.checked ? 'true' : '')} />
          <span>被督办过</span>
        </label>
        <label class="check-chip">
          <input type="checkbox" checked={filters.overdue === 'true'} onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : '')} />
          <span>只看逾期</span>
        </label>
        {(active > 0 || filters.q) && (
          <button type="button" class="link-button" onClick={() => onChange({})}>
            清除筛选
          </button>
        )}
      </div>
    </div>
  )
}
