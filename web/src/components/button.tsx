// Buttons and button-looking links in the three variants of the design system.
import type { ComponentChildren } from 'preact'
import { followLink } from '../router'
import { Spinner } from './loading'

type Variant = 'primary' | 'secondary' | 'danger' | 'on-dark'

interface ButtonProps {
  children: ComponentChildren
  variant?: Variant
  type?: 'button' | 'submit'
  /** Shows a spinner and ignores clicks while a request is in flight. */
  busy?: boolean
  /** What the button says while busy, e.g. 正在登录… */
  busyLabel?: string
  disabled?: boolean
  block?: boolean
  onClick?: () => void
}

export function Button({ children, variant = 'primary', type = 'button', busy, busyLabel, disabled, block, onClick }: ButtonProps) {
  return (
    <button
      type={type}
      class={`btn btn-${variant}${block ? ' btn-block' : ''}`}
      disabled={disabled || busy}
      aria-busy={busy ? 'true' : undefined}
      onClick={onClick}
    >
      {busy && <Spinner small />}
      <span>{busy && busyLabel ? busyLabel : children}</span>
    </button>
  )
}

interface ButtonLinkProps {
  href: string
  children: ComponentChildren
  variant?: Variant
  block?: boolean
}

/** Navigation that should look like a button (a link, so it can open in a new tab). */
export function ButtonLink({ href, children, variant = 'secondary', block }: ButtonLinkProps) {
  return (
    <a href={href} class={`btn btn-${variant}${block ? ' btn-block' : ''}`} onClick={followLink}>
      {children}
    </a>
  )
}
