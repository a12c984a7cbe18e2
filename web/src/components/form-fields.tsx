// More fields in the look of TextField: a multi-line text, a select, a set of large choice chips
// (radio buttons a thumb can hit), a 0–100 progress input (slider and number kept together), and
// a form's send and 取消 buttons.
import type { ComponentChildren } from 'preact'
import { Button } from './button'

interface FrameProps {
  id: string
  label: string
  error?: string
  hint?: string
  children: ComponentChildren
  /** Shown after the label, e.g. （选填）. */
  aside?: string
  count?: string
}

function Frame({ id, label, error, hint, children, aside, count }: FrameProps) {
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label class="field-label" for={id}>
        {label}
        {aside && <span class="field-aside">{aside}</span>}
      </label>
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {count && (
        <p class="field-count" aria-hidden="true">
          {count}
        </p>
      )}
    </div>
  )
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
}

interface TextAreaProps {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  error?: string
  hint?: string
  aside?: string
  maxLength?: number
  rows?: number
  placeholder?: string
}

export function TextArea({ id, label, value, onInput, error, hint, aside, maxLength, rows = 4, placeholder }: TextAreaProps) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} aside={aside} count={maxLength ? `${value.length}/${maxLength}` : undefined}>
      <textarea
        id={id}
        name={id}
        class="input textarea"
        rows={rows}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </Frame>
  )
}

export interface Option {
  value: string
  label: string
  /** Options under a heading (units by county). */
  group?: string
}

interface SelectFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  options: Option[]
  /** The first, empty choice (全部, 请选择…). */
  placeholder?: string
  error?: string
  hint?: string
  disabled?: boolean
}

export function SelectField({ id, label, value, onChange, options, placeholder, error, hint, disabled }: SelectFieldProps) {
  const groups = [...new Set(options.map((o) => o.group ?? ''))]
  const render = (list: Option[]) => list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        name={id}
        class="input select"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {groups.length > 1
          ? groups.map((g) => (
              <optgroup key={g} label={g}>
                {render(options.filter((o) => (o.group ?? '') === g))}
              </optgroup>
            ))
          : render(options)}
      </select>
    </Frame>
  )
}

interface ChoiceChipsProps {
  name: string
  legend: string
  value: string
  onChange: (value: string) => void
  options: Option[]
  error?: string
  /** large: two to a row, for the one choice that matters most on the screen. */
  size?: 'large' | 'small'
}

/** One choice of a few, as radio buttons drawn as chips. */
export function ChoiceChips({ name, legend, value, onChange, options, error, size = 'small' }: ChoiceChipsProps) {
  return (
    <fieldset class={error ? 'field chips-field field-invalid' : 'field chips-field'} id={name} tabIndex={-1} aria-describedby={error ? `${name}-error` : undefined}>
      <legend class="field-label">{legend}</legend>
      <div class={`chips chips-${size}`}>
        {options.map((o) => (
          <label key={o.value} class={o.value === value ? 'chip chip-on' : 'chip'}>
            <input class="chip-input" type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  )
}

interface ProgressInputProps {
  id: string
  label: string
  value: number
  onChange: (value: number) => void
  error?: string
}

export function ProgressInput({ id, label, value, onChange, error }: ProgressInputProps) {
  const set = (raw: string) => {
    const n = Math.round(Number(raw))
    if (raw !== '' && Number.isFinite(n)) onChange(Math.min(100, Math.max(0, n)))
  }
  return (
    <Frame id={id} label={label} error={error}>
      <div class="progress-input">
        <input class="range" type="range" min={0} max={100} step={5} value={value} aria-label={`${label}滑块`} onInput={(e) => set(e.currentTarget.value)} />
        <span class="progress-number">
          <input
            id={id}
            class="input"
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={value}
            onInput={(e) => set(e.currentTarget.value)}
            aria-invalid={error ? 'true' : undefined}
          />
          <span aria-hidden="true">%</span>
        </span>
      </div>
    </Frame>
  )
}

interface FormActionsProps {
  children: ComponentChildren
  busy: boolean
  busyLabel: string
  variant?: 'primary' | 'danger'
  onCancel: () => void
}

/** The send button (saying `children`) and 取消 beside it, which waits while a send is in flight. */
export function FormActions({ children, busy, busyLabel, variant, onCancel }: FormActionsProps) {
  return (
    <div class="form-actions">
      <Button type="submit" variant={variant} busy={busy} busyLabel={busyLabel}>
        {children}
      </Button>
      <Button variant="secondary" onClick={onCancel} disabled={busy}>
        取消
      </Button>
    </div>
  )
}
