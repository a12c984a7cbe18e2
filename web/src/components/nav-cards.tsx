// The home screen's navigation as large cards, each a link to its screen.
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
          <a class="nav-card" href={item.path} onClick={followLink}>
            <span class="nav-card-head">
              <span class="nav-card-title">{item.title}</span>
            </span>
            <span class="nav-card-desc">{item.description}</span>
          </a>
        </li>
      ))}
    </ul>
  )
}
