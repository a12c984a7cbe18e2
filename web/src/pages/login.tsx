// 登录: phone and password. Field errors come from the server's `fields`; a wrong password or too
// many tries comes back as one Chinese message, shown above the form. /activate (the address on
// the 开通通知单 and its QR code) shows 首次登录 with the activation code instead.
import { useState } from 'preact/hooks'
import { api, asApiError } from '../api'
import { Alert } from '../components/alert'
import { ActivationForm } from '../components/activation-form'
import { Button } from '../components/button'
import { focusFirstError, TextField } from '../components/text-field'
import { navigate, usePath } from '../router'
import { useSession } from '../session'
import { SYSTEM, useTitle } from '../use-title'

type Fields = { phone?: string; password?: string }
const ORDER = ['phone', 'password']

export default function LoginPage() {
  const activating = usePath().replace(/\/+$/, '') === '/activate'
  useTitle(activating ? '首次登录' : '登录')
  const { signedIn, notice, setNotice } = useSession()
  const [phone, setPhone] = useState('')
  const [password, setPassword] = useState('')
  const [fields, setFields] = useState<Fields>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: Event) {
    event.preventDefault()
    if (busy) return
    // A number pasted from a contact list often carries spaces or dashes (138 0000 0001).
    const digits = phone.replace(/[\s-]/g, '')
    const missing: Fields = {}
    if (!digits) missing.phone = '请填写手机号'
    if (!password) missing.password = '请填写密码'
    setError('')
    setFields(missing)
    if (missing.phone || missing.password) return focusFirstError(missing, ORDER)
    setBusy(true)
    try {
      signedIn(await api.login(digits, password))
    } catch (e) {
      const err = asApiError(e, '登录失败，请稍后重试')
      setFields(err.fields)
      if (!err.fields.phone && !err.fields.password) setError(err.message)
      focusFirstError(err.fields, ORDER)
      setBusy(false)
    }
  }

  return (
    <div class="login">
      <section class="login-intro">
        <span class="brand-mark brand-mark-large" aria-hidden="true" />
        <h1 class="login-title">{SYSTEM}</h1>
        <p class="login-lead">承德市人大系统“5+2”联动监督与代表履职台账</p>
        <ul class="login-points">
          <li>问题清单：上报、交办、整改、销号全程留痕</li>
          <li>代表履职：“九进九关注”活动记录与年度统计</li>
        </ul>
      </section>
      <section class="login-panel" aria-labelledby={activating ? 'activate-heading' : 'login-heading'}>
        {activating ? (
          <ActivationForm
            onBack={() => navigate('/login')}
            onSignedIn={(user) => {
              setNotice({ tone: 'success', text: '账号已开通，欢迎使用。以后请用手机号和您设置的密码登录。', path: '/' })
              signedIn(user)
            }}
          />
        ) : (
        <form class="card login-card" onSubmit={onSubmit} noValidate>
          <h2 id="login-heading" class="card-title">账号登录</h2>
          {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
          {error && <Alert tone="error">{error}</Alert>}
          <TextField
            id="phone"
            label="手机号"
            type="tel"
            inputmode="numeric"
            autocomplete="username"
            enterkeyhint="next"
            value={phone}
            onInput={setPhone}
            error={fields.phone}
          />
          <TextField
            id="password"
            label="密码"
            type="password"
            autocomplete="current-password"
            enterkeyhint="go"
            value={password}
            onInput={setPassword}
            error={fields.password}
            revealable
          />
          <Button type="submit" block busy={busy} busyLabel="正在登录…">
            登录
          </Button>
          <Button variant="secondary" block onClick={() => navigate('/activate')}>
            首次登录（使用开通码）
          </Button>
          <p class="login-help">账号由人大机关统一开通：第一次使用请点“首次登录”，按《开通通知单》设置密码。忘记密码请联系所在人大机关重新打印开通通知单。</p>
        </form>
        )}
        <p class="login-footer">承德市人民代表大会常务委员会</p>
      </section>
    </div>
  )
}
