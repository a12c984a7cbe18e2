// 责任单位: the units of a county that take rectification tasks; staff list them, add new ones and
// rename one (机构改革). City staff pick the county first.
import { useEffect, useState } from 'preact/hooks'
import { MAX_CHARS } from '../../../worker/core/limits'
import { ApiError, asApiError } from '../api'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { SelectField } from '../components/form-fields'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { EmptyState, LoadError } from '../components/states'
import { TextField } from '../components/text-field'
import { isStaffRole } from '../issue-format'
import { unitsApi, type Unit } from '../issues-api'
import { countyName } from '../reference'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'

type List = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; units: Unit[] }

export default function UnitsPage() {
  useTitle('责任单位')
  const user = useUser()
  const { reference } = useSession()
  const city = user.role === 'city_staff'
  const picked = new URLSearchParams(useSearch()).get('countyCode') ?? ''
  const county = city ? picked : (user.countyCode ?? '')
  const [list, setList] = useState<List>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [name, setName] = useState('')
  const [nameError, setNameError] = useState('')
  const [error, setError] = useState('')
  const [added, setAdded] = useState('')
  const [busy, setBusy] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)

  useEffect(() => {
    if (!isStaffRole(user.role) || !county) return
    let live = true
    setList({ state: 'loading' })
    setEditing(null)
    unitsApi.list(county).then(
      (units) => live && setList({ state: 'ready', units }),
      (e: unknown) => live && setList({ state: 'failed', message: e instanceof ApiError ? e.message : '加载失败，请稍后重试' }),
    )
    return () => {
      live = false
    }
  }, [county, attempt, user.role])

  async function add(event: Event) {
    event.preventDefault()
    if (busy) return
    const trimmed = name.trim()
    setAdded('')
    setError('')
    if (!trimmed) return setNameError('请填写单位名称')
    setNameError('')
    setBusy(true)
    try {
      const unit = await unitsApi.create(trimmed, city ? county : undefined)
      setList((l) => (l.state === 'ready' ? { state: 'ready', units: [...l.units, unit].sort((a, b) => (a.name < b.name ? -1 : 1)) } : l))
      setName('')
      setAdded(`已添加“${unit.name}”，交办问题时即可选择。`)
    } catch (e) {
      const err = asApiError(e, '添加失败，请稍后重试')
      if (err.status === 409) setNameError(err.message)
      else if (err.fields.name) setNameError(err.fields.name)
      else setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  /** A unit as the server now has it (renamed here, or by someone else meanwhile), kept in name order. */
  function replace(unit: Unit) {
    setList((l) => (l.state === 'ready' ? { state: 'ready', units: l.units.map((u) => (u.id === unit.id ? unit : u)).sort((a, b) => (a.name < b.name ? -1 : 1)) } : l))
  }

  const place = countyName(reference, county)
  return (
    <AppShell>
      <div class="page-form">
        <PageHeader title="责任单位" back={{ href: '/', label: '首页' }} note={place ? `${place}承担整改任务的政府部门和乡镇（街道）` : undefined} />
        {city && (
          <div class="card">
            <SelectField
              id="countyCode"
              label="县市区"
              value={county}
              onChange={(v) => navigate(v ? `/units?countyCode=${v}` : '/units', { replace: true })}
              placeholder="请选择县市区"
              options={(reference?.counties ?? []).map((c) => ({ value: c.code, label: c.name }))}
            />
          </div>
        )}
        {county ? (
          <>
            <form class="card unit-add" onSubmit={add} noValidate>
              <TextField id="unit-name" label="添加责任单位" value={name} onInput={setName} error={nameError} maxLength={MAX_CHARS.unitName} placeholder={`如：${place}自然资源和规划局`} />
              <Button type="submit" busy={busy} busyLabel="正在添加…">
                添加
              </Button>
            </form>
            {added && <Alert tone="success">{added}</Alert>}
            {error && <Alert tone="error">{error}</Alert>}
            {list.state === 'loading' && <Loading label="正在加载责任单位…" />}
            {list.state === 'failed' && <LoadError message={list.message} onRetry={() => setAttempt((n) => n + 1)} />}
            {list.state === 'ready' &&
              (list.units.length === 0 ? (
                <EmptyState title="暂无责任单位" text="添加后，交办问题时即可选择。" />
              ) : (
                <section class="card unit-list-card" aria-label={`${place}责任单位`}>
                  <p class="muted">共 {list.units.length} 个单位</p>
                  <ul class="unit-list">
                    {list.units.map((u) => (
                      <UnitRow
                        key={u.id}
                        unit={u}
                        editing={editing === u.id}
                        onEdit={(on) => {
                          setEditing(on ? u.id : null)
                          if (on) setAdded('')
                        }}
                        onChanged={replace}
                        onRenamed={(from, unit) => {
                          replace(unit)
                          setEditing(null)
                          setAdded(`已将“${from}”更名为“${unit.name}”，交办给该单位的问题随即显示新名称。`)
                        }}
                      />
                    ))}
                  </ul>
                </section>
              ))}
          </>
        ) : (
          <EmptyState title="请选择县市区" text="选择后可查看和添加该地的责任单位。" />
        )}
      </div>
    </AppShell>
  )
}

interface UnitRowProps {
  unit: Unit
  editing: boolean
  onEdit: (on: boolean) => void
  /** Someone else changed the unit meanwhile: show it as it is now. */
  onChanged: (unit: Unit) => void
  onRenamed: (from: string, unit: Unit) => void
}

/** One unit of the list: its name and 更名, which opens the rename in place. */
function UnitRow({ unit, editing, onEdit, onChanged, onRenamed }: UnitRowProps) {
  const [name, setName] = useState(unit.name)
  const [nameError, setNameError] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  function open() {
    setName(unit.name)
    setNameError('')
    setError('')
    onEdit(true)
  }

  async function save(event: Event) {
    event.preventDefault()
    if (busy) return
    const trimmed = name.trim()
    setError('')
    if (!trimmed) return setNameError('请填写单位名称')
    setNameError('')
    if (trimmed === unit.name) return onEdit(false)
    setBusy(true)
    try {
      onRenamed(unit.name, await unitsApi.rename(unit.id, trimmed, unit.version))
    } catch (e) {
      const err = asApiError(e, '更名失败，请稍后重试')
      const current = err.status === 409 ? (err.current as Unit | undefined) : undefined
      if (current) {
        onChanged(current)
        setError(`该单位刚被他人修改，现名“${current.name}”。如仍需更名，请再点保存。`)
      } else if (err.status === 409 || err.fields.name) setNameError(err.fields.name ?? err.message)
      else setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  if (!editing) {
    return (
      <li class="unit-row">
        <span class="unit-name">{unit.name}</span>
        <Button variant="secondary" onClick={open}>
          更名<span class="visually-hidden">：{unit.name}</span>
        </Button>
      </li>
    )
  }
  return (
    <li class="unit-row unit-row-editing">
      <form class="unit-rename" onSubmit={save} noValidate>
        <TextField id={`unit-rename-${unit.id}`} label={`“${unit.name}”更名为`} value={name} onInput={setName} error={nameError} maxLength={MAX_CHARS.unitName} />
        {error && <Alert tone="error">{error}</Alert>}
        <p class="muted">交办给该单位的问题将显示新名称，办理记录保留交办时的名称。</p>
        <div class="unit-rename-actions">
          <Button type="submit" busy={busy} busyLabel="正在保存…">
            保存
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => onEdit(false)}>
            取消
          </Button>
        </div>
      </form>
    </li>
  )
}
