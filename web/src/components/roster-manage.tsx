// 管理 one roster entry or account, opened under its row: edit it (a deputy's name, phone, level and
// group; an account's name), 停用/恢复 it after a confirmation that says what happens, and read its
// 变更记录. When someone else changed it first (409), the current record is shown instead.
import { useEffect, useState } from 'preact/hooks'
import type { DeputyLevel } from '../../../worker/core/taxonomy'
import { MAX_CHARS, PHONE_RE } from '../../../worker/core/limits'
import { deputiesApi, usersApi, type Account, type AccountEvent, type Deputy } from '../activities-api'
import { DEPUTY_LEVEL_OPTIONS } from '../activity-format'
import { asApiError } from '../api'
import { Alert } from './alert'
import { Button } from './button'
import { FormActions, SelectField } from './form-fields'
import { Loading } from './loading'
import { AccountHistory } from './roster-history'
import { focusFirstErrorAs, TextField } from './text-field'

type Kind = 'deputy' | 'account'
type Person = Deputy | Account
type Fields = Partial<Record<'name' | 'phone' | 'level' | 'group', string>>
type Notice = { tone: 'success' | 'warning' | 'error'; text: string } | null

interface ManageProps {
  kind: Kind
  id: string
  /** Staff may not end their own account. */
  self: boolean
  onChanged: (person: Person) => void
  onClose: () => void
}

const load = (kind: Kind, id: string) =>
  kind === 'deputy' ? deputiesApi.get(id).then((r) => ({ person: r.deputy as Person, history: r.history })) : usersApi.get(id).then((r) => ({ person: r.user as Person, history: r.history ?? [] }))

const ORDER = ['manage-name', 'manage-phone', 'manage-level', 'manage-group']
const isDeputy = (p: Person): p is Deputy => 'group' in p

export function RosterManage({ kind, id, self, onChanged, onClose }: ManageProps) {
  const [state, setState] = useState<{ status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; person: Person; history: AccountEvent[] }>({ status: 'loading' })
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>('view')
  const [form, setForm] = useState({ name: '', phone: '', level: '', group: '' })
  const [fields, setFields] = useState<Fields>({})
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)

  const fill = (p: Person) => setForm({ name: p.name, phone: p.phone, level: p.level ?? '', group: isDeputy(p) ? (p.group ?? '') : '' })
  const refresh = () =>
    load(kind, id).then(
      (r) => {
        setState({ status: 'ready', ...r })
        fill(r.person)
        return r.person
      },
      (e: unknown) => setState({ status: 'failed', message: asApiError(e, '加载失败，请稍后重试').message }),
    )
  useEffect(() => void refresh(), [kind, id])

  if (state.status === 'loading') return <div class="card roster-manage"><Loading label="正在加载…" /></div>
  if (state.status === 'failed') return <div class="card roster-manage"><Alert tone="error">{state.message}</Alert><Button variant="secondary" onClick={onClose}>收起</Button></div>
  const { person, history } = state
  const active = person.active !== false

  async function send(body: Record<string, unknown>, done: string) {
    setBusy(true)
    setNotice(null)
    try {
      const next = kind === 'deputy' ? await deputiesApi.change(id, { version: person.version ?? 1, ...body }) : await usersApi.change(id, { version: person.version ?? 1, ...body })
      onChanged(next)
      await refresh()
      setMode('view')
      setNotice({ tone: 'success', text: done })
    } catch (e) {
      const err = asApiError(e, '保存失败，请稍后重试')
      if (err.status === 409 && err.current) {
        // Someone changed it first: show what stands now and let the person decide again.
        const current = (await refresh()) ?? (err.current as Person)
        onChanged(current)
        setMode('view')
        setNotice({ tone: 'warning', text: '该记录刚被他人修改，下面是最新内容，请核对后再操作。' })
      } else if (err.status === 409) {
        setFields({ phone: err.message })
        focusFirstErrorAs({ phone: err.message }, ORDER, (f) => `manage-${f}`)
      } else if (Object.keys(err.fields).length) {
        setFields(err.fields)
        focusFirstErrorAs(err.fields, ORDER, (f) => `manage-${f}`)
      } else setNotice({ tone: 'error', text: err.message })
    } finally {
      setBusy(false)
    }
  }

  function save(event: Event) {
    event.preventDefault()
    if (busy) return
    const f: Fields = {}
    const phone = form.phone.replace(/[\s-]/g, '')
    if (!form.name.trim()) f.name = '请填写姓名'
    if (kind === 'deputy' && !PHONE_RE.test(phone)) f.phone = phone ? '请填写 11 位手机号' : '请填写手机号'
    setFields(f)
    if (Object.keys(f).length) return focusFirstErrorAs(f, ORDER, (k) => `manage-${k}`)
    const body: Record<string, unknown> = {}
    if (form.name.trim() !== person.name) body.name = form.name.trim()
    if (kind === 'deputy' && isDeputy(person)) {
      if (phone !== person.phone) body.phone = phone
      if (form.level !== person.level) body.level = form.level as DeputyLevel
      if (form.group.trim() !== (person.group ?? '')) body.group = form.group.trim()
    }
    if (Object.keys(body).length === 0) return setMode('view')
    void send(body, body.phone ? `已保存。${person.name}今后用新手机号 ${phone} 登录。` : '已保存修改。')
  }

  const who = kind === 'deputy' ? '代表' : '账号'
  return (
    <section class="card roster-manage" aria-label={`管理${person.name}`}>
      <div class="manage-head">
        <p class="card-title">
          {person.name}
          <span class={active ? 'badge' : 'badge badge-off'}>{active ? (kind === 'deputy' ? '在任' : '在用') : '已停用'}</span>
        </p>
        <Button variant="secondary" onClick={onClose}>
          收起
        </Button>
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {mode === 'edit' ? (
        <form class="manage-form" onSubmit={save} noValidate aria-label={`修改${person.name}的信息`}>
          <div class="form-pair">
            <TextField id="manage-name" label="姓名" value={form.name} onInput={(v) => setForm({ ...form, name: v })} error={fields.name} maxLength={MAX_CHARS.personName} />
            {kind === 'deputy' && (
              <>
                <TextField id="manage-phone" label="手机号" type="tel" inputmode="numeric" value={form.phone} onInput={(v) => setForm({ ...form, phone: v })} error={fields.phone} hint="改后以新手机号登录，原手机号不能再登录" />
                <SelectField id="manage-level" label="代表层级" value={form.level} onChange={(v) => setForm({ ...form, level: v })} options={DEPUTY_LEVEL_OPTIONS} error={fields.level} />
                <TextField id="manage-group" label="代表小组" value={form.group} onInput={(v) => setForm({ ...form, group: v })} error={fields.group} maxLength={MAX_CHARS.deputyGroup} optional />
              </>
            )}
          </div>
          <FormActions busy={busy} busyLabel="正在保存…" onCancel={() => (fill(person), setFields({}), setMode('view'))}>
            保存修改
          </FormActions>
        </form>
      ) : mode === 'confirm' ? (
        <div class="manage-confirm" role="group" aria-label={active ? `停用${person.name}` : `恢复${person.name}`}>
          {active ? (
            <p>
              停用后，{person.name}的所有登录立即失效，不能再登录。其上报的问题、记录的履职活动和经办的事项全部保留，仍署其姓名。
              {kind === 'deputy' ? '从今天起不再计入代表名册和代表参与率，已确认的履职活动仍计入当年统计。' : ''}可随时恢复。
            </p>
          ) : (
            <p>恢复后，{person.name}可以用原手机号和密码重新登录{kind === 'deputy' ? '，并重新计入代表名册和代表参与率' : ''}。</p>
          )}
          <div class="reset-buttons">
            <Button variant={active ? 'danger' : 'primary'} busy={busy} busyLabel="正在提交…" onClick={() => void send({ active: !active }, active ? `已停用${person.name}。` : `已恢复${person.name}。`)}>
              {active ? '确定停用' : '确定恢复'}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setMode('view')}>
              取消
            </Button>
          </div>
        </div>
      ) : (
        <div class="manage-buttons">
          <Button variant="secondary" onClick={() => (setNotice(null), setMode('edit'))}>
            修改信息
          </Button>
          {!self && (
            <Button variant={active ? 'danger' : 'primary'} onClick={() => (setNotice(null), setMode('confirm'))}>
              {active ? `停用${who}` : `恢复${who}`}
            </Button>
          )}
        </div>
      )}
      <p class="manage-history-title">变更记录</p>
      <AccountHistory events={history} />
    </section>
  )
}
