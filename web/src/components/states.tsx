// The states every list and detail screen shares: nothing yet, could not load (with a retry),
// more to load, and a screen that is not for this account.
import type { ComponentChildren } from 'preact'
import { Alert } from './alert'
import { Button, ButtonLink } from './button'

interface EmptyStateProps {
  title: string
  text?: string
  children?: ComponentChildren
}

export function EmptyState({ title, text, children }: EmptyStateProps) {
  return (
    <div class="empty empty-boxed">
      <p class="empty-title">{title}</p>
      {text && <p class="empty-text">{text}</p>}
      {children}
    </div>
  )
}

export function LoadError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div class="load-error">
      <Alert tone="error" title="加载失败">
        {message}
      </Alert>
      <Button variant="secondary" onClick={onRetry}>
        重试
      </Button>
    </div>
  )
}

interface LoadMoreProps {
  hasMore: boolean
  busy: boolean
  error: string
  onMore: () => void
  /** How many are shown, for the line under the list. */
  shown: number
}

export function LoadMore({ hasMore, busy, error, onMore, shown }: LoadMoreProps) {
  return (
    <div class="load-more">
      {error && <Alert tone="error">{error}</Alert>}
      {hasMore ? (
        <Button variant="secondary" busy={busy} busyLabel="正在加载…" onClick={onMore}>
          {error ? '重试加载更多' : '加载更多'}
        </Button>
      ) : (
        shown > 0 && <p class="muted">已显示全部 {shown} 条</p>
      )}
    </div>
  )
}

export function NotForRole() {
  return (
    <EmptyState title="此功能不适用于您的账号" text="请从首页进入您可以使用的功能。">
      <ButtonLink href="/" variant="primary">
        返回首页
      </ButtonLink>
    </EmptyState>
  )
}
