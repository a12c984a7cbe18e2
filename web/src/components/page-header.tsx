// The head of a screen: a way back, the title, and the screen's own actions beside it.
import type { ComponentChildren } from 'preact'
import { followLink } from '../router'

interface PageHeaderProps {
  title: string
  back?: { href: string; label: string }
  /** A line under the title (scope, counts). */
  note?: ComponentChildren
  children?: ComponentChildren
}

export function PageHeader({ title, back, note, children }: PageHeaderProps) {
  return (
    <div class="page-head">
      {back && (
        <a class="back-link" href={back.href} onClick={followLink}>
          <span aria-hidden="true">‹</span> {back.label}
        </a>
      )}
      <div class="page-head-row">
        <div class="page-head-text">
          <h1 class="page-title">{title}</h1>
          {note && <div class="page-note">{note}</div>}
        </div>
        {children && <div class="page-head-actions">{children}</div>}
      </div>
    </div>
  )
}
