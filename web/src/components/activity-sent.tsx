// The success state of 记录履职: 已提交, what was recorded, and the likely next steps.
import type { Activity } from '../activities-api'
import { outcomesLine, venueLabel } from '../activity-format'
import { Button, ButtonLink } from './button'

interface ActivitySentProps {
  activity: Activity
  /** Recorded by staff for a deputy. */
  forDeputy: boolean
  /** It went through on a retry: the same client id made it one record. */
  again: boolean
  onAnother: () => void
}

export function ActivitySent({ activity, forDeputy, again, onAnother }: ActivitySentProps) {
  const line = [activity.date, venueLabel(activity.venue), outcomesLine(activity)].filter(Boolean).join(' · ')
  return (
    <section class="card sent" aria-labelledby="sent-heading" role="status">
      <span class="sent-mark" aria-hidden="true">
        ✓
      </span>
      <h1 id="sent-heading" class="sent-heading">
        已提交
      </h1>
      <p class="sent-title">{activity.title}</p>
      <p class="muted">{line}</p>
      <p class="muted">
        {again
          ? '网络恢复后已确认提交，重试不会重复登记，这次活动只有一条记录。'
          : forDeputy
            ? `已为${activity.deputyName}登记，审核确认后计入履职档案。`
            : '县（市、区）人大审核确认后计入您的年度履职统计。'}
      </p>
      <div class="sent-actions">
        <ButtonLink href={forDeputy ? `/activities/${activity.id}` : '/activities/mine'} variant="primary">
          {forDeputy ? '查看记录' : '查看我的履职'}
        </ButtonLink>
        <Button variant="secondary" onClick={onAnother}>
          再记录一条
        </Button>
        <ButtonLink href="/">返回首页</ButtonLink>
      </div>
    </section>
  )
}
