// A banner for errors, successes and notes; errors are announced to screen readers at once.
import type { ComponentChildren } from 'preact'

interface AlertProps {
  tone?: 'error' | 'success' | 'info' | 'warning'
  title?: string
  children: ComponentChildren
  onClose?: () => void
}

export function Alert({ tone = 'info', title, children, onClose }: AlertProps) {
  return (
    <div class={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div class="alert-body">
        {title && <p class="alert-title">{title}</p>}
        <div>{children}</div>
      </div>
      {onClose && (
        <button type="button" class="alert-close" onClick={onClose} aria-label="关闭提示">
          ×
        </button>
      )}
    </div>
  )
}
