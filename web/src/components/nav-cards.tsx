// The home screen's navigation as large cards. Items not built yet stay visible (so people know
// what is coming) but are plainly not links.
import type { NavItem } from '../nav'
import { followLink } from '../router'

interface NavCardsProps {
  items: readonly NavItem[]
  label: string
}

export function NavCards({ items, label }: NavCardsProps) {
  return (
    <ul class="nav-grid" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          {item.path ? (
            <a class="nav-card" href={item.path} onClick={followLink}>
              <span class="nav-card-head">
                <span class="nav-card-title">{item.title}</span>
              </span>
              <span class="nav-card-desc">{item.description}</span>
            </a>
          ) : (
            <div class="nav-card nav-card-disabled" aria-disabled="true">
              <span class="nav-card-head">
                <span class="nav-card-title">{item.title}</span>
                <span class="badge">即将开放</span>
              </span>
              <span class="nav-card-desc">{item.description}</span>
            </div>
          )}
        </li>
      ))}
    </ul>
  )
}
