// The activity list's filters, with the API's own names (year, countyCode, deputyId, venue,
// status, introduction) kept in the address, so a dashboard can link to exactly the records behind a figure.
import { useState } from 'preact/hooks'
import { ACTIVITY_STATUSES } from '../../../worker/core/taxonomy'
import { FIVE_INTRODUCTIONS, INTRO_SHORT, VENUES, countyOptions, yearOptions } from '../activity-format'
import type { Reference } from '../api'
import { SelectField } from './form-fields'

export const ACTIVITY_FILTER_KEYS = ['year', 'countyCode', 'deputyId', 'venue', 'status', 'introduction'] as const
export type ActivityFilters = Partial<Record<(typeof ACTIVITY_FILTER_KEYS)[number], string>>

interface ActivityFiltersProps {
  filters: ActivityFilters
  onChange: (next: ActivityFilters) => void
  reference: Reference | null
  city: boolean
  /** The picked deputy's name, when the list is narrowed to one. */
  deputyName?: string
}

export function ActivityFilterBar({ filters, onChange, reference, city, deputyName }: ActivityFiltersProps) {
  const [open, setOpen] = useState(false)
  const set = (key: keyof ActivityFilters, value: string) => onChange({ ...filters, [key]: value || undefined })
  const active = ACTIVITY_FILTER_KEYS.filter((k) => filters[k]).length
  return (
    <div class="filters act-filters">
      {filters.deputyId && (
        <p class="filter-deputy">
          <span>
            只看代表：<strong>{deputyName ?? '指定代表'}</strong>
          </span>
          <button type="button" class="link-button" onClick={() => set('deputyId', '')}>
            看全部代表
          </button>
        </p>
      )}
      <button type="button" class="filter-toggle" aria-expanded={open ? 'true' : 'false'} aria-controls="filter-panel" onClick={() => setOpen(!open)}>
        筛选{active > 0 ? `（${active}）` : ''}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id="filter-panel" class={open ? 'filter-panel filter-panel-open' : 'filter-panel'}>
        <SelectField id="filter-year" label="年度" value={filters.year ?? ''} onChange={(v) => set('year', v)} placeholder="全部年度" options={yearOptions(reference)} />
        {city && (
          <SelectField id="filter-county" label="县市区" value={filters.countyCode ?? ''} onChange={(v) => set('countyCode', v)} placeholder="全部县市区" options={countyOptions(reference)} />
        )}
        <SelectField
          id="filter-venue"
          label="活动载体"
          value={filters.venue ?? ''}
          onChange={(v) => set('venue', v)}
          placeholder="全部载体"
          options={VENUES.map((v) => ({ value: v.code, label: v.name }))}
        />
        <SelectField
          id="filter-status"
          label="状态"
          value={filters.status ?? ''}
          onChange={(v) => set('status', v)}
          placeholder="全部状态"
          options={ACTIVITY_STATUSES.map((s) => ({ value: s.code, label: s.name }))}
        />
        <SelectField
          id="filter-introduction"
          label="五个引进"
          value={filters.introduction ?? ''}
          onChange={(v) => set('introduction', v)}
          placeholder="不限"
          options={FIVE_INTRODUCTIONS.map((code) => ({ value: code, label: `引进${INTRO_SHORT[code]}` }))}
        />
        {active > 0 && (
          <button type="button" class="link-button" onClick={() => onChange({})}>
            清除筛选
          </button>
        )}
      </div>
    </div>
  )
}
