// The timeline of an issue, oldest first: who did what and when (China time), how the status
// moved, what they wrote, and what changed with it (unit, deadline, progress), and the photos of
// the step (with the ones staff withdrew kept as a line saying who, when and why).
import type { IssueEvent } from '../issues-api'
import { actionLabel, formatInstant, statusLabel } from '../issue-format'
import { Photo } from '../photos/lazy'

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/** The changes an event carries, as label–value lines. */
function details(e: IssueEvent): [string, string][] {
  const d = e.data
  const out: [string, string][] = []
  const unit = text(d.unitName)
  const previousUnit = text(d.previousUnitName)
  if (unit) out.push([e.action === 'decline' ? '退办单位' : '责任单位', previousUnit && previousUnit !== unit ? `${unit}（原：${previousUnit}）` : unit])
  if (text(d.requirement)) out.push(['整改要求', text(d.requirement)])
  const deadline = text(d.deadline)
  const previousDeadline = text(d.previousDeadline)
  if (deadline) out.push([e.action === 'extend' ? '新的整改时限' : '整改时限', previousDeadline ? `${deadline}（原：${previousDeadline}）` : deadline])
  if (typeof d.progress === 'number') out.push(['整改进度', `${d.progress}%`])
  if (typeof d.closedOnTime === 'boolean') out.push(['是否按期', d.closedOnTime ? '按期整改' : '逾期整改'])
  if (d.imported && typeof d.row === 'number') out.push(['台账行号', `第 ${d.row} 行`])
  return out
}

interface IssueTimelineProps {
  events: IssueEvent[]
  /** Staff in scope may withdraw a photo; called once one was. */
  onPhotoWithdrawn?: () => void
}

export function IssueTimeline({ events, onPhotoWithdrawn }: IssueTimelineProps) {
  return (
    <ol class="timeline">
      {events.map((e) => {
        const moved = e.fromStatus !== e.toStatus
        return (
          <li key={e.id} class={`tl-item tl-${e.action}`}>
            <span class="tl-dot" aria-hidden="true" />
            <div class="tl-head">
              <span class="tl-action">{e.data.imported ? '由台账导入' : actionLabel(e.action)}</span>
              {moved && (
                <span class="tl-status">
                  {e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ''}
                  {statusLabel(e.toStatus)}
                </span>
              )}
            </div>
            <p class="tl-meta">
              {e.actorName} · <time dateTime={e.at}>{formatInstant(e.at)}</time>
            </p>
            {e.note && !(e.data.imported && e.note === '由台账导入') && <p class="tl-note">{e.note}</p>}
            {details(e).map(([label, value]) => (
              <p key={label} class="tl-data">
                <span class="tl-data-label">{label}：</span>
                {value}
              </p>
            ))}
            <Photo part="PhotoThumbs" photos={e.photos} label={actionLabel(e.action)} onWithdrawn={onPhotoWithdrawn} />
            <Photo part="WithdrawnLines" photos={e.withdrawnPhotos} />
          </li>
        )
      })}
    </ol>
  )
}
