// Tabs that are links (?tab=…): each view of a list has its own address, and back returns to it.
import { followLink } from '../router'

interface TabsProps {
  label: string
  tabs: { key: string; label: string; href: string }[]
  current: string
}

export function Tabs({ label, tabs, current }: TabsProps) {
  return (
    <nav class="tabs" aria-label={label}>
      {tabs.map((t) => (
        <a key={t.key} class={t.key === current ? 'tab tab-on' : 'tab'} href={t.href} aria-current={t.key === current ? 'page' : undefined} onClick={followLink}>
          {t.label}
        </a>
      ))}
    </nav>
  )
}
