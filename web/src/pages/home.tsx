// 首页: who is signed in, what still waits in the outbox, the work bench (what waits for them,
// counted), and the features of their role, as cards from the nav table.
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { ButtonLink } from '../components/button'
import { NavCards } from '../components/nav-cards'
import { WorkBench } from '../components/work-bench'
import { placeLabel, roleLabel } from '../identity'
import { NAV } from '../nav'
import { useOutbox } from '../outbox/use-outbox'
import { followLink } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'

/** A greeting that fits the hour in China (the users' clocks are all on Beijing time). */
function greeting(now: Date): string {
  const hour = now.getHours()
  if (hour < 5) return '您好'
  if (hour < 11) return '上午好'
  if (hour < 13) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

export default function HomePage() {
  useTitle('首页')
  const user = useUser()
  const { reference } = useSession()
  const place = placeLabel(user, reference)
  const outbox = useOutbox(user.id)

  return (
    <AppShell>
      <section class="welcome" aria-labelledby="welcome-heading">
        <h1 id="welcome-heading" class="welcome-title">
          {user.name}，{greeting(new Date())}
        </h1>
        <dl class="welcome-facts">
          <div>
            <dt>身份</dt>
            <dd>{roleLabel(user)}</dd>
          </div>
          {user.role === 'unit' && user.unitName && (
            <div>
              <dt>单位</dt>
              <dd>{user.unitName}</dd>
            </div>
          )}
          {place && (
            <div>
              <dt>{user.role === 'city_staff' ? '范围' : '所在地区'}</dt>
              <dd>{place}</dd>
            </div>
          )}
        </dl>
      </section>

      {outbox.waiting + outbox.rejected > 0 && (
        <div class="outbox-home">
          <Alert tone={outbox.rejected > 0 ? 'warning' : 'info'} title={[outbox.waiting > 0 && `${outbox.waiting} 条待发送`, outbox.rejected > 0 && `${outbox.rejected} 条需修改`].filter(Boolean).join('，')}>
            {outbox.waiting > 0 ? '已保存在本机，有网络时会自动报送，无需再点。' : ''}
            {outbox.rejected > 0 ? '有内容未被系统接收，请按提示修改后重新报送。' : ''}
            <a class="link-button" href="/outbox" onClick={followLink}>
              查看待发送
            </a>
          </Alert>
        </div>
      )}

      <section aria-labelledby="bench-heading">
        <h2 id="bench-heading" class="section-title">
          工作台
        </h2>
        <WorkBench role={user.role} reference={reference} unsent={outbox.waiting + outbox.rejected} />
      </section>

      <section aria-labelledby="features-heading">
        <h2 id="features-heading" class="section-title">
          工作事项
        </h2>
        <NavCards items={NAV[user.role]} label="工作事项" />
      </section>

      <section class="account" aria-labelledby="account-heading">
        <h2 id="account-heading" class="section-title">
          账号与安全
        </h2>
        <div class="card account-card">
          <div>
            <p class="account-phone">登录手机号：{user.phone}</p>
            <p class="muted">建议定期修改密码，不要与他人共用账号。</p>
          </div>
          <ButtonLink href="/password">修改密码</ButtonLink>
        </div>
      </section>
    </AppShell>
  )
}
