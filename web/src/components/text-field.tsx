// A labelled input with a hint and an inline error; password fields get a show/hide toggle,
// which matters on a phone keyboard where a mistyped password is hard to spot. Dates use the
// phone's own date picker.
import { useState } from 'preact/hooks'

type InputType = 'text' | 'password' | 'tel' | 'date'

interface TextFieldProps {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  type?: InputType
  autocomplete?: string
  inputmode?: 'text' | 'numeric' | 'tel'
  enterkeyhint?: 'next' | 'done' | 'go'
  hint?: string
  error?: string
  maxLength?: number
  /** Bounds of a date (YYYY-MM-DD). */
  min?: string
  max?: string
  placeholder?: string
  /** Marks the label 选填. */
  optional?: boolean
  /** Shows 已输入/上限 under the field when maxLength is set. */
  counter?: boolean
  /** For passwords: a button that shows what was typed. */
  revealable?: boolean
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onInput, type = 'text', hint, error, revealable } = props
  const [revealed, setRevealed] = useState(false)
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  const inputType = type === 'password' && revealed ? 'text' : type

  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label class="field-label" for={id}>
        {label}
        {props.optional && <span class="field-aside">选填</span>}
      </label>
      <div class={revealable ? 'field-control field-control-reveal' : 'field-control'}>
        <input
          id={id}
          name={id}
          class="input"
          {...typeAttribute(inputType)}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value)}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          enterkeyhint={props.enterkeyhint}
          maxLength={props.maxLength}
          min={props.min}
          max={props.max}
          placeholder={props.placeholder}
          autocapitalize="off"
          spellcheck={false}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
        {revealable && (
          <button
            type="button"
            class="field-reveal"
            aria-controls={id}
            aria-pressed={revealed ? 'true' : 'false'}
            aria-label={revealed ? `隐藏${label}` : `显示${label}`}
            onClick={() => setRevealed(!revealed)}
          >
            {revealed ? '隐藏' : '显示'}
          </button>
        )}
      </div>
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {props.counter && props.maxLength && (
        <p class="field-count" aria-hidden="true">
          {value.length}/{props.maxLength}
        </p>
      )}
    </div>
  )
}

// Preact types <input> by its `type`, so each value has to reach it as its own literal.
function typeAttribute(type: InputType) {
  if (type === 'password') return { type: 'password' as const }
  if (type === 'tel') return { type: 'tel' as const }
  if (type === 'date') return { type: 'date' as const }
  return { type: 'text' as const }
}

/** Moves focus to the first field the server or the form flagged, so it can be fixed at once. */
export function focusFirstError(fields: Record<string, string | undefined>, order: string[]): void {
  const first = order.find((name) => fields[name])
  if (first) document.getElementById(first)?.focus()
}

/** focusFirstError for a form whose control ids are not the API's field names. */
export function focusFirstErrorAs(fields: Record<string, string | undefined>, order: string[], idOf: (field: string) => string): void {
  focusFirstError(Object.fromEntries(Object.entries(fields).map(([k, v]) => [idOf(k), v])), order)
}
