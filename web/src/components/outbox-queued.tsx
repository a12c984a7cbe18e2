// The "stored, will go by itself" state of the phone forms: no signal (or a lapsed session) at
// submit time no longer means a lost or re-typed report.
import { Button, ButtonLink } from './button'

interface OutboxQueuedProps {
  /** 问题 or 履职记录. */
  what: string
  onAnother: () => void
  anotherLabel: string
  backHref: string
  backLabel: string
}

export function OutboxQueued({ what, onAnother, anotherLabel, backHref, backLabel }: OutboxQueuedProps) {
  return (
    <section class="card sent" aria-labelledby="queued-heading" role="status">
      <span class="sent-mark sent-mark-waiting" aria-hidden="true">
        ↑
      </span>
      <h1 id="queued-heading" class="sent-heading">
        已存入待发送
      </h1>
      <p class="muted">这条{what}已保存在本机，网络恢复后会自动报送，无需再点，也不会重复提交。关闭页面也不会丢失。</p>
      <div class="sent-actions">
        <Button variant="primary" onClick={onAnother}>
          {anotherLabel}
        </Button>
        <ButtonLink href="/outbox">查看待发送</ButtonLink>
        <ButtonLink href={backHref}>{backLabel}</ButtonLink>
      </div>
    </section>
  )
}
