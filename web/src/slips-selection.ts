// Whose 开通通知单 to print, handed from the roster or the accounts screen to /slips. Kept in
// sessionStorage (ids only, no codes) so that a reload of /slips still knows the choice; codes
// are issued on that screen only when asked, and live only in its memory.
import type { SlipSelection } from './activities-api'
import { navigate } from './router'

const KEY = 'npc-slips'

export interface SlipsRequest {
  selection: SlipSelection
  /** Who was chosen, in words: 3 名代表, 平泉市全部未开通的代表 … */
  label: string
  /** Where 返回 leads. */
  back: { href: string; label: string }
}

export function openSlips(request: SlipsRequest): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(request))
  } catch {
    // Private browsing without storage: the screen asks to choose again.
  }
  navigate('/slips')
}

export function chosenSlips(): SlipsRequest | null {
  try {
    const raw = sessionStorage.getItem(KEY)
    const r = raw ? (JSON.parse(raw) as SlipsRequest) : null
    return r && typeof r.label === 'string' && r.selection && r.back ? r : null
  } catch {
    return null
  }
}
