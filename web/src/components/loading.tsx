// Spinner and the full-area loading state shown while a screen or the session is on its way.
interface SpinnerProps {
  small?: boolean
}

export function Spinner({ small }: SpinnerProps) {
  return <span class={small ? 'spinner spinner-small' : 'spinner'} aria-hidden="true" />
}

interface LoadingProps {
  label?: string
}

export function Loading({ label = '正在加载…' }: LoadingProps) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <Spinner />
      <span>{label}</span>
    </div>
  )
}
