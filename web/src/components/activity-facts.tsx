// What one activity is (who, when, where, which of the nine visits) and what it yielded (the four
// batches by their full names, each introduction with its amount).
import type { ComponentChildren } from 'preact'
import type { Activity } from '../activities-api'
import { FOUR_BATCHES, INTRO_SHORT, formatAmount, outcomeLabel, placeName, tagLabel, venueFocus, venueLabel } from '../activity-format'
import type { Reference } from '../api'
import { formatInstant } from '../issue-format'

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

export function ActivityFacts({ activity: a, reference }: { activity: Activity; reference: Reference | null }) {
  return (
    <section class="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading" class="card-title">
        活动情况
      </h2>
      {a.description ? <p class="issue-description">{a.description}</p> : <p class="muted act-no-desc">未填写简要情况</p>}
      <dl class="facts">
        {a.group ? (
          <>
            <Fact label="集体活动">{a.group.name}</Fact>
            <Fact label={`参加代表（${a.participants.length} 人）`}>{a.participants.map((p) => (p.invited ? `${p.name}（特邀）` : p.name)).join('、')}</Fact>
            <Fact label="记录在">{a.deputyName}（组长）名下</Fact>
          </>
        ) : (
          <Fact label="代表">{a.deputyName}</Fact>
        )}
        <Fact label="县市区">{placeName(reference, a.countyCode)}</Fact>
        <Fact label="活动日期">{a.date}</Fact>
        <Fact label="活动载体">
          {venueLabel(a.venue)}
          {a.venue && <span class="muted">关注{venueFocus(a.venue)}</span>}
        </Fact>
        <Fact label="地点">{a.place || '—'}</Fact>
        <Fact label="走访方式">{a.tags.length ? a.tags.map(tagLabel).join('、') : '—'}</Fact>
        <Fact label="提交时间">{formatInstant(a.createdAt)}</Fact>
        {a.updatedAt !== a.createdAt && <Fact label="最近更新">{formatInstant(a.updatedAt)}</Fact>}
      </dl>
    </section>
  )
}

export function ActivityYield({ activity: a }: { activity: Activity }) {
  return (
    <section class="card" aria-labelledby="yield-heading">
      <h2 id="yield-heading" class="card-title">
        活动成效
      </h2>
      <h3 class="sub-title">四个一批</h3>
      <ul class="tiles tiles-4">
        {FOUR_BATCHES.map((k) => (
          <li key={k} class={a.outcomes[k] ? 'tile' : 'tile tile-zero'}>
            <span class="tile-value">{a.outcomes[k]}</span>
            <span class="tile-label">{outcomeLabel(k)}</span>
          </li>
        ))}
      </ul>
      <h3 class="sub-title">五个引进</h3>
      {a.introductions.length === 0 ? (
        <p class="muted">本次活动没有引进事项。</p>
      ) : (
        <ul class="intro-list">
          {a.introductions.map((i, n) => (
            <li key={n}>
              <span class="badge">{INTRO_SHORT[i.type]}</span>
              <span class="intro-list-name">{i.name}</span>
              {i.type === 'funds' && i.amount !== undefined && <strong class="intro-list-amount">{formatAmount(i.amount)} 万元</strong>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
