// 我的履职 (/activities/mine): a deputy's own records, newest first, by status. A returned record
// shows why in full and opens the same form to fix and resubmit it.
import { activitiesApi } from '../activities-api'
import { usePaged } from '../activity-pages'
import { Alert } from '../components/alert'
import { ActivityList } from '../components/activity-list'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { PageHeader } from '../components/page-header'
import { Tabs } from '../components/tabs'
import { followLink, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useLoaded } from '../use-loaded'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

const TABS = [
  { key: '', label: '全部', empty: '还没有履职记录', text: '每次走访、每项活动都可以随时记录。' },
  { key: 'returned', label: '已退回', empty: '没有被退回的记录', text: '被退回的记录会在这里，修改后可重新提交。' },
  { key: 'submitted', label: '待审核', empty: '没有待审核的记录', text: undefined },
  { key: 'confirmed', label: '已确认', empty: '还没有已确认的记录', text: '审核确认后的记录计入年度履职统计。' },
] as const

export default function ActivitiesMinePage() {
  useTitle('我的履职')
  const user = useUser()
  const { reference } = useSession()
  const deputy = user.role === 'deputy'
  const status = new URLSearchParams(useSearch()).get('status') ?? ''
  const tab = TABS.find((t) => t.key === status) ?? TABS[0]
  const pages = usePaged(deputy ? (tab.key ? `status=${tab.key}` : '') : null, activitiesApi.list)
  // How many records wait for the deputy to fix them (up to 50, enough to say "some").
  const returned = useLoaded(deputy ? () => activitiesApi.list('status=returned&limit=50').then((p) => p.items.length) : null, 0, [deputy])

  return (
    <AppShell>
      <div class="page-list">
        <PageHeader title="我的履职" back={{ href: '/', label: '首页' }} note="审核确认后计入年度履职统计和履职档案">
          <ButtonLink href="/activities/progress">年度进度</ButtonLink>
          <ButtonLink href="/activities/new" variant="primary">
            记录履职
          </ButtonLink>
        </PageHeader>
        {returned > 0 && tab.key !== 'returned' && (
          <Alert tone="warning">
            有 {returned} 条记录被退回，请按退回原因修改后重新提交。
            <a class="alert-link" href="/activities/mine?status=returned" onClick={followLink}>
              查看
            </a>
          </Alert>
        )}
        <Tabs label="按状态查看" current={tab.key} tabs={TABS.map((t) => ({ key: t.key, label: t.label, href: t.key ? `/activities/mine?status=${t.key}` : '/activities/mine' }))} />
        <ActivityList
          pages={pages}
          reference={reference}
          label="我的履职记录"
          emptyTitle={tab.empty}
          emptyText={tab.text}
          emptyAction={
            tab.key === '' && (
              <ButtonLink href="/activities/new" variant="primary">
                记录履职
              </ButtonLink>
            )
          }
          actionsOf={(a) =>
            a.status === 'confirmed' ? null : (
              <ButtonLink href={`/activities/${a.id}/edit`} variant={a.status === 'returned' ? 'primary' : 'secondary'}>
                {a.status === 'returned' ? '修改后重新提交' : '修改'}
              </ButtonLink>
            )
          }
        />
      </div>
    </AppShell>
  )
}
