// 五个引进 of one activity: a short list of rows (category, name, and for funds the amount in 万元),
// added one at a time; empty until the deputy brought something in.
import { MAX_CHARS } from '../../../worker/core/limits'
import type { IntroType } from '../activities-api'
import { FIVE_INTRODUCTIONS, outcomeLabel } from '../activity-format'
import { introKey, MAX_INTRODUCTIONS, type IntroDraft } from '../activity-draft'

interface IntroductionsProps {
  value: IntroDraft[]
  onChange: (next: IntroDraft[]) => void
  errors: Record<string, string | undefined>
}

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p class="field-error" id={`${id}-error`}>
      {text}
    </p>
  ) : null
}

export function IntroductionsEditor({ value, onChange, errors }: IntroductionsProps) {
  const edit = (n: number, change: Partial<IntroDraft>) => onChange(value.map((i, k) => (k === n ? { ...i, ...change } : i)))
  const add = () => {
    onChange([...value, { key: introKey(), type: '', name: '', amount: '' }])
    // The new row's category is what comes next; focus it once it is drawn.
    window.setTimeout(() => document.getElementById(`introductions.${value.length}.type`)?.focus(), 0)
  }
  return (
    <div class="field intros" role="group" aria-labelledby="intros-label" id="introductions" tabIndex={-1}>
      <div class="field-head">
        <span id="intros-label" class="field-label">
          五个引进<span class="field-aside">选填，引进了才填</span>
        </span>
      </div>
      {value.length > 0 && (
        <ol class="intro-rows">
          {value.map((i, n) => {
            const id = (f: string) => `introductions.${n}.${f}`
            const funds = i.type === 'funds'
            return (
              <li key={i.key} class="intro-row">
                <div class="intro-line">
                  <select
                    id={id('type')}
                    class="input select"
                    value={i.type}
                    aria-label={`第 ${n + 1} 项引进类别`}
                    aria-invalid={errors[id('type')] ? 'true' : undefined}
                    onChange={(e) => edit(n, { type: e.currentTarget.value as IntroType, amount: e.currentTarget.value === 'funds' ? i.amount : '' })}
                  >
                    <option value="">请选择类别</option>
                    {FIVE_INTRODUCTIONS.map((t) => (
                      <option key={t} value={t}>
                        {outcomeLabel(t)}
                      </option>
                    ))}
                  </select>
                  <button type="button" class="intro-remove" aria-label={`删除第 ${n + 1} 项引进`} onClick={() => onChange(value.filter((_, k) => k !== n))}>
                    ×
                  </button>
                </div>
                <FieldError id={id('type')} text={errors[id('type')]} />
                <div class={funds ? 'intro-line intro-line-funds' : 'intro-line'}>
                  <input
                    id={id('name')}
                    class="input"
                    type="text"
                    value={i.name}
                    maxLength={MAX_CHARS.introductionName}
                    placeholder={funds ? '资金名称，如：产业扶持资金' : '名称，如：某某农业公司'}
                    aria-label={`第 ${n + 1} 项引进名称`}
                    aria-invalid={errors[id('name')] ? 'true' : undefined}
                    onInput={(e) => edit(n, { name: e.currentTarget.value })}
                  />
                  {funds && (
                    <span class="intro-amount">
                      <input
                        id={id('amount')}
                        class="input"
                        type="text"
                        inputMode="decimal"
                        value={i.amount}
                        maxLength={12}
                        placeholder="金额"
                        aria-label={`第 ${n + 1} 项金额（万元）`}
                        aria-invalid={errors[id('amount')] ? 'true' : undefined}
                        onInput={(e) => edit(n, { amount: e.currentTarget.value })}
                      />
                      <span aria-hidden="true">万元</span>
                    </span>
                  )}
                </div>
                <FieldError id={id('name')} text={errors[id('name')]} />
                <FieldError id={id('amount')} text={errors[id('amount')]} />
              </li>
            )
          })}
        </ol>
      )}
      <FieldError id="introductions" text={errors.introductions} />
      {value.length < MAX_INTRODUCTIONS && (
        <button type="button" class="btn btn-secondary btn-small intro-add" onClick={add}>
          ＋ 添加引进事项
        </button>
      )}
    </div>
  )
}
