// Create or edit a deputy group: name, the year's fields (several) or a theme, members picked from
// the county's roster (any of the five levels, found by name) and a leader among them. A change
// made meanwhile by someone else (409) is said plainly, with the group reloaded on request.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { asApiError, type Reference } from '../api'
import { deputiesApi, type RosterDeputy } from '../activities-api'
import { levelLabel } from '../activity-format'
import { groupsApi, type Group } from '../groups-api'
import { fieldsOfYear } from '../issue-format'
import { Alert } from './alert'
import { Button } from './button'
import { FormActions, SelectField } from './form-fields'
import { Loading } from './loading'
import { TextField } from './text-field'

interface GroupFormProps {
  year: number
  countyCode: string
  place: string
  reference: Reference | null
  /** The group to edit (with its members), or null to create one. */
  group: Group | null
  onSaved: (group: Group, created: boolean) => void
  onCancel: () => void
}

type Errors = Partial<Record<'name' | 'fieldCodes' | 'theme' | 'leaderId' | 'memberIds' | 'form', string>>

/** Every deputy on the county's roster, page after page (a county has hundreds). */
async function wholeRoster(countyCode: string): Promise<RosterDeputy[]> {
  const out: RosterDeputy[] = []
  let cursor: string | null = null
  do {
    const page: { items: RosterDeputy[]; nextCursor: string | null } = await deputiesApi.list(`countyCode=${countyCode}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

export function GroupForm({ year, countyCode, place, reference, group, onSaved, onCancel }: GroupFormProps) {
  const [current, setCurrent] = useState<Group | null>(group)
  const [name, setName] = useState(group?.name ?? '')
  const [fieldCodes, setFieldCodes] = useState<string[]>(group?.fieldCodes ?? [])
  const [theme, setTheme] = useState(group?.theme ?? '')
  const [memberIds, setMemberIds] = useState<string[]>(group?.members.map((m) => m.id) ?? [])
  const [leaderId, setLeaderId] = useState(group?.leaderId ?? '')
  const [roster, setRoster] = useState<RosterDeputy[] | null>(null)
  const [rosterError, setRosterError] = useState('')
  const [q, setQ] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const [stale, setStale] = useState<Group | null>(null)

  const formRef = useRef<HTMLFormElement>(null)
  // The form opens above the list: bring it into view for 编辑 tapped on a card far below.
  useEffect(() => formRef.current?.scrollIntoView({ block: 'start' }), [])
  useEffect(() => {
    wholeRoster(countyCode).then(setRoster, (e: unknown) => setRosterError(asApiError(e, '名册加载失败').message))
  }, [countyCode])

  const fields = fieldsOfYear(reference, year)
  // Members already in the group stay listed even when they have left the roster since.
  const known = useMemo(() => {
    const byId = new Map<string, { id: string; name: string; level: string | null }>()
    for (const m of current?.members ?? []) byId.set(m.id, m)
    for (const d of roster ?? []) byId.set(d.id, d)
    return byId
  }, [roster, current])
  const shown = [...known.values()].filter((d) => !q.trim() || d.name.includes(q.trim()))
  const chosen = memberIds.map((id) => known.get(id)).filter((d) => d !== undefined)

  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
  const fill = (g: Group) => {
    setCurrent(g)
    setName(g.name)
    setFieldCodes(g.fieldCodes)
    setTheme(g.theme)
    setMemberIds(g.members.map((m) => m.id))
    setLeaderId(g.leaderId ?? '')
    setStale(null)
    setErrors({})
  }

  const submit = async (e: Event) => {
    e.preventDefault()
    const found: Errors = {}
    if (!name.trim()) found.name = '请填写小组名称'
    if (!fieldCodes.length && !theme.trim()) found.fieldCodes = '请至少选择一个监督领域，或填写小组主题'
    if (!memberIds.length) found.memberIds = '请至少选择一名成员'
    if (!leaderId || !memberIds.includes(leaderId)) found.leaderId = '请从成员中选择组长'
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const body = { name: name.trim(), fieldCodes, theme: theme.trim(), leaderId, memberIds }
      const saved = current ? await groupsApi.change(current.id, { version: current.version, ...body }) : await groupsApi.create({ ...body, year, countyCode })
      onSaved(saved, !current)
    } catch (err) {
      const a = asApiError(err, '保存失败，请稍后重试')
      if (a.status === 409 && a.current) setStale(a.current as Group)
      else setErrors({ ...(a.fields as Errors), form: a.message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form ref={formRef} class="card group-form" onSubmit={submit} noValidate>
      <h2 class="card-title">{current ? `修改：${current.name}` : `新建代表小组（${place} · ${year} 年）`}</h2>
      {stale && (
        <Alert tone="error" title="已被他人修改">
          <p>这个小组在您编辑期间已被他人修改，您的修改没有保存。请重新载入最新内容，再作修改。</p>
          <Button variant="secondary" onClick={() => fill(stale)}>
            重新载入
          </Button>
        </Alert>
      )}
      {errors.form && !stale && <Alert tone="error">{errors.form}</Alert>}
      <TextField id="group-name" label="小组名称" value={name} onInput={setName} error={errors.name} maxLength={50} />
      <fieldset class={errors.fieldCodes ? 'chips-field field field-invalid' : 'chips-field field'}>
        <legend class="field-label">监督领域（可多选）</legend>
        <div class="chips">
          {fields.map((f) => (
            <label key={f.code} class="check-chip">
              <input type="checkbox" checked={fieldCodes.includes(f.code)} onChange={() => setFieldCodes(toggle(fieldCodes, f.code))} />
              {f.name}
            </label>
          ))}
        </div>
        {errors.fieldCodes && <p class="field-error">{errors.fieldCodes}</p>}
      </fieldset>
      <TextField id="group-theme" label="小组主题" optional value={theme} onInput={setTheme} error={errors.theme} maxLength={100} hint="不覆盖监督领域的小组须填写主题" />
      <fieldset class={errors.memberIds ? 'chips-field field field-invalid' : 'chips-field field'}>
        <legend class="field-label">成员（已选 {memberIds.length} 人，可混合五级代表）</legend>
        {chosen.length > 0 && (
          <p class="group-chosen">
            {chosen.map((d) => (
              <span key={d.id} class="badge">
                {d.name}
              </span>
            ))}
          </p>
        )}
        <TextField id="group-member-q" label="按姓名查找" value={q} onInput={setQ} optional />
        {roster === null && !rosterError && <Loading label="正在加载名册…" />}
        {rosterError && <Alert tone="error">{rosterError}</Alert>}
        {roster !== null && (
          <ul class="group-roster">
            {shown.slice(0, 200).map((d) => (
              <li key={d.id}>
                <label class="check-chip">
                  <input type="checkbox" checked={memberIds.includes(d.id)} onChange={() => setMemberIds(toggle(memberIds, d.id))} />
                  <span>{d.name}</span>
                  <span class="card-aside">{levelLabel(d.level)}</span>
                </label>
              </li>
            ))}
            {shown.length === 0 && <li class="section-note">没有找到该姓名的代表</li>}
          </ul>
        )}
        {errors.memberIds && <p class="field-error">{errors.memberIds}</p>}
      </fieldset>
      <SelectField
        id="group-leader"
        label="组长"
        value={memberIds.includes(leaderId) ? leaderId : ''}
        onChange={setLeaderId}
        placeholder={memberIds.length ? '请选择组长' : '请先选择成员'}
        options={chosen.map((d) => ({ value: d.id, label: `${d.name}（${levelLabel(d.level)}）` }))}
        error={errors.leaderId}
      />
      <FormActions busy={busy} busyLabel="正在保存…" onCancel={onCancel}>
        {current ? '保存修改' : '建立小组'}
      </FormActions>
    </form>
  )
}
