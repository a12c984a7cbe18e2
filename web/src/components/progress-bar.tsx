// Rectification progress (0–100) as a native <progress> bar with its number: styled by CSS only,
// since the CSP allows no inline style.
export function ProgressBar({ value, label = '整改进度' }: { value: number; label?: string }) {
  return (
    <span class="progress-row">
      <progress class="progress" max={100} value={value} aria-label={label} />
      <span class="progress-value">{value}%</span>
    </span>
  )
}
