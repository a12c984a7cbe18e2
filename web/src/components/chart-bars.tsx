// A horizontal bar chart in plain SVG: one row per item with its name, the bar and the number
// beside it (the number is the accessible content, and a link to the records behind it).
import { followLink } from '../router'

export interface Bar {
  key: string
  label: string
  /** Where the label leads (a county's own dashboard). */
  labelHref?: string
  value: number
  /** The number as shown: 77.8%, 24 次. */
  text: string
  href?: string
}

interface BarChartProps {
  title: string
  note?: string
  bars: Bar[]
  /** The value of a full bar: 1 for a share, else the largest value. */
  max?: number
  tone?: 'accent' | 'info'
}

export function BarChart({ title, note, bars, max, tone = 'info' }: BarChartProps) {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value))
  const id = `chart-${title}`
  return (
    <figure class={`card chart chart-${tone}`} aria-labelledby={id}>
      <figcaption class="chart-head">
        <span id={id} class="chart-title">
          {title}
        </span>
        {note && <span class="chart-note">{note}</span>}
      </figcaption>
      <ul class="chart-rows">
        {bars.map((b) => {
          const width = Math.max(0, Math.min(100, (b.value / top) * 100))
          return (
            <li key={b.key} class="chart-row">
              <span class="chart-label">
                {b.labelHref ? (
                  <a href={b.labelHref} onClick={followLink}>
                    {b.label}
                  </a>
                ) : (
                  b.label
                )}
              </span>
              <svg class="chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={`${b.label} ${title} ${b.text}`}>
                <rect class="chart-track" x="0" y="0" width="100" height="10" />
                {width > 0 && <rect class="chart-fill" x="0" y="0" width={width.toFixed(2)} height="10" />}
              </svg>
              <span class="chart-value">
                {b.href && b.value > 0 ? (
                  <a href={b.href} onClick={followLink}>
                    {b.text}
                  </a>
                ) : (
                  b.text
                )}
              </span>
            </li>
          )
        })}
      </ul>
    </figure>
  )
}
