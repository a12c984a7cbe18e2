// What an issue is (what was found, where, how, by whom) and, once handed over, who fixes it by
// when and how far they have got.
import type { ComponentChildren } from 'preact'
import type { Reference } from '../api'
import type { Issue } from '../issues-api'
import { deadlineNote, fieldName, formatInstant, kindLabel, sourceLabel } from '../issue-format'
import { countyName } from '../reference'
import { ProgressBar } from './progress-bar'
import { LightBadge } from './status-badge'

interface FactsProps {
  issue: Issue
  reference: Reference | null
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

export function IssueFacts({ issue, reference }: FactsProps) {
  return (
    <section class="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading" class="card-title">
        问题情况
      </h2>
      <p class="issue-description">{issue.description}</p>
      <dl class="facts">
        {issue.number && <Fact label="编号">{issue.number}</Fact>}
        <Fact label="类型">{kindLabel(issue.kind)}</Fact>
        <Fact label="监督领域">{fieldName(reference, issue.fieldCode, issue.year)}</Fact>
        <Fact label="县市区">{countyName(reference, issue.countyCode) || issue.countyCode}</Fact>
        <Fact label="乡镇（街道）">{issue.township || '—'}</Fact>
        <Fact label="具体位置">{issue.location || '—'}</Fact>
        <Fact label="发现方式">{sourceLabel(issue.source)}</Fact>
        <Fact label="发现日期">{issue.foundOn}</Fact>
        <Fact label="反映人">{issue.reporterName}</Fact>
        {issue.groupName && <Fact label="代表小组">{issue.groupName}</Fact>}
        <Fact label="报送时间">{formatInstant(issue.createdAt)}</Fact>
      </dl>
    </section>
  )
}

interface AssignmentProps {
  issue: Issue
  today: string
  /** Staff are the ones who assign: they need no "waiting to be assigned" note. */
  staff: boolean
}

/** 整改情况: only once a unit has it (or had it: a closed issue keeps its record). */
export function IssueAssignment({ issue, today, staff }: AssignmentProps) {
  if (!issue.unitName && !issue.deadline) {
    if (issue.status !== 'reported' || staff) return null
    if (issue.declinedNote)
      return (
        <section class="card assignment assignment-waiting">
          <h2 class="card-title">整改情况</h2>
          <p class="muted">责任单位已退办，人大机关将重新交办。</p>
        </section>
      )
    return (
      <section class="card assignment assignment-waiting">
        <h2 class="card-title">整改情况</h2>
        <p class="muted">尚未交办。人大机关研究后将交有关责任单位整改。</p>
      </section>
    )
  }
  const open = issue.status === 'assigned' || issue.status === 'rectifying'
  const due = deadlineNote(issue.deadline, today, open)
  return (
    <section class={issue.overdue ? 'card assignment assignment-overdue' : 'card assignment'} aria-labelledby="assignment-heading">
      <h2 id="assignment-heading" class="card-title">
        整改情况
      </h2>
      <dl class="facts facts-stacked">
        <Fact label="责任单位">{issue.unitName ?? '—'}</Fact>
        {issue.requirement && (
          <Fact label="整改要求">
            <span class="pre-line">{issue.requirement}</span>
          </Fact>
        )}
        <Fact label="整改时限">
          <span class={issue.overdue ? 'is-overdue' : undefined}>
            {issue.deadline ?? '—'}
            {due && <span class="deadline-note">（{due}）</span>}
          </span>
          <LightBadge light={issue.light} />
        </Fact>
        <Fact label="整改进度">
          <ProgressBar value={issue.progress} />
        </Fact>
        {issue.closedOn && (
          <Fact label="销号日期">
            {issue.closedOn}
            {issue.closedOnTime !== null && <span class={issue.closedOnTime ? 'on-time' : 'is-overdue'}>{issue.closedOnTime ? '（按期整改）' : '（逾期整改）'}</span>}
          </Fact>
        )}
      </dl>
    </section>
  )
}

/** 退办: staff see the unit's reason first, above everything else of the item. */
export function DeclinedNotice({ issue, staff }: { issue: Issue; staff: boolean }) {
  if (!staff || !issue.declinedNote || issue.status !== 'reported') return null
  return (
    <div class="declined-notice" role="note">
      <strong>责任单位已退办：</strong>
      <span class="pre-line">{issue.declinedNote}</span>
      <span class="muted">请重新交办或作不予受理处理。</span>
    </div>
  )
}
