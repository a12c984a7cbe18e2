// The frame of every signed-in screen: system name, who is signed in, what waits in the outbox
// ("N 条待发送", which also starts it sending), and a plain way out that warns about unsent items.
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ApiError, OFFLINE_COPY } from '../api'
import { placeLabel, roleLabel } from '../identity'
import { useOutbox } from '../outbox/use-outbox'
import { followLink } from '../router'
import { useSession, useUser } from '../session'
import { Alert } from './alert'
import { Button } from './button'
import '../outbox.css'

/** 12月2日 09:14, on the phone's clock. */
function copyTime(iso: string): string {
  const d = new Date(iso)
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

interface AppShellProps {
  children: ComponentChildren
}

export function AppShell({ children }: AppShellProps) {
  const user = useUser()
  const { reference, notice, setNotice, signOut } = useSession()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)
  // No signal, and this screen shows the copy fetched last time: say from when.
  const [copyAt, setCopyAt] = useState('')
  useEffect(() => {
    const shown = (e: Event) => setCopyAt((e as CustomEvent<string>).detail)
    window.addEventListener(OFFLINE_COPY, shown)
    return () => window.removeEventListener(OFFLINE_COPY, shown)
  }, [])
  const outbox = useOutbox(user.id)
  const unsent = outbox.waiting + outbox.rejected
  const place = placeLabel(user, reference)
  const detail = [roleLabel(user), user.role === 'unit' ? user.unitName : null, place].filter(Boolean).join(' · ')

  async function onSignOut(sure = false) {
    if (unsent > 0 && !sure) {
      setConfirming(true)
      window.scrollTo(0, 0)
      return
    }
    setConfirming(false)
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
            {unsent > 0 && (
              <a class="topbar-outbox" href="/outbox" onClick={followLink}>
                {outbox.waiting > 0 ? `${outbox.waiting} 条待发送` : ''}
                {outbox.waiting > 0 && outbox.rejected > 0 ? ' · ' : ''}
                {outbox.rejected > 0 ? `${outbox.rejected} 条需修改` : ''}
              </a>
            )}
          </div>
          <div class="topbar-actions">
            <Button variant="on-dark" busy={busy} busyLabel="正在退出…" onClick={() => void onSignOut()}>
              退出登录
            </Button>
          </div>
        </div>
      </header>
      <main class="main" id="main">
        {copyAt && (
          <p class="offline-copy" role="status">
            离线 · 显示 {copyTime(copyAt)} 的内容
          </p>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        {confirming && unsent > 0 && (
          <Alert tone="warning" title={`还有 ${unsent} 条内容没有报送`}>
            <p>它们保存在本机上。退出后不会发送，用本账号再次登录后会自动报送。</p>
            <div class="form-actions">
              <Button variant="danger" onClick={() => void onSignOut(true)}>
                仍然退出
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                不退出
              </Button>
            </div>
          </Alert>
        )}
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
