// 登记“五个一”: which of the five (综合视察 …), the date within the year, a title and a summary.
// Sent with a client id kept while the content is unchanged, so a retry after a lost answer files it once.
import { useRef, useState } from 'preact/hooks'
import type { FiveOne } from '../../../worker/core/taxonomy'
import { MAX_CHARS } from '../../../worker/core/limits'
import { fiveOnesApi, type FiveOneItem } from '../activities-api'
import { FIVE_ONES } from '../activity-format'
import { asApiError } from '../api'
import { newId } from '../issues-api'
import { Alert } from './alert'
import { ChoiceChips, FormActions, TextArea } from './form-fields'
import { focusFirstErrorAs, TextField } from './text-field'

interface FiveOneFormProps {
  countyCode: string
  /** Whose 五个一 it is, for the heading (平泉市人大, 承德市人大). */
  place: string
  year: number
  today: string
  initialType: FiveOne | ''
  onSaved: (item: FiveOneItem) => void
  onCancel: () => void
}

type Fields = Partial<Record<'type' | 'date' | 'title' | 'summary', string>>
const ORDER = ['five-type', 'five-date', 'five-title', 'five-summary']
const idOf = (k: string) => (k === 'type' ? 'five-type' : `five-${k}`)

export function FiveOneForm({ countyCode, place, year, today, initialType, onSaved, onCancel }: FiveOneFormProps) {
  const last = `${year}-12-31`
  const max = last < today ? last : today
  const [type, setType] = useState<FiveOne | ''>(initialType)
  const [date, setDate] = useState(today.startsWith(`${year}-`) ? today : '')
  const [title, setTitle] = useState('')
  const [summary, setSummary] = useState('')
  const [fields, setFields] = useState<Fields>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  /** The last attempt: the same content goes again under the same id. */
  const attempt = useRef<{ id: string; content: string } | null>(null)

  const show = (f: Fields) => {
    setFields(f)
    focusFirstErrorAs(f, ORDER, idOf)
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (busy) return
    const f: Fields = {}
    if (!type) f.type = '请选择“五个一”类别'
    if (!date) f.date = '请填写日期'
    else if (!date.startsWith(`${year}-`)) f.date = `日期应在 ${year} 年内`
    else if (date > today) f.date = '日期不能晚于今天'
    if (!title.trim()) f.title = '请填写标题'
    setError('')
    if (Object.keys(f).length) return show(f)
    setBusy(true)
    const content = { countyCode, year, type: type as FiveOne, date, title: title.trim(), summary: summary.trim() }
    const key = JSON.stringify(content)
    if (attempt.current?.content !== key) attempt.current = { id: newId(), content: key }
    try {
      onSaved(await fiveOnesApi.create({ id: attempt.current.id, ...content }))
    } catch (e) {
      const err = asApiError(e, '登记失败，请稍后重试')
      if (Object.keys(err.fields).some((k) => k in { type: 1, date: 1, title: 1, summary: 1 })) show(err.fields)
      else setError(err.message)
      setBusy(false)
    }
  }

  return (
    <form class="card five-form" onSubmit={submit} noValidate aria-label="登记五个一">
      <p class="card-title">
        登记{place}“五个一” · {year} 年
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <ChoiceChips name="five-type" legend="类别" value={type} onChange={(v) => setType(v as FiveOne)} options={FIVE_ONES.map((f) => ({ value: f.code, label: f.name }))} error={fields.type} />
      <div class="form-pair">
        <TextField id="five-date" label="日期" type="date" value={date} min={`${year}-01-01`} max={max} onInput={setDate} error={fields.date} />
        <TextField id="five-title" label="标题" value={title} onInput={setTitle} error={fields.title} maxLength={MAX_CHARS.title} placeholder="如：关于优化营商环境的专题询问" />
      </div>
      <TextArea id="five-summary" label="概述" aside="选填" value={summary} onInput={setSummary} error={fields.summary} maxLength={MAX_CHARS.text} rows={3} placeholder="参加人员、主要内容、形成的成果" />
      <FormActions busy={busy} busyLabel="正在登记…" onCancel={onCancel}>
        登记
      </FormActions>
    </form>
  )
}
