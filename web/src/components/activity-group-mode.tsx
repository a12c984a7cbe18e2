// 集体活动 in 记录履职: a group's leader (or staff) chooses the group, ticks who took part (its
// members, all ticked to begin with) and, staff, adds deputies invited from the roster. A chunk of
// its own, loaded only when chosen, so the activity form stays as small as it was.
import { useEffect, useState } from 'preact/hooks'
import { http, type Answer } from '../api'
import { DeputyPicker } from './activity-deputy-picker'
import type { Draft, Fields } from '../activity-draft'
import { isStaff } from '../../../worker/core/taxonomy'
import { useSession, useUser } from '../session'
import '../activity-group.css'

type Group = Answer<'/groups'>['items'][number]
type Member = Answer<'/groups/{id}'>['group']['members'][number]
type Load<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; value: T }

interface GroupModeProps {
  draft: Draft
  set: (key: 'group', value: Draft['group']) => void
  errors: Fields
  /** Back to one's own activity. */
  leave: () => void
}

function useLoad<T>(load: (() => Promise<T>) | null, deps: unknown[]): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!load) return
    let live = true
    setState({ state: 'loading' })
    load().then(
      (value) => live && setState({ state: 'ready', value }),
      () => live && setState({ state: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [...deps, attempt])
  return [state, () => setAttempt((n) => n + 1)]
}

function Failed({ what, retry }: { what: string; retry: () => void }) {
  return (
    <p class="muted picker-note">
      {what}加载失败。
      <button type="button" class="link-button" onClick={retry}>
        重试
      </button>
    </p>
  )
}

export default function GroupMode({ draft, set, errors, leave }: GroupModeProps) {
  const user = useUser()
  const { reference } = useSession()
  const staff = isStaff(user.role)
  const userId = user.id
  const showCounty = user.role === 'city_staff'
  const value = draft.group ?? null
  const onChange = (g: Draft['group']) => set('group', g)
  const onLeave = () => {
    onChange(null)
    leave()
  }
  // The groups of the activity's year (a group's activities fall in its year).
  const year = Number(draft.date.slice(0, 4)) || new Date().getFullYear()
  const [groups, retryGroups] = useLoad(() => http.get<Answer<'/groups'>>(`/groups?year=${year}`).then((a) => a.items.filter((g) => staff || g.leaderId === userId)), [year])
  const [members, retryMembers] = useLoad(value ? () => http.get<Answer<'/groups/{id}'>>(`/groups/${encodeURIComponent(value.id)}`).then((a) => a.group.members) : null, [value?.id])

  function choose(g: Group) {
    // Members are ticked to begin with; the leader unticks who was not there.
    void http.get<Answer<'/groups/{id}'>>(`/groups/${encodeURIComponent(g.id)}`).then(
      (a) => onChange({ id: g.id, name: g.name, participants: a.group.members.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name, invited: false })) }),
      () => onChange({ id: g.id, name: g.name, participants: [] }),
    )
  }

  const header = (
    <div class="group-mode-head">
      <span class="field-label">集体活动（代表小组）</span>
      <button type="button" class="link-button" onClick={onLeave}>
        改为个人活动
      </button>
    </div>
  )

  if (!value) {
    return (
      <div class={errors.groupId ? 'field field-invalid group-mode' : 'field group-mode'} id="groupId" tabIndex={-1}>
        {header}
        {groups.state === 'loading' && (
          <p class="muted picker-note">
            正在读取代表小组…
          </p>
        )}
        {groups.state === 'failed' && <Failed what="代表小组" retry={retryGroups} />}
        {groups.state === 'ready' && groups.value.length === 0 && (
          <p class="muted picker-note">{staff ? `${year} 年度还没有代表小组，请先建立小组。` : `您不是 ${year} 年度代表小组的组长。集体活动由小组组长或县（市、区）人大工作人员记录。`}</p>
        )}
        {groups.state === 'ready' && groups.value.length > 0 && (
          <ul class="picker-list" aria-label="选择代表小组">
            {groups.value.map((g) => (
              <li key={g.id}>
                <button type="button" class="picker-item" onClick={() => choose(g)}>
                  <span class="picker-item-name">{g.name}</span>
                  <span class="picker-item-meta">{[showCounty ? (reference?.counties.find((c) => c.code === g.countyCode)?.name ?? '') : '', `${g.memberCount} 名成员`, g.leaderName ? `组长 ${g.leaderName}` : ''].filter(Boolean).join(' · ')}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {errors.groupId && <p class="field-error">{errors.groupId}</p>}
      </div>
    )
  }

  const ticked = new Set(value.participants.map((p) => p.id))
  const toggle = (m: Member, on: boolean) =>
    onChange({ ...value, participants: on ? [...value.participants, { id: m.id, name: m.name, invited: false }] : value.participants.filter((p) => p.id !== m.id) })
  const invited = value.participants.filter((p) => p.invited)
  return (
    <div class="group-mode">
      {header}
      <div class="picked-row">
        <span class="picked-name">{value.name}</span>
        <button type="button" class="link-button" onClick={() => onChange(null)}>
          更换小组
        </button>
      </div>
      <fieldset class={errors.participantIds ? 'field chips-field field-invalid' : 'field chips-field'} id="participantIds" tabIndex={-1}>
        <legend class="field-label">
          参加的成员<span class="field-aside">已选 {value.participants.length} 人</span>
        </legend>
        {members.state === 'loading' && (
          <p class="muted picker-note">
            正在读取成员…
          </p>
        )}
        {members.state === 'failed' && <Failed what="小组成员" retry={retryMembers} />}
        {members.state === 'ready' && (
          <div class="chips member-chips">
            {members.value
              .filter((m) => m.active || ticked.has(m.id))
              .map((m) => {
                const on = ticked.has(m.id)
                return (
                  <label key={m.id} class={on ? 'chip chip-on' : 'chip'}>
                    <input class="chip-input" type="checkbox" checked={on} onChange={(e) => toggle(m, e.currentTarget.checked)} />
                    <span>{m.name}</span>
                  </label>
                )
              })}
          </div>
        )}
        {errors.participantIds && <p class="field-error">{errors.participantIds}</p>}
      </fieldset>
      {invited.length > 0 && (
        <div class="field">
          <span class="field-label">特邀代表</span>
          <ul class="invited-list">
            {invited.map((p) => (
              <li key={p.id} class="picked-row">
                <span class="picked-name">{p.name}</span>
                <button type="button" class="link-button" aria-label={`移除${p.name}`} onClick={() => onChange({ ...value, participants: value.participants.filter((x) => x.id !== p.id) })}>
                  移除
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {staff ? (
        <DeputyPicker
          key={value.participants.length}
          value={null}
          label="邀请组外代表参加"
          onChange={(d) => d && !ticked.has(d.id) && onChange({ ...value, participants: [...value.participants, { id: d.id, name: d.name, invited: true }] })}
          reference={reference}
          showCounty={showCounty}
        />
      ) : (
        <p class="muted picker-note">如有组外代表受邀参加，请联系县（市、区）人大工作人员补记。</p>
      )}
    </div>
  )
}
