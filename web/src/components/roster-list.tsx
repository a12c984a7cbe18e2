// The roster as a list: one row per deputy (a box to choose them for 开通通知单, name and level,
// whether they have activated, phone, county, group) with a link to their 履职档案, 重置密码
// (asks first, then offers their slip) and 管理 (edit, 停用/恢复, 变更记录, opened under the row).
// Rows line up as columns on a desk screen and stack on a phone.
import { useState } from 'preact/hooks'
import { todayInShanghai, yearInShanghai } from '../../../worker/core/dates'
import { usersApi, type Deputy, type RosterDeputy } from '../activities-api'
import { deputyTitle, placeName } from '../activity-format'
import { ApiError, type Reference } from '../api'
import { followLink } from '../router'
import { openSlips } from '../slips-selection'
import { Alert } from './alert'
import { Button } from './button'
import { CreatedPanel } from './roster-created'
import { RosterManage } from './roster-manage'

type Reset = { state: 'idle' } | { state: 'confirm' } | { state: 'busy' } | { state: 'done' } | { state: 'failed'; message: string }

/** The 开通通知单 of one account, from the roster or the accounts screen. */
export function slipFor(id: string, name: string, back: { href: string; label: string }): void {
  openSlips({ selection: { userIds: [id] }, label: name, back })
}

/** 重置密码 of one account: ask, take the password away, offer the slip. Also used on the accounts screen. */
export function ResetPassword({ id, name, phone, back }: { id: string; name: string; phone: string; back: { href: string; label: string } }) {
  const [reset, setReset] = useState<Reset>({ state: 'idle' })
  async function run() {
    setReset({ state: 'busy' })
    try {
      await usersApi.resetPassword(id)
      setReset({ state: 'done' })
    } catch (e) {
      setReset({ state: 'failed', message: e instanceof ApiError ? e.message : '重置失败，请稍后重试' })
    }
  }
  if (reset.state === 'done') {
    return (
      <CreatedPanel
        title={`已重置${name}的密码`}
        name={name}
        phone={phone}
        text={`原密码和此前打印的开通码已失效。请打印开通通知单交${name}本人，凭开通码重新设置密码。`}
        onPrint={() => slipFor(id, name, back)}
        onClose={() => setReset({ state: 'idle' })}
      />
    )
  }
  if (reset.state === 'confirm' || reset.state === 'busy') {
    return (
      <div class="reset-confirm" role="group" aria-label={`重置${name}的密码`}>
        <p>重置后原密码立即失效，{name}需凭新的开通通知单重新设置密码。确定重置？</p>
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

/** 已开通, or how far the deputy is from it. */
export function ActivationBadge({ activated, codeExpiresAt }: { activated?: boolean; codeExpiresAt?: string | null }) {
  if (activated) return <span class="badge badge-done">已开通</span>
  if (codeExpiresAt && Date.parse(codeExpiresAt) > Date.now()) return <span class="badge badge-wait" title={`开通码 ${todayInShanghai(new Date(codeExpiresAt))} 前有效`}>已发通知单</span>
  if (codeExpiresAt) return <span class="badge badge-wait">开通码已过期</span>
  return <span class="badge badge-wait">未开通</span>
}

interface RosterListProps {
  deputies: RosterDeputy[]
  reference: Reference | null
  showCounty: boolean
  /** Deputies chosen for 开通通知单. */
  chosen: Set<string>
  onChoose: (id: string, on: boolean) => void
  /** Where the slips screen leads back to (this list with its filters). */
  back: { href: string; label: string }
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

export function RosterList({ deputies, reference, showCounty, chosen, onChoose, back, onChanged }: RosterListProps) {

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
            <input id={`choose-${d.id}`} class="roster-choose" type="checkbox" checked={chosen.has(d.id)} onChange={(e) => onChoose(d.id, e.currentTarget.checked)} />
            <label for={`choose-${d.id}`}>
              <strong>{d.name}</strong>
              <span class="visually-hidden">（选择以打印开通通知单）</span>
            </label>
            <span class="badge">{deputyTitle(d.level)}</span>
            {d.active === false ? <span class="badge badge-off">已停用</span> : <ActivationBadge activated={d.activated} codeExpiresAt={d.codeExpiresAt} />}
          </span>
          <span class="roster-phone">{d.phone}</span>
          {showCounty && <span class="roster-county">{placeName(reference, d.countyCode)}</span>}
          <span class="roster-group">{d.group || <span class="muted">未分组</span>}</span>
          <span class="roster-actions">
            <a class="btn btn-secondary btn-small" href={`/deputies/${d.id}/record?year=${year}`} onClick={followLink} aria-label={`${d.name}的履职档案`}>
              履职档案
            </a>
            {d.active !== false && <ResetPassword id={d.id} name={d.name} phone={d.phone} back={back} />}
            <ManageToggle name={d.name} open={open === d.id} onToggle={() => setOpen(open === d.id ? null : d.id)} />
          </span>
          {open === d.id && <RosterManage kind="deputy" id={d.id} self={false} onChanged={(p) => onChanged(p as Deputy)} onClose={() => setOpen(null)} />}
        </li>
      ))}
    </ul>
  )
}
