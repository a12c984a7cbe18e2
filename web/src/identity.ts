// How a user is named on screen: role (with the deputy's level) and where they serve.
import { DEPUTY_LEVELS, ROLE_LABELS, labelOf } from '../../worker/core/taxonomy'
import type { Reference, User } from './api'
import { countyName } from './reference'

/** 人大代表 becomes 县人大代表, 全国人大代表 … when the level is known. */
export function roleLabel(user: User): string {
  if (user.role === 'deputy' && user.level) return `${labelOf(DEPUTY_LEVELS, user.level)}人大代表`
  return ROLE_LABELS[user.role]
}

/** City staff serve the whole city; everyone else one county-level unit. */
export function placeLabel(user: User, reference: Reference | null): string {
  if (user.role === 'city_staff') return reference?.city ? `${reference.city.name}（全市）` : '全市'
  return countyName(reference, user.countyCode)
}
