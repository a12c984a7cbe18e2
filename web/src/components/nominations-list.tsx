// The nominations of 优秀人大代表 of a year: each with its county, deputy, reason and state.
// County staff withdraw one that waits; city staff confirm it. A stale version (409) says so and
// reloads the list.
import { useState } from 'preact/hooks'
import { asApiError, type Reference } from '../api'
import { levelLabel } from '../activity-format'
import { commendationApi, type Nomination } from '../groups-api'
import { countyName } from '../reference'
import { Alert } from './alert'
import { Button } from './button'

interface NominationsListProps {
  items: Nomination[]
  reference: Reference | null
  city: boolean
  showCounty: boolean
  onChanged: (message: string) => void
}

const WORDS = { nominated: '待市级确认', confirmed: '市级已确认', withdrawn: '已撤回' } as const

export function NominationsList({ items, reference, city, showCounty, onChanged }: NominationsListProps) {
  const [busy, setBusy] = useState('')
  const [error, setError] = useState('')
  const act = async (n: Nomination, what: 'confirm' | 'withdraw') => {
    setBusy(n.id)
    setError('')
    try {
      if (what === 'confirm') await commendationApi.confirm(n.id, n.version)
      else await commendationApi.change(n.id, { version: n.version, status: 'withdrawn' })
      onChanged(what === 'confirm' ? `已确认：${n.deputyName}` : `已撤回对${n.deputyName}的推荐`)
    } catch (e) {
      const a = asApiError(e, '操作失败，请稍后重试')
      setError(a.status === 409 ? `${a.code === 'conflict' ? '已被他人修改' : a.message}，已重新载入最新情况。` : a.message)
      if (a.status === 409) onChanged('')
    } finally {
      setBusy('')
    }
  }
  if (items.length === 0) return <p class="stats-empty">本年度还没有推荐</p>
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      <ul class="nom-list">
        {items.map((n) => (
          <li key={n.id} class="card nom-item">
            <div class="nom-head">
              <span>
                <strong>{n.deputyName}</strong>
                <span class="card-aside">
                  {showCounty ? `${countyName(reference, n.countyCode)} · ` : ''}
                  {levelLabel(n.deputyLevel)}人大代表
                </span>
              </span>
              <span class={`badge nom-status-${n.status}`}>{WORDS[n.status]}</span>
            </div>
            <p class="nom-reason">推荐理由：{n.reason}</p>
            {n.status === 'nominated' && (
              <div class="act-card-actions">
                {city && (
                  <Button onClick={() => act(n, 'confirm')} busy={busy === n.id} busyLabel="正在确认…">
                    确认
                  </Button>
                )}
                <Button variant="secondary" onClick={() => act(n, 'withdraw')} disabled={busy !== ''}>
                  撤回推荐
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
