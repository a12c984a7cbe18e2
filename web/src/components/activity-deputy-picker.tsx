// Staff record an activity for a deputy: search the roster (name or phone) and pick one; the
// choice then shows as one line with 更换.
import { useEffect, useState } from 'preact/hooks'
import { MAX_CHARS } from '../../../worker/core/limits'
import { deputiesApi, type Deputy } from '../activities-api'
import { deputyTitle, placeName } from '../activity-format'
import type { Reference } from '../api'
import { Spinner } from './loading'

interface DeputyPickerProps {
  value: { id: string; name: string } | null
  onChange: (deputy: { id: string; name: string } | null) => void
  error?: string
  reference: Reference | null
  /** City staff search every county: say which county each deputy is from. */
  showCounty: boolean
  /** The search box's label. */
  label?: string
}

type Found = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; items: Deputy[] }

export function DeputyPicker({ value, onChange, error, reference, showCounty, label = '为哪位代表记录' }: DeputyPickerProps) {
  const [q, setQ] = useState('')
  const [found, setFound] = useState<Found>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (value) return
    let live = true
    setFound({ state: 'loading' })
    // Typing settles before the roster is asked.
    const timer = window.setTimeout(() => {
      const qs = new URLSearchParams({ limit: '8' })
      if (q.trim()) qs.set('q', q.trim())
      deputiesApi.list(qs.toString()).then(
        (p) => live && setFound({ state: 'ready', items: p.items }),
        () => live && setFound({ state: 'failed' }),
      )
    }, 250)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
  }, [q, value, attempt])

  if (value) {
    return (
      <div class="field picked-deputy">
        <span class="field-label">代表</span>
        <div class="picked-row">
          <span class="picked-name">{value.name}</span>
          <button type="button" class="link-button" onClick={() => onChange(null)}>
            更换
          </button>
        </div>
      </div>
    )
  }
  return (
    <div class={error ? 'field field-invalid deputy-picker' : 'field deputy-picker'}>
      <label class="field-label" for="deputyId">
        {label}
      </label>
      <input
        id="deputyId"
        class="input"
        type="search"
        value={q}
        maxLength={MAX_CHARS.search}
        placeholder="输入姓名或手机号查找"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'deputyId-error' : undefined}
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      {error && (
        <p class="field-error" id="deputyId-error">
          {error}
        </p>
      )}
      <div class="picker-results" aria-live="polite">
        {found.state === 'loading' && (
          <p class="muted picker-note">
            <Spinner small /> 正在查找…
          </p>
        )}
        {found.state === 'failed' && (
          <p class="muted picker-note">
            名册加载失败。
            <button type="button" class="link-button" onClick={() => setAttempt((n) => n + 1)}>
              重试
            </button>
          </p>
        )}
        {found.state === 'ready' && found.items.length === 0 && <p class="muted picker-note">没有找到{q.trim() ? `“${q.trim()}”` : '代表'}，请核对姓名或手机号。</p>}
        {found.state === 'ready' && found.items.length > 0 && (
          <ul class="picker-list" aria-label="代表">
            {found.items.map((d) => (
              <li key={d.id}>
                <button type="button" class="picker-item" onClick={() => onChange({ id: d.id, name: d.name })}>
                  <span class="picker-item-name">{d.name}</span>
                  <span class="picker-item-meta">
                    {[deputyTitle(d.level), showCounty ? placeName(reference, d.countyCode) : '', d.group ?? ''].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}
