// 代表小组 in 反映问题: an issue found during a group's work carries the group. Shown only when the
// person has groups in the issue's year (a deputy their own, staff those of the county); with no
// signal it shows the last-known list (a read copy) or, failing that, just the choice already
// made, and otherwise nothing: the report goes without a group rather than waiting for one.
import { useEffect, useState } from 'preact/hooks'
import { groupsApi, type GroupSummary } from '../groups-api'
import { ChoiceChips } from './form-fields'

interface IssueGroupChoiceProps {
  year: number
  /** City staff: the county the issue is of ('' not chosen yet: no groups to offer). */
  countyCode?: string
  groupId: string
  groupName: string
  onChange: (group: { id: string; name: string }) => void
  error?: string
}

export function IssueGroupChoice({ year, countyCode, groupId, groupName, onChange, error }: IssueGroupChoiceProps) {
  // null: not loaded (loading, or no signal and no copy).
  const [groups, setGroups] = useState<GroupSummary[] | null>(null)
  const cityWithoutCounty = countyCode === ''
  useEffect(() => {
    if (cityWithoutCounty) {
      setGroups([])
      return
    }
    let live = true
    setGroups(null)
    groupsApi.list(year, countyCode).then(
      (items) => live && setGroups(items.filter((g) => g.year === year)),
      () => live && setGroups(null),
    )
    return () => {
      live = false
    }
  }, [year, countyCode])

  // A choice of another year (or county) cannot stand: the server would refuse it.
  useEffect(() => {
    if (groups && groupId && !groups.some((g) => g.id === groupId)) onChange({ id: '', name: '' })
  }, [groups, groupId])

  const shown: { id: string; name: string }[] = groups ?? (groupId ? [{ id: groupId, name: groupName }] : [])
  if (shown.length === 0) return null
  return (
    <ChoiceChips
      name="groupId"
      legend="代表小组"
      value={groupId}
      onChange={(id) => onChange({ id, name: shown.find((g) => g.id === id)?.name ?? '' })}
      options={[{ value: '', label: '不属于代表小组活动' }, ...shown.map((g) => ({ value: g.id, label: g.name }))]}
      error={error}
    />
  )
}
