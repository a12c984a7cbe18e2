// 首次登录（使用开通码）: phone, the 20-digit code of the 开通通知单 and a password of one's own.
// The server checks the code and the password rule; the form checks only what is missing and
// that both password entries match. Success signs in, like 登录.
import { useState } from 'preact/hooks'
import { api, asApiError, type User } from '../api'
import { Alert } from './alert'
import { Button } from './button'
import { focusFirstError, TextField } from './text-field'

type Fields = { phone?: string; code?: string; newPassword?: string; confirm?: string }
const ORDER = ['phone', 'code', 'newPassword', 'confirm']

export function ActivationForm({ onSignedIn, onBack }: { onSignedIn: (user: User) => void; onBack: () => void }) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [fields, setFields] = useState<Fields>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: Event) {
    event.preventDefault()
    if (busy) return
    const digits = phone.replace(/[\s-]/g, '')
    const missing: Fields = {}
    if (!digits) missing.phone = '请填写手机号'
    if (!code.trim()) missing.code = '请填写开通通知单上的开通码'
    if (!password) missing.newPassword = '请设置登录密码'
    if (!confirm) missing.confirm = '请再次输入登录密码'
    else if (password && password !== confirm) missing.confirm = '两次输入的密码不一致'
    setError('')
    setFields(missing)
    if (Object.keys(missing).length) return focusFirstError(missing, ORDER)
    setBusy(true)
    try {
      onSignedIn(await api.activate(digits, code, password))
    } catch (e) {
      const err = asApiError(e, '开通失败，请稍后重试')
      setFields(err.fields)
      if (Object.keys(err.fields).length === 0) setError(err.message)
      focusFirstError(err.fields, ORDER)
      setBusy(false)
    }
  }

  return (
    <form class="card login-card" onSubmit={onSubmit} noValidate aria-labelledby="activate-heading">
      <h2 id="activate-heading" class="card-title">
        首次登录
      </h2>
      <p class="login-help">请按《开通通知单》填写手机号和开通码，并设置您自己的登录密码。以后用手机号和这个密码登录。</p>
      {error && <Alert tone="error">{error}</Alert>}
      <TextField id="phone" label="手机号" type="tel" inputmode="numeric" autocomplete="username" enterkeyhint="next" value={phone} onInput={setPhone} error={fields.phone} />
      <TextField
        id="code"
        label="开通码"
        inputmode="numeric"
        autocomplete="one-time-code"
        enterkeyhint="next"
        maxLength={32}
        value={code}
        onInput={setCode}
        error={fields.code}
        hint="通知单上的 20 位数字，空格可以不输"
      />
      <TextField
        id="newPassword"
        label="设置登录密码"
        type="password"
        autocomplete="new-password"
        value={password}
        onInput={setPassword}
        error={fields.newPassword}
        hint="至少 8 位，须同时包含字母和数字"
        revealable
      />
      <TextField id="confirm" label="确认登录密码" type="password" autocomplete="new-password" enterkeyhint="go" value={confirm} onInput={setConfirm} error={fields.confirm} revealable />
      <Button type="submit" block busy={busy} busyLabel="正在开通…">
        开通并登录
      </Button>
      <Button variant="secondary" block onClick={onBack} disabled={busy}>
        已设置过密码，返回登录
      </Button>
    </form>
  )
}
