// 开通账号: a city staff account, a county staff account (city staff pick the county) or a unit
// account (for a unit picked from the county's units). It starts without a password: the caller
// offers its 开通通知单.
import { useEffect, useState } from 'preact/hooks'
import { MAX_CHARS, PHONE_RE } from '../../../worker/core/limits'
import { usersApi, type Account } from '../activities-api'
import { countyOptions } from '../activity-format'
import { asApiError, type Reference } from '../api'
import { unitsApi, type Unit } from '../issues-api'
import { Alert } from './alert'
import { FormActions, SelectField } from './form-fields'
import { focusFirstErrorAs, TextField } from './text-field'

interface AccountFormProps {
  role: 'unit' | 'county_staff' | 'city_staff'
  reference: Reference | null
  /** The county the account is for; '' lets city staff pick one (county staff accounts). */
  countyCode: string
  onCreated: (result: { user: Account }) => void
  onCancel: () => void
}

type Fields = Partial<Record<'name' | 'phone' | 'countyCode' | 'unitId', string>>
const ORDER = ['account-unit', 'account-county', 'account-name', 'account-phone']
const idOf: Record<string, string> = { name: 'account-name', phone: 'account-phone', countyCode: 'account-county', unitId: 'account-unit' }

export function AccountForm({ role, reference, countyCode, onCreated, onCancel }: AccountFormProps) {
  const [county, setCounty] = useState(countyCode)
  const [unitId, setUnitId] = useState('')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [units, setUnits] = useState<{ state: 'loading' | 'ready' | 'failed'; list: Unit[] }>({ state: 'loading', list: [] })
  const [fields, setFields] = useState<Fields>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (role !== 'unit' || !countyCode) return
    let live = true
    unitsApi.list(countyCode).then(
      (list) => live && setUnits({ state: 'ready', list }),
      () => live && setUnits({ state: 'failed', list: [] }),
    )
    return () => {
      live = false
    }
  }, [role, countyCode])

  const show = (f: Fields) => {
    setFields(f)
    focusFirstErrorAs(f, ORDER, (k) => idOf[k] ?? k)
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (busy) return
    const digits = phone.replace(/[\s-]/g, '')
    const f: Fields = {}
    if (role === 'unit' && !unitId) f.unitId = '请选择责任单位'
    if (role === 'county_staff' && !county) f.countyCode = '请选择县市区'
    if (!name.trim()) f.name = '请填写姓名'
    if (!PHONE_RE.test(digits)) f.phone = digits ? '请填写 11 位手机号' : '请填写手机号'
    setError('')
    if (Object.keys(f).length) return show(f)
    setBusy(true)
    try {
      const who = { name: name.trim(), phone: digits }
      onCreated(await usersApi.create(role === 'unit' ? { role, ...who, unitId } : role === 'city_staff' ? { role, ...who } : { role, ...who, countyCode: county }))
    } catch (e) {
      const err = asApiError(e, '开通失败，请稍后重试')
      if (err.status === 409) show({ phone: err.message })
      else if (Object.keys(err.fields).length) show(err.fields)
      else setError(err.message)
      setBusy(false)
    }
  }

  const unitLabel = role === 'unit' ? '开通责任单位账号' : role === 'city_staff' ? '开通市人大工作人员账号' : '开通县级人大工作人员账号'
  return (
    <form class="card roster-form" onSubmit={submit} noValidate aria-label={unitLabel}>
      <p class="card-title">{unitLabel}</p>
      {error && <Alert tone="error">{error}</Alert>}
      <div class="form-pair">
        {role === 'unit' ? (
          <SelectField
            id="account-unit"
            label="责任单位"
            value={unitId}
            onChange={setUnitId}
            placeholder={units.state === 'loading' ? '正在加载单位…' : units.state === 'failed' ? '单位加载失败，请刷新' : '请选择责任单位'}
            options={units.list.map((u) => ({ value: u.id, label: u.name }))}
            error={fields.unitId}
            hint={units.state === 'ready' && units.list.length === 0 ? '还没有责任单位，请先在“责任单位”中添加。' : undefined}
          />
        ) : role === 'city_staff' ? null : (
          <SelectField id="account-county" label="县市区" value={county} onChange={setCounty} placeholder="请选择县市区" options={countyOptions(reference)} error={fields.countyCode} />
        )}
        <TextField id="account-name" label="姓名" value={name} onInput={setName} error={fields.name} maxLength={MAX_CHARS.personName} />
        <TextField id="account-phone" label="手机号" type="tel" inputmode="numeric" value={phone} onInput={setPhone} error={fields.phone} hint="作为登录账号" />
      </div>
      <FormActions busy={busy} busyLabel="正在开通…" onCancel={onCancel}>
        开通账号
      </FormActions>
    </form>
  )
}
