// The screen for an address the app does not have (a mistyped or outdated link).
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { useTitle } from '../use-title'

export default function NotFoundPage() {
  useTitle('页面不存在')
  return (
    <AppShell>
      <div class="empty">
        <p class="empty-code" aria-hidden="true">404</p>
        <h1 class="empty-title">没有找到这个页面</h1>
        <p class="empty-text">链接可能有误，或该页面已调整。请返回首页重新进入。</p>
        <ButtonLink href="/" variant="primary">
          返回首页
        </ButtonLink>
      </div>
    </AppShell>
  )
}
