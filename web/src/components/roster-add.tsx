// 添加代表: one deputy by hand (name, phone, level, county for city staff, group). The new account's
// temporary password is shown once, by the caller.
import { useState } from 'preact/hooks'
import type { DeputyLevel } from '../../../worker/core/taxonomy'
import { MAX_CHARS, PHONE_RE } from '../../../worker/core/limits'
import { deputiesApi, type NewDeputy } from '../activities-api'
import { DEPUTY_LEVEL_OPTIONS, countyOptions } from '../activity-format'
import { asApiError, type Reference } from '../api'
import { Alert } from './alert'
import { FormActions, SelectField } from './form-fields'
import { focusFirstErrorAs, TextField } from './text-field'

interface RosterAddProps {
  reference: Reference | null
  /** City staff choose the county; county staff add to their own. */
  city: boolean
  onAdded: (deputy: NewDeputy) => void
  onCancel: () => void
}

type Fields = Partial<Record<'name' | 'phone' | 'level' | 'countyCode' | 'group', string>>
const ORDER = ['deputy-name', 'deputy-phone', 'deputy-level', 'deputy-county', 'deputy-group']
const idOf = (f: string) => (f === 'countyCode' ? 'deputy-county' : `deputy-${f}`)

export function RosterAdd({ reference, city, onAdded, onCancel }: RosterAddProps) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [level, setLevel] = useState('')
  const [county, setCounty] = useState('')
  const [group, setGroup] = useState('')
  const [fields, setFields] = useState<Fields>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const show = (f: Fields) => {
    setFields(f)
    focusFirstErrorAs(f, ORDER, idOf)
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (busy) return
    const digits = phone.replace(/[\s-]/g, '')
    const f: Fields = {}
    if (!name.trim()) f.name = '请填写姓名'
    if (!PHONE_RE.test(digits)) f.phone = digits ? '请填写 11 位手机号' : '请填写手机号'
    if (!level) f.level = '请选择代表层级'
    if (city && !county) f.countyCode = '请选择县市区'
    setError('')
    if (Object.keys(f).length) return show(f)
    setBusy(true)
    try {
      const body = { name: name.trim(), phone: digits, level: level as DeputyLevel, ...(city ? { countyCode: county } : {}), ...(group.trim() ? { group: group.trim() } : {}) }
      onAdded(await deputiesApi.create(body))
    } catch (e) {
      const err = asApiError(e, '添加失败，请稍后重试')
      if (err.status === 409) show({ phone: err.message })
      else if (Object.keys(err.fields).length) show(err.fields)
      else setError(err.message)
      setBusy(false)
    }
  }

  return (
    <form class="card roster-form" onSubmit={submit} noValidate aria-label="添加代表">
      <p class="card-title">添加代表</p>
      {error && <Alert tone="error">{error}</Alert>}
      <div class="form-pair">
        <TextField id="deputy-name" label="姓名" value={name} onInput={setName} error={fields.name} maxLength={MAX_CHARS.personName} />
        <TextField id="deputy-phone" label="手机号" type="tel" inputmode="numeric" value={phone} onInput={setPhone} error={fields.phone} hint="作为登录账号" />
        <SelectField id="deputy-level" label="代表层级" value={level} onChange={setLevel} placeholder="请选择" options={DEPUTY_LEVEL_OPTIONS} error={fields.level} />
        {city && <SelectField id="deputy-county" label="县市区" value={county} onChange={setCounty} placeholder="请选择县市区" options={countyOptions(reference)} error={fields.countyCode} />}
        <TextField id="deputy-group" label="代表小组" value={group} onInput={setGroup} error={fields.group} maxLength={MAX_CHARS.deputyGroup} optional placeholder="如：平泉镇代表小组" />
      </div>
      <FormActions busy={busy} busyLabel="正在添加…" onCancel={onCancel}>
        添加代表
      </FormActions>
    </form>
  )
}
