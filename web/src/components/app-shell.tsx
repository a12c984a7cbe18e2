// The frame of every signed-in screen: system name, who is signed in, and a plain way out.
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { ApiError } from '../api'
import { placeLabel, roleLabel } from '../identity'
import { followLink } from '../router'
import { useSession, useUser } from '../session'
import { Alert } from './alert'
import { Button } from './button'

interface AppShellProps {
  children: ComponentChildren
}

export function AppShell({ children }: AppShellProps) {
  const user = useUser()
  const { reference, notice, setNotice, signOut } = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const place = placeLabel(user, reference)
  const detail = [roleLabel(user), user.role === 'unit' ? user.unitName : null, place].filter(Boolean).join(' · ')

  async function onSignOut() {
    setBusy(true)
    setError('')
    try {
      await signOut()
    } catch (e) {
      // The session is still open on the server: say so rather than pretend it ended.
      setError(e instanceof ApiError ? `退出登录失败：${e.message}` : '退出登录失败，请重试')
      setBusy(false)
    }
  }

  return (
    <div class="shell">
      <header class="topbar">
        <div class="topbar-inner">
          <a class="brand" href="/" onClick={followLink}>
            <span class="brand-mark" aria-hidden="true" />
            <span class="brand-name">承德市人大履职监督台账</span>
          </a>
          <div class="topbar-user">
            <span class="topbar-user-name">{user.name}</span>
            <span class="topbar-user-detail">{detail}</span>
          </div>
          <div class="topbar-actions">
            <Button variant="on-dark" busy={busy} busyLabel="正在退出…" onClick={onSignOut}>
              退出登录
            </Button>
          </div>
        </div>
      </header>
      <main class="main" id="main">
        {error && <Alert tone="error">{error}</Alert>}
        {notice && (
          <Alert tone={notice.tone} onClose={() => setNotice(null)}>
            {notice.text}
          </Alert>
        )}
        {children}
      </main>
      <footer class="footer">承德市人大常委会 · 履职监督台账</footer>
    </div>
  )
}
