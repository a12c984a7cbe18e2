// 四个一批 as four compact steppers (− n +), two to a row on a phone and four on a desk; the short
// names fit a thumb's width and one tap shows the full names (宣讲一批惠民政策 …).
import { useState } from 'preact/hooks'
import { MAX_OUTCOME } from '../../../worker/core/limits'
import type { Batch, Outcomes } from '../activities-api'
import { BATCH_SHORT, FOUR_BATCHES, outcomeLabel } from '../activity-format'

interface OutcomeSteppersProps {
  value: Outcomes
  onChange: (next: Outcomes) => void
  errors: Record<string, string | undefined>
}

const clamp = (n: number) => Math.min(MAX_OUTCOME, Math.max(0, n))

export function OutcomeSteppers({ value, onChange, errors }: OutcomeSteppersProps) {
  const [full, setFull] = useState(false)
  const set = (k: Batch, n: number) => onChange({ ...value, [k]: clamp(n) })
  return (
    <div class="field batches" role="group" aria-labelledby="batches-label">
      <div class="field-head">
        <span id="batches-label" class="field-label">
          四个一批<span class="field-aside">本次活动的成效，填数量</span>
        </span>
        <button type="button" class="link-button" aria-pressed={full ? 'true' : 'false'} onClick={() => setFull(!full)}>
          {full ? '简称' : '全称'}
        </button>
      </div>
      <div class={full ? 'steppers steppers-full' : 'steppers'}>
        {FOUR_BATCHES.map((k) => {
          const id = `outcomes.${k}`
          const n = value[k]
          const error = errors[id]
          return (
            <div key={k} class={error ? 'stepper stepper-invalid' : 'stepper'}>
              <label class="stepper-label" for={id} title={outcomeLabel(k)}>
                {full ? outcomeLabel(k) : BATCH_SHORT[k]}
              </label>
              <div class="stepper-row">
                <button type="button" class="stepper-btn" aria-label={`${BATCH_SHORT[k]}减 1`} disabled={n <= 0} onClick={() => set(k, n - 1)}>
                  −
                </button>
                <input
                  id={id}
                  class="stepper-input"
                  type="text"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  maxLength={String(MAX_OUTCOME).length}
                  value={String(n)}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onFocus={(e) => e.currentTarget.select()}
                  onInput={(e) => {
                    const next = clamp(Number(e.currentTarget.value.replace(/\D/g, '') || 0))
                    // Keeps the box in step even when the number did not change (letters typed).
                    e.currentTarget.value = String(next)
                    set(k, next)
                  }}
                />
                <button type="button" class="stepper-btn" aria-label={`${BATCH_SHORT[k]}加 1`} disabled={n >= MAX_OUTCOME} onClick={() => set(k, n + 1)}>
                  +
                </button>
              </div>
              {error && (
                <p class="field-error" id={`${id}-error`}>
                  {error}
                </p>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}
