// The year (and, for city staff, the county) a statistics screen shows, kept in the address so
// that back, a bookmark and a shared link show the same figures; with the screen's own actions.
import type { ComponentChildren } from 'preact'
import type { CodeName } from '../api'
import { navigate } from '../router'
import { SelectField } from './form-fields'

interface StatsToolbarProps {
  path: '/dashboard' | '/report'
  year: number
  years: number[]
  countyCode?: string
  /** City staff choose among these (empty choice = the whole city); county staff have none. */
  counties?: CodeName[]
  children?: ComponentChildren
}

export function StatsToolbar({ path, year, years, countyCode, counties, children }: StatsToolbarProps) {
  const go = (y: number, county?: string) => {
    const qs = new URLSearchParams({ year: String(y) })
    if (county) qs.set('countyCode', county)
    navigate(`${path}?${qs.toString()}`, { replace: false })
  }
  const list = [...new Set([...years, year])].sort((a, b) => b - a)
  return (
    <div class="stats-toolbar stats-no-print">
      <div class="stats-pickers">
        <SelectField id="stats-year" label="年度" value={String(year)} onChange={(v) => go(Number(v), countyCode)} options={list.map((y) => ({ value: String(y), label: `${y} 年` }))} />
        {counties && (
          <SelectField
            id="stats-county"
            label="范围"
            value={countyCode ?? ''}
            onChange={(v) => go(year, v || undefined)}
            placeholder="全市"
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
          />
        )}
      </div>
      {children && <div class="stats-actions">{children}</div>}
    </div>
  )
}
