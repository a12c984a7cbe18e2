// 账号管理 (/accounts?tab=&countyCode=): city staff open and reset county staff accounts, and see
// unit accounts by county; county staff open and reset the unit accounts of their county. A new
// or reset account signs in first with a printed 开通通知单, opened here per account.
import { useState } from 'preact/hooks'
import { usersApi, type Account } from '../activities-api'
import { countyOptions, placeName } from '../activity-format'
import { usePaged } from '../activity-pages'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { SelectField } from '../components/form-fields'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { AccountForm } from '../components/roster-account-form'
import { CreatedPanel } from '../components/roster-created'
import { ActivationBadge, ResetPassword, slipFor } from '../components/roster-list'
import { EmptyState, LoadError, LoadMore, NotForRole } from '../components/states'
import { Tabs } from '../components/tabs'
import { isStaffRole } from '../issue-format'
import { queryString } from '../issues-api'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Role = 'county_staff' | 'unit'

export default function AccountsPage() {
  useTitle('账号管理')
  const user = useUser()
  const { reference } = useSession()
  const qs = new URLSearchParams(useSearch())
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  // County staff manage unit accounts only; the city both kinds.
  const role: Role = city && qs.get('tab') !== 'unit' ? 'county_staff' : 'unit'
  const county = city ? qs.get('countyCode') || '' : (user.countyCode ?? '')
  const pages = usePaged(staff ? queryString({ role, countyCode: county || undefined }) : null, usersApi.list)
  const [adding, setAdding] = useState(false)
  const [created, setCreated] = useState<{ user: Account } | null>(null)

  if (!staff) {
    return (
      <AppShell>
        <NotForRole />
      </AppShell>
    )
  }
  const href = (r: Role, c: string) => `/accounts?${queryString({ tab: r === 'unit' ? 'unit' : undefined, countyCode: c || undefined })}`.replace(/\?$/, '')
  // A unit account belongs to a unit of one county: the city picks the county first.
  const canAdd = role === 'county_staff' || !!county
  const kind = role === 'unit' ? '责任单位账号' : '县级人大工作人员账号'
  const back = { href: href(role, county), label: '账号管理' }
  return (
    <AppShell>
      <div class="page-list roster-page">
        <PageHeader title="账号管理" back={{ href: '/', label: '首页' }} note={city ? '开通和管理县级人大工作人员、责任单位的登录账号' : `${placeName(reference, county)}责任单位的登录账号`}>
          {canAdd && !adding && (
            <Button
              onClick={() => {
                setCreated(null)
                setAdding(true)
              }}
            >
              开通账号
            </Button>
          )}
        </PageHeader>
        {city && (
          <Tabs
            label="账号类型"
            current={role}
            tabs={[
              { key: 'county_staff', label: '县级人大工作人员', href: href('county_staff', county) },
              { key: 'unit', label: '责任单位', href: href('unit', county) },
            ]}
          />
        )}
        {city && (
          <div class="card filter-card">
            <SelectField
              id="accounts-county"
              label="县市区"
              value={county}
              onChange={(v) => {
                setAdding(false)
                navigate(href(role, v), { replace: true })
              }}
              placeholder={role === 'unit' ? '请选择县市区' : '全部县市区'}
              options={countyOptions(reference)}
              hint={role === 'unit' && !county ? '选择县市区后可为该地责任单位开通账号。' : undefined}
            />
          </div>
        )}
        {created && (
          <CreatedPanel
            title={`已开通${created.user.unitName ?? placeName(reference, created.user.countyCode)}${created.user.name}的账号`}
            name={created.user.name}
            phone={created.user.phone}
            text={`请打印开通通知单交${created.user.name}本人，凭开通码首次登录并设置密码。`}
            onPrint={() => slipFor(created.user.id, created.user.name, back)}
            onClose={() => setCreated(null)}
          />
        )}
        {adding && (
          <AccountForm
            key={`${role}-${county}`}
            role={role}
            reference={reference}
            countyCode={county}
            onCancel={() => setAdding(false)}
            onCreated={(r) => {
              setCreated(r)
              setAdding(false)
              pages.update((items) => [r.user, ...items])
            }}
          />
        )}
        {pages.status === 'loading' && <Loading label="正在加载账号…" />}
        {pages.status === 'error' && <LoadError message={pages.error} onRetry={pages.retry} />}
        {pages.status === 'ready' &&
          (pages.items.length === 0 ? (
            <EmptyState title={`还没有${kind}`} text={canAdd ? '点“开通账号”为其开通，再打印开通通知单交本人。' : undefined} />
          ) : (
            <>
              <ul class={city ? 'roster roster-city' : 'roster'} aria-label={kind}>
                <li class="roster-head" aria-hidden="true">
                  <span>姓名</span>
                  <span>手机号</span>
                  {city && <span>县市区</span>}
                  <span>{role === 'unit' ? '责任单位' : '状态'}</span>
                  <span>操作</span>
                </li>
                {pages.items.map((a) => (
                  <li key={a.id} class="roster-item">
                    <span class="roster-name">
                      <strong>{a.name}</strong>
                      {a.active === false ? <span class="badge">已停用</span> : <ActivationBadge activated={a.activated} />}
                    </span>
                    <span class="roster-phone">{a.phone}</span>
                    {city && <span class="roster-county">{placeName(reference, a.countyCode)}</span>}
                    <span class="roster-group">{role === 'unit' ? a.unitName : a.active === false ? '已停用' : '正常'}</span>
                    <span class="roster-actions">
                      {a.id !== user.id && a.active !== false && (
                        <button type="button" class="btn btn-secondary btn-small" onClick={() => slipFor(a.id, a.name, back)} aria-label={`打印${a.name}的开通通知单`}>
                          开通通知单
                        </button>
                      )}
                      {a.id !== user.id && <ResetPassword id={a.id} name={a.name} phone={a.phone} back={back} />}
                    </span>
                  </li>
                ))}
              </ul>
              <LoadMore hasMore={pages.hasMore} busy={pages.loadingMore} error={pages.moreError} onMore={pages.loadMore} shown={pages.items.length} />
            </>
          ))}
      </div>
    </AppShell>
  )
}
