// A titled section of a statistics screen, with a line that says how to read it.
import type { ComponentChildren } from 'preact'

interface SectionProps {
  id: string
  title: string
  note?: ComponentChildren
  children: ComponentChildren
}

export function Section({ id, title, note, children }: SectionProps) {
  return (
    <section class="stats-section" aria-labelledby={id}>
      <h2 id={id} class="stats-section-title">
        {title}
      </h2>
      {note && <p class="stats-section-note">{note}</p>}
      {children}
    </section>
  )
}
