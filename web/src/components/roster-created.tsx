// After adding an account or resetting a password: who it is for, that it has no password now,
// and the way on — print their 开通通知单 (a one-time code issued on that screen).
import { Button } from './button'

interface CreatedPanelProps {
  title: string
  name: string
  phone: string
  /** What happened to the password, in a sentence. */
  text: string
  onPrint: () => void
  onClose: () => void
}

export function CreatedPanel({ title, name, phone, text, onPrint, onClose }: CreatedPanelProps) {
  return (
    <section class="card secret" role="status" aria-label={title}>
      <p class="secret-title">{title}</p>
      <dl class="secret-facts">
        <div>
          <dt>姓名</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>登录手机号</dt>
          <dd>{phone}</dd>
        </div>
      </dl>
      <p class="secret-warning">{text}</p>
      <div class="reset-buttons">
        <Button onClick={onPrint}>打印开通通知单</Button>
        <Button variant="secondary" onClick={onClose}>
          稍后再打印
        </Button>
      </div>
    </section>
  )
}
