// 开通通知单 (/slips): staff print activation slips for the people chosen on the roster or the
// accounts screen. Codes are issued only when asked (each voids that person's earlier code),
// shown once on this screen, and printed six to an A4 page. Leaving and coming back issues new
// ones, which is safe: the old slips simply stop working.
import { useState } from 'preact/hooks'
import { DEPUTY_LEVELS, ROLE_LABELS, labelOf } from '../../../worker/core/taxonomy'
import { todayInShanghai } from '../../../worker/core/dates'
import { activationApi, type IssuedCode } from '../activities-api'
import { asApiError, type Reference } from '../api'
import { ActivationSlip } from '../components/activation-slip'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { PageHeader } from '../components/page-header'
import { EmptyState } from '../components/states'
import { isStaffRole } from '../issue-format'
import { countyName } from '../reference'
import { useSession, useUser } from '../session'
import { chosenSlips } from '../slips-selection'
import { useTitle } from '../use-title'
import '../activities.css'
import '../slips.css'

type State = { state: 'ask' } | { state: 'busy' } | { state: 'failed'; message: string } | { state: 'done'; items: IssuedCode[]; expiresOn: string }

function placeOf(item: IssuedCode, reference: Reference | null): string {
  const county = countyName(reference, item.countyCode)
  if (item.role === 'deputy') return [county, item.level ? `${labelOf(DEPUTY_LEVELS, item.level)}人大代表` : '人大代表'].filter(Boolean).join(' · ')
  if (item.role === 'unit') return item.unitName ?? county
  return [county, ROLE_LABELS[item.role]].filter(Boolean).join(' · ')
}

export default function SlipsPage() {
  useTitle('开通通知单')
  const user = useUser()
  const { reference } = useSession()
  const [request] = useState(chosenSlips)
  const [run, setRun] = useState<State>({ state: 'ask' })

  const back = request?.back ?? { href: '/deputies', label: '代表名册' }
  if (!request) {
    return (
      <AppShell>
        <div class="page-list">
          <PageHeader title="开通通知单" back={back} />
          <EmptyState title="还没有选择要打印的人员" text="请在代表名册中勾选代表（或选“全部未开通”），或在账号管理中点“开通通知单”。">
            <ButtonLink href="/deputies" variant="primary">
              去代表名册
            </ButtonLink>
          </EmptyState>
        </div>
      </AppShell>
    )
  }

  async function issue() {
    setRun({ state: 'busy' })
    try {
      const r = await activationApi.issue(request!.selection)
      setRun({ state: 'done', items: r.items, expiresOn: todayInShanghai(new Date(r.expiresAt)) })
    } catch (e) {
      setRun({ state: 'failed', message: asApiError(e, '生成开通码失败，请稍后重试').message })
    }
  }

  const address = `${window.location.origin}/activate`
  return (
    <AppShell>
      <div class="page-list slips-page">
        <div class="no-print">
          <PageHeader title="开通通知单" back={back} note={request.label} />
        </div>
        {run.state !== 'done' && (
          <section class="card slips-ask no-print" aria-label="生成开通码">
            <p class="card-title">为{request.label}生成开通码</p>
            <ul class="slips-rules">
              <li>每人一个开通码，仅能使用一次，30 天内有效。</li>
              <li>生成后，这些人此前打印的开通码立即作废；已设置过密码的，用新开通码登录时会改为新设置的密码。</li>
              <li>开通码只在本页显示这一次，请直接打印，分发到本人。丢失或过期时，可随时重新打印。</li>
            </ul>
            {run.state === 'failed' && <Alert tone="error">{run.message}</Alert>}
            <div class="form-actions">
              <Button busy={run.state === 'busy'} busyLabel="正在生成…" onClick={() => void issue()}>
                生成开通码
              </Button>
              <ButtonLink href={back.href}>取消</ButtonLink>
            </div>
          </section>
        )}
        {run.state === 'done' &&
          (run.items.length === 0 ? (
            <EmptyState title="没有需要打印的人员" text="所选范围内的代表都已开通（已设置自己的密码），或账号已停用。">
              <ButtonLink href={back.href} variant="primary">
                返回
              </ButtonLink>
            </EmptyState>
          ) : (
            <>
              <div class="card slips-bar no-print" role="status">
                <p>
                  已生成 <strong>{run.items.length}</strong> 份开通通知单（A4 纸每页 6 份，共 {Math.ceil(run.items.length / 6)} 页），开通码 {run.expiresOn} 前有效。
                </p>
                <p class="secret-warning">开通码只显示这一次：请现在打印，离开本页后需重新生成。</p>
                <div class="form-actions">
                  <Button onClick={() => window.print()}>打印通知单</Button>
                  <ButtonLink href={back.href}>完成</ButtonLink>
                </div>
              </div>
              <div class="slips">
                {run.items.map((item) => (
                  <ActivationSlip key={item.userId} item={item} place={placeOf(item, reference)} address={address} expiresOn={run.expiresOn} />
                ))}
              </div>
            </>
          ))}
      </div>
    </AppShell>
  )
}
