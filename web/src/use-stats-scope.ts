// The year and place a statistics screen shows, from the address: city staff may pick a county
// (?countyCode=), county staff always see their own, whatever the address says.
import { countyName } from './reference'
import { isStaffRole } from './issue-format'
import { useSearch } from './router'
import { useSession, useUser } from './session'
import { yearParam } from './stats-api'

export function useStatsScope() {
  const user = useUser()
  const { reference } = useSession()
  const params = new URLSearchParams(useSearch())
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  const year = yearParam(params.get('year'))
  const countyCode = (city ? params.get('countyCode') : user.countyCode) || undefined
  const place = countyCode ? countyName(reference, countyCode) || countyCode : (reference?.city?.name ?? '全市')
  return { reference, staff, city, year, countyCode, place }
}
