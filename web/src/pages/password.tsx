// 修改密码: forced after the first sign-in (mustChangePassword), or chosen from the home screen.
// The server applies the password rules; the form only checks that both new entries match.
import { useState } from 'preact/hooks'
import { asApiError, http, type Body } from '../api'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { focusFirstError, TextField } from '../components/text-field'
import { navigate } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'

type Fields = { currentPassword?: string; newPassword?: string; confirm?: string }
const ORDER = ['currentPassword', 'newPassword', 'confirm']

function checkForm(current: string, next: string, confirm: string): Fields {
  const fields: Fields = {}
  if (!current) fields.currentPassword = '请填写当前密码'
  if (!next) fields.newPassword = '请填写新密码'
  if (!confirm) fields.confirm = '请再次输入新密码'
  else if (next && next !== confirm) fields.confirm = '两次输入的新密码不一致'
  return fields
}

export default function PasswordPage() {
  useTitle('修改密码')
  const user = useUser()
  const { signedIn, setNotice } = useSession()
  const forced = user.mustChangePassword
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [fields, setFields] = useState<Fields>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: Event) {
    event.preventDefault()
    if (busy) return
    const problems = checkForm(current, next, confirm)
    setFields(problems)
    setError('')
    if (Object.keys(problems).length > 0) return focusFirstError(problems, ORDER)
    setBusy(true)
    try {
      await http.post<void>('/me/password', { currentPassword: current, newPassword: next } satisfies Body<'/me/password', 'post'>)
      setNotice({ tone: 'success', text: '密码已修改，下次登录请使用新密码。', path: '/' })
      signedIn({ ...user, mustChangePassword: false })
      navigate('/', { replace: true })
    } catch (e) {
      const err = asApiError(e, '修改失败，请稍后重试')
      setFields(err.fields)
      if (Object.keys(err.fields).length === 0) setError(err.message)
      focusFirstError(err.fields, ORDER)
      setBusy(false)
    }
  }

  return (
    <AppShell>
      <div class="page-narrow">
        <h1 class="page-title">修改密码</h1>
        {forced && (
          <Alert tone="warning" title="首次登录，请先设置新密码">
            为保障账号安全，请将初始密码改为只有您本人知道的新密码，设置后即可使用系统。
          </Alert>
        )}
        <form class="card" onSubmit={onSubmit} noValidate>
          {error && <Alert tone="error">{error}</Alert>}
          {/* Lets password managers file the new password under the right account. */}
          <input class="visually-hidden" type="text" autocomplete="username" value={user.phone} readOnly tabIndex={-1} aria-hidden="true" />
          <TextField
            id="currentPassword"
            label={forced ? '初始密码' : '当前密码'}
            type="password"
            autocomplete="current-password"
            value={current}
            onInput={setCurrent}
            error={fields.currentPassword}
            revealable
          />
          <TextField
            id="newPassword"
            label="新密码"
            type="password"
            autocomplete="new-password"
            value={next}
            onInput={setNext}
            error={fields.newPassword}
            hint="至少 8 位，须同时包含字母和数字"
            revealable
          />
          <TextField
            id="confirm"
            label="确认新密码"
            type="password"
            autocomplete="new-password"
            value={confirm}
            onInput={setConfirm}
            error={fields.confirm}
            revealable
          />
          <div class="form-actions">
            <Button type="submit" busy={busy} busyLabel="正在保存…">
              保存新密码
            </Button>
            {!forced && <ButtonLink href="/">返回首页</ButtonLink>}
          </div>
        </form>
      </div>
    </AppShell>
  )
}
