// A temporary password shown once (a new account, an import, a reset): who it is for, the password
// large enough to read out over the phone, and the warning that it will not be shown again.
import { Button } from './button'

interface SecretPanelProps {
  title: string
  name: string
  phone: string
  password: string
  onClose: () => void
}

export function SecretPanel({ title, name, phone, password, onClose }: SecretPanelProps) {
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
        <div>
          <dt>临时密码</dt>
          <dd class="secret-password">{password}</dd>
        </div>
      </dl>
      <p class="secret-warning">请立即告知本人，关闭后不再显示。本人首次登录时须修改密码。</p>
      <Button variant="secondary" onClick={onClose}>
        已告知，关闭
      </Button>
    </section>
  )
}
