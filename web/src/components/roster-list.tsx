// The roster as a list: one row per deputy (name and level, phone, county, group) with a link to
// their 履职档案, 重置密码 (asks first, then shows the new temporary password once) and 管理 (edit,
// 停用/恢复, 变更记录, opened under the row). Rows line up as columns on a desk screen and stack on a phone.
import { useState } from 'preact/hooks'
import { yearInShanghai } from '../../../worker/core/dates'
import { usersApi, type Deputy } from '../activities-api'
import { deputyTitle, placeName } from '../activity-format'
import { ApiError, type Reference } from '../api'
import { followLink } from '../router'
import { Alert } from './alert'
import { Button } from './button'
import { RosterManage } from './roster-manage'
import { SecretPanel } from './roster-secret'

type Reset = { state: 'idle' } | { state: 'confirm' } | { state: 'busy' } | { state: 'done'; password: string } | { state: 'failed'; message: string }

/** 重置密码 of one account: ask, reset, show the password once. Also used on the accounts screen. */
export function ResetPassword({ id, name, phone }: { id: string; name: string; phone: string }) {
  const [reset, setReset] = useState<Reset>({ state: 'idle' })
  async function run() {
    setReset({ state: 'busy' })
    try {
      const { temporaryPassword } = await usersApi.resetPassword(id)
      setReset({ state: 'done', password: temporaryPassword })
    } catch (e) {
      setReset({ state: 'failed', message: e instanceof ApiError ? e.message : '重置失败，请稍后重试' })
    }
  }
  if (reset.state === 'done') {
    return <SecretPanel title={`已重置${name}的密码`} name={name} phone={phone} password={reset.password} onClose={() => setReset({ state: 'idle' })} />
  }
  if (reset.state === 'confirm' || reset.state === 'busy') {
    return (
      <div class="reset-confirm" role="group" aria-label={`重置${name}的密码`}>
        <p>重置后原密码立即失效，{name}需用新的临时密码登录。确定重置？</p>
        <div class="reset-buttons">
          <Button variant="danger" busy={reset.state === 'busy'} busyLabel="正在重置…" onClick={() => void run()}>
            确定重置
          </Button>
          <Button variant="secondary" disabled={reset.state === 'busy'} onClick={() => setReset({ state: 'idle' })}>
            取消
          </Button>
        </div>
      </div>
    )
  }
  return (
    <>
      {reset.state === 'failed' && <Alert tone="error">{reset.message}</Alert>}
      <button type="button" class="btn btn-secondary btn-small" onClick={() => setReset({ state: 'confirm' })} aria-label={`重置${name}的密码`}>
        重置密码
      </button>
    </>
  )
}

interface RosterListProps {
  deputies: Deputy[]
  reference: Reference | null
  showCounty: boolean
  /** A roster entry changed under 管理: the list shows it as it now stands. */
  onChanged: (deputy: Deputy) => void
}

/** 管理: the button that opens the panel under a row. */
export function ManageToggle({ name, open, onToggle }: { name: string; open: boolean; onToggle: () => void }) {
  return (
    <button type="button" class={open ? 'btn btn-primary btn-small' : 'btn btn-secondary btn-small'} aria-expanded={open} onClick={onToggle} aria-label={`管理${name}`}>
      管理
    </button>
  )
}

export function RosterList({ deputies, reference, showCounty, onChanged }: RosterListProps) {
  const year = yearInShanghai()
  const [open, setOpen] = useState<string | null>(null)
  return (
    <ul class={showCounty ? 'roster roster-city' : 'roster'} aria-label="代表名册">
      <li class="roster-head" aria-hidden="true">
        <span>姓名</span>
        <span>手机号</span>
        {showCounty && <span>县市区</span>}
        <span>代表小组</span>
        <span>操作</span>
      </li>
      {deputies.map((d) => (
        <li key={d.id} class="roster-item">
          <span class="roster-name">
            <strong>{d.name}</strong>
            <span class="badge">{deputyTitle(d.level)}</span>
            {d.active === false && <span class="badge badge-off">已停用</span>}
          </span>
          <span class="roster-phone">{d.phone}</span>
          {showCounty && <span class="roster-county">{placeName(reference, d.countyCode)}</span>}
          <span class="roster-group">{d.group || <span class="muted">未分组</span>}</span>
          <span class="roster-actions">
            <a class="btn btn-secondary btn-small" href={`/deputies/${d.id}/record?year=${year}`} onClick={followLink} aria-label={`${d.name}的履职档案`}>
              履职档案
            </a>
            {d.active !== false && <ResetPassword id={d.id} name={d.name} phone={d.phone} />}
            <ManageToggle name={d.name} open={open === d.id} onToggle={() => setOpen(open === d.id ? null : d.id)} />
          </span>
          {open === d.id && <RosterManage kind="deputy" id={d.id} self={false} onChanged={(p) => onChanged(p as Deputy)} onClose={() => setOpen(null)} />}
        </li>
      ))}
    </ul>
  )
}
