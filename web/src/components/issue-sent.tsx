// The success state of the report form: 已报送, what was sent, and the two likely next steps.
import type { Issue } from '../issues-api'
import { Button, ButtonLink } from './button'

interface IssueSentProps {
  issue: Issue
  /** True when it went through on a retry after a network failure: the same id made it one record. */
  again: boolean
  onAnother: () => void
  backHref: string
  backLabel: string
}

export function IssueSent({ issue, again, onAnother, backHref, backLabel }: IssueSentProps) {
  return (
    <section class="card sent" aria-labelledby="sent-heading" role="status">
      <span class="sent-mark" aria-hidden="true">
        ✓
      </span>
      <h1 id="sent-heading" class="sent-heading">
        已报送
      </h1>
      <p class="sent-title">{issue.title}</p>
      <p class="muted">
        {again ? '网络恢复后已确认报送，重试不会重复提交，这条问题只有一条记录。' : '人大机关将尽快研究交办，办理进展可随时查看。'}
      </p>
      <div class="sent-actions">
        <ButtonLink href={`/issues/${issue.id}`} variant="primary">
          查看进展
        </ButtonLink>
        <Button variant="secondary" onClick={onAnother}>
          再反映一个
        </Button>
        <ButtonLink href={backHref}>{backLabel}</ButtonLink>
      </div>
    </section>
  )
}
