// 变更记录: every change staff made to an account or roster entry, oldest first — who, when (China
// time), what (姓名 A → B), and when it was ended or restored.
import { ACCOUNT_ACTION_LABELS } from '../../../worker/core/taxonomy'
import type { AccountEvent } from '../activities-api'
import { levelLabel } from '../activity-format'
import { formatInstant } from '../issue-format'

const FIELD_LABELS: Record<string, string> = { name: '姓名', phone: '手机号', level: '代表层级', group: '代表小组', active: '状态' }

function shown(field: string, v: unknown): string {
  if (field === 'active') return v ? '在用' : '已停用'
  if (field === 'level') return `${levelLabel(typeof v === 'string' ? v : null)}人大代表`
  if (field === 'group') return typeof v === 'string' && v ? v : '未分组'
  return typeof v === 'string' ? v : ''
}

export function AccountHistory({ events }: { events: AccountEvent[] }) {
  if (events.length === 0) return <p class="muted manage-history-empty">还没有变更记录。</p>
  return (
    <ol class="timeline manage-history" aria-label="变更记录">
      {events.map((e) => (
        <li key={e.id} class={`tl-item tl-${e.action}`}>
          <span class="tl-dot" aria-hidden="true" />
          <div class="tl-head">
            <span class="tl-action">{ACCOUNT_ACTION_LABELS[e.action]}</span>
          </div>
          <p class="tl-meta">
            {e.actorName} · <time dateTime={e.at}>{formatInstant(e.at)}</time>
          </p>
          {Object.entries(e.changes)
            .filter(([field]) => field !== 'active' || e.action === 'update')
            .map(([field, c]) => (
              <p key={field} class="tl-data">
                <span class="tl-data-label">{FIELD_LABELS[field] ?? field}：</span>
                {shown(field, c.from)} → {shown(field, c.to)}
              </p>
            ))}
        </li>
      ))}
    </ol>
  )
}
