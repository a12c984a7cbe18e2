// The status of an issue as a coloured badge (one colour per status on every screen), and the
// red 逾期 marker beside it; the deadline light (亮灯) and the 督办 count.
import type { IssueStatus } from '../../../worker/core/taxonomy'
import type { Light } from '../../../worker/core/lights'
import { statusLabel } from '../issue-format'

export function StatusBadge({ status }: { status: IssueStatus }) {
  return <span class={`status status-${status}`}>{statusLabel(status)}</span>
}

export function OverdueBadge({ label = '逾期' }: { label?: string }) {
  return <span class="status status-overdue">{label}</span>
}

/** What each light says and shows: a word and a shape, so that colour is never the only signal. */
export const LIGHT_SHOWN: Record<Light, { label: string; icon: string }> = {
  green: { label: '按期', icon: '✓' },
  yellow: { label: '即将到期', icon: '!' },
  red: { label: '逾期', icon: '✕' },
}

export function LightBadge({ light, label }: { light: Light | null; label?: string }) {
  if (!light) return null
  const shown = LIGHT_SHOWN[light]
  return (
    <span class={`status light light-${light}${light === 'red' ? ' status-overdue' : ''}`} title={`亮灯：${shown.label}`}>
      <span class="light-icon" aria-hidden="true">
        {shown.icon}
      </span>
      {label ?? shown.label}
    </span>
  )
}

export function PressBadge({ count }: { count: number }) {
  if (count <= 0) return null
  return <span class="status press-badge">督办 {count} 次</span>
}
