// 账号管理 (/accounts?tab=&countyCode=&active=): city staff open, reset and manage city and county
// staff accounts, and unit accounts by county; county staff those of the units of their county.
// 管理 edits a name, 停用/恢复 an account and shows its 变更记录. A new or reset account signs in
// first with a printed 开通通知单, opened here per account.
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
import { ActivationBadge, ManageToggle, ResetPassword, slipFor } from '../components/roster-list'
import { RosterManage } from '../components/roster-manage'
import { EmptyState, LoadError, LoadMore } from '../components/states'
import { Tabs } from '../components/tabs'
import { isStaffRole } from '../issue-format'
import { queryString } from '../issues-api'
import { navigate, useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../issues.css'
import '../activities.css'

type Role = 'city_staff' | 'county_staff' | 'unit'
const TAB_OF: Record<string, Role> = { unit: 'unit', city: 'city_staff' }

export default function AccountsPage() {
  useTitle('账号管理')
  const user = useUser()
  const { reference } = useSession()
  const qs = new URLSearchParams(useSearch())
  const staff = isStaffRole(user.role)
  const city = user.role === 'city_staff'
  // County staff manage unit accounts only; the city every kind.
  const role: Role = city ? (TAB_OF[qs.get('tab') ?? ''] ?? 'county_staff') : 'unit'
  const county = city && role !== 'city_staff' ? qs.get('countyCode') || '' : role === 'city_staff' ? '' : (user.countyCode ?? '')
  const ended = qs.get('active') === 'false'
  const pages = usePaged(staff ? queryString({ role, countyCode: county || undefined, active: ended ? 'false' : undefined }) : null, usersApi.list)
  const [adding, setAdding] = useState(false)
  const [open, setOpen] = useState<string | null>(null)
  const [created, setCreated] = useState<{ user: Account } | null>(null)

  const tabKey = (r: Role) => (r === 'unit' ? 'unit' : r === 'city_staff' ? 'city' : undefined)
  const href = (r: Role, c: string, off = ended) =>
    `/accounts?${queryString({ tab: tabKey(r), countyCode: (r !== 'city_staff' && c) || undefined, active: off ? 'false' : undefined })}`.replace(/\?$/, '')
  // A unit account belongs to a unit of one county: the city picks the county first.
  const canAdd = role !== 'unit' || !!county
  const kind = role === 'unit' ? '责任单位账号' : role === 'city_staff' ? '市人大工作人员账号' : '县级人大工作人员账号'
  const back = { href: href(role, county), label: '账号管理' }
  return (
    <AppShell>
      <div class="page-list roster-page">
        <PageHeader title="账号管理" back={{ href: '/', label: '首页' }} note={city ? '开通和管理县级人大工作人员、市人大工作人员和责任单位的登录账号' : `${placeName(reference, county)}责任单位的登录账号`}>
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
              { key: 'county_staff', label: '县级工作人员', href: href('county_staff', county) },
              { key: 'unit', label: '责任单位', href: href('unit', county) },
              { key: 'city_staff', label: '市级工作人员', href: href('city_staff', county) },
            ]}
          />
        )}
        <div class="card filter-card accounts-filters">
          {city && role !== 'city_staff' && (
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
          )}
          <SelectField
            id="accounts-active"
            label="状态"
            value={ended ? 'false' : ''}
            onChange={(v) => navigate(href(role, county, v === 'false'), { replace: true })}
            placeholder="在用账号"
            options={[{ value: 'false', label: '已停用' }]}
          />
        </div>
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
            <EmptyState
              title={ended ? `没有已停用的${kind}` : `还没有${kind}`}
              text={ended ? '人员调离或单位合并时，可点“管理”停用其账号，停用的账号显示在这里。' : canAdd ? '点“开通账号”为其开通，再打印开通通知单交本人。' : undefined}
            />
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
                      {a.active === false ? <span class="badge badge-off">已停用</span> : <ActivationBadge activated={a.activated} />}
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
                      {a.id !== user.id && a.active !== false && <ResetPassword id={a.id} name={a.name} phone={a.phone} back={back} />}
                      <ManageToggle name={a.name} open={open === a.id} onToggle={() => setOpen(open === a.id ? null : a.id)} />
                    </span>
                    {open === a.id && (
                      <RosterManage
                        kind="account"
                        id={a.id}
                        self={a.id === user.id}
                        onChanged={(p) => pages.update((items) => items.map((x) => (x.id === p.id ? { ...x, ...p } : x)))}
                        onClose={() => setOpen(null)}
                      />
                    )}
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
