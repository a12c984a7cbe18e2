// 导入台账: staff bring a county's Excel ledger in. Choose the file (the template downloads here),
// see the preview (a dry run: counts by status, every row, the bad rows to fix or the new units to
// confirm), then 确认导入, and the result with a way to the ledger. Nothing is written before 确认导入.
import { useState } from 'preact/hooks'
import { ISSUE_STATUSES } from '../../../worker/core/taxonomy'
import { asApiError, http, type Answer, type ApiError } from '../api'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { SelectField } from '../components/form-fields'
import { PageHeader } from '../components/page-header'
import { StatusBadge } from '../components/status-badge'
import { fieldName } from '../issue-format'
import { countyName } from '../reference'
import { useSession, useUser } from '../session'
import { useMedia, WIDE } from '../use-media'
import { useTitle } from '../use-title'
import '../issues.css'
import '../issues-import.css'

type Result = Answer<'/issues/import', 'post'>
type Problem = { row: number; column?: string; message: string }
type Step =
  | { kind: 'choose' }
  | { kind: 'bad'; message: string; problems: Problem[] }
  | { kind: 'preview'; result: Result }
  | { kind: 'done'; result: Result }

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function send(file: File, query: URLSearchParams): Promise<Result> {
  const form = new FormData()
  form.append('file', file)
  return http.upload<Result>(`/issues/import?${query.toString()}`, form)
}

function problemsOf(err: ApiError): Problem[] {
  const rows = err.detail.rows
  return Array.isArray(rows) ? rows.filter((r): r is Problem => !!r && typeof r === 'object' && typeof (r as Problem).row === 'number') : []
}

export default function IssuesImportPage() {
  useTitle('导入台账')
  const user = useUser()
  const { reference } = useSession()
  const wide = useMedia(WIDE)
  const city = user.role === 'city_staff'
  const [county, setCounty] = useState(city ? '' : (user.countyCode ?? ''))
  const [countyError, setCountyError] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState('')
  const [error, setError] = useState('')
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)

  const query = (dryRun: boolean) => {
    const qs = new URLSearchParams()
    if (dryRun) qs.set('dryRun', 'true')
    if (city) qs.set('countyCode', county)
    if (!dryRun) for (const name of confirmed) qs.append('createUnits', name)
    return qs
  }

  function reset() {
    setStep({ kind: 'choose' })
    setFile(null)
    setConfirmed(new Set())
    setError('')
    const input = document.getElementById('ledger-file') as HTMLInputElement | null
    if (input) input.value = ''
  }

  async function preview(event: Event) {
    event.preventDefault()
    if (busy) return
    if (city && !county) return setCountyError('请选择要导入到哪个县市区')
    if (!file) {
      setFileError('请选择台账文件')
      document.getElementById('ledger-file')?.focus()
      return
    }
    setBusy(true)
    setError('')
    try {
      const result = await send(file, query(true))
      setConfirmed(new Set())
      setStep({ kind: 'preview', result })
    } catch (e) {
      const err = asApiError(e, '预览失败，请稍后重试')
      const problems = problemsOf(err)
      if (problems.length) setStep({ kind: 'bad', message: err.message, problems })
      else if (err.fields.file) setFileError(err.fields.file)
      else setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  async function confirm() {
    if (busy || !file) return
    setBusy(true)
    setError('')
    try {
      setStep({ kind: 'done', result: await send(file, query(false)) })
    } catch (e) {
      const err = asApiError(e, '导入失败，请稍后重试')
      const problems = problemsOf(err)
      if (problems.length) setStep({ kind: 'bad', message: err.message, problems })
      else setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  const place = countyName(reference, county)
  return (
    <AppShell>
      <div class="ledger-import">
        <PageHeader title="导入台账" back={{ href: '/issues', label: '问题台账' }} note="把本地用 Excel 记录的问题清单台账导入系统，导入前先预览核对" />
        {error && <Alert tone="error">{error}</Alert>}

        {step.kind === 'done' ? (
          <Done result={step.result} place={place} onAgain={reset} />
        ) : step.kind === 'preview' ? (
          <Preview
            result={step.result}
            place={place}
            reference={reference}
            wide={wide}
            confirmed={confirmed}
            onToggle={(name, on) => {
              const next = new Set(confirmed)
              if (on) next.add(name)
              else next.delete(name)
              setConfirmed(next)
            }}
            busy={busy}
            onConfirm={confirm}
            onBack={reset}
          />
        ) : (
          <>
            <form class="card import-choose" onSubmit={preview} noValidate aria-label="选择台账文件">
              <p class="card-title">1. 选择台账文件</p>
              <p class="muted">
                CSV 或 Excel（.xlsx）文件，第一行为列名，按导入模板填写。必填：监督领域、问题标题、具体情况、发现方式、发现日期、办理状态；已交办及以后的问题还须填责任单位、整改要求、整改时限，已销号的须填销号日期。
              </p>
              <p class="import-template">
                <a class="btn btn-secondary btn-small" href="/api/v1/issues/import/template" download>
                  下载 Excel 模板
                </a>
                <a class="btn btn-secondary btn-small" href="/api/v1/issues/import/template?format=csv" download>
                  下载 CSV 模板
                </a>
              </p>
              {city && (
                <SelectField
                  id="countyCode"
                  label="导入到"
                  value={county}
                  onChange={(v) => {
                    setCounty(v)
                    setCountyError('')
                  }}
                  placeholder="请选择县市区"
                  error={countyError}
                  options={(reference?.counties ?? []).map((c) => ({ value: c.code, label: c.name }))}
                />
              )}
              <div class={fileError ? 'field field-invalid' : 'field'}>
                <label class="field-label" for="ledger-file">
                  台账文件
                </label>
                <input
                  id="ledger-file"
                  class="input file-input"
                  type="file"
                  accept={ACCEPT}
                  aria-invalid={fileError ? 'true' : undefined}
                  onChange={(e) => {
                    setFile(e.currentTarget.files?.[0] ?? null)
                    setFileError('')
                    if (step.kind === 'bad') setStep({ kind: 'choose' })
                  }}
                />
                {fileError && <p class="field-error">{fileError}</p>}
              </div>
              <div class="form-actions">
                <Button type="submit" busy={busy} busyLabel="正在检查…">
                  预览
                </Button>
              </div>
            </form>
            {step.kind === 'bad' && <BadRows message={step.message} problems={step.problems} />}
          </>
        )}
      </div>
    </AppShell>
  )
}

function BadRows({ message, problems }: { message: string; problems: Problem[] }) {
  return (
    <section class="import-errors" aria-label="有误的行">
      <Alert tone="error" title="台账有误，未导入">
        {message}
      </Alert>
      <div class="table-wrap">
        <table class="table row-errors">
          <thead>
            <tr>
              <th scope="col">行号</th>
              <th scope="col">列</th>
              <th scope="col">问题</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td class="nowrap">第 {p.row} 行</td>
                <td class="nowrap">{p.column ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

interface PreviewProps {
  result: Result
  place: string
  reference: ReturnType<typeof useSession>['reference']
  wide: boolean
  confirmed: Set<string>
  onToggle: (name: string, on: boolean) => void
  busy: boolean
  onConfirm: () => void
  onBack: () => void
}

function Counts({ result }: { result: Result }) {
  return (
    <ul class="import-counts" aria-label="按办理状态">
      {ISSUE_STATUSES.filter((s) => result.byStatus[s.code] > 0).map((s) => (
        <li key={s.code}>
          <StatusBadge status={s.code} />
          <span class="import-count">{result.byStatus[s.code]}</span>
        </li>
      ))}
    </ul>
  )
}

function Preview({ result, place, reference, wide, confirmed, onToggle, busy, onConfirm, onBack }: PreviewProps) {
  const waiting = result.unknownUnits.filter((u) => !confirmed.has(u.name))
  const nothing = result.created === 0
  return (
    <>
      <section class="card import-summary" aria-labelledby="preview-title">
        <p id="preview-title" class="card-title">
          2. 核对预览
        </p>
        <p class="import-headline">
          共 <strong>{result.total}</strong> 行，将新建 <strong>{result.created}</strong> 条问题{place ? `到${place}` : ''}
          {result.existing > 0 && <>，{result.existing} 条此前已导入，不再重复新建</>}。
        </p>
        {!nothing && <Counts result={result} />}
        <p class="muted">尚未写入任何数据。导入后每条问题的办理过程以“由台账导入”开始，反映人记为您本人。</p>
      </section>

      {result.unknownUnits.length > 0 && (
        <fieldset class="card import-units">
          <legend class="card-title">确认新建责任单位</legend>
          <p class="muted">以下单位不在{place || '本地'}的责任单位名录中。请逐一核对名称：确认无误的勾选后将新建；名称写错的，请改正文件后重新预览。</p>
          <ul class="import-unit-list">
            {result.unknownUnits.map((u) => (
              <li key={u.name}>
                <label class="import-unit">
                  <input type="checkbox" checked={confirmed.has(u.name)} onChange={(e) => onToggle(u.name, e.currentTarget.checked)} />
                  <span class="import-unit-name">{u.name}</span>
                  <span class="muted">第 {u.rows.join('、')} 行</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      <div class="import-confirm">
        {waiting.length > 0 && (
          <Alert tone="warning">
            还有 {waiting.length} 个新单位未确认：{waiting.map((u) => u.name).join('、')}。全部确认后才能导入（任何一行不能导入时，整个文件都不会导入）。
          </Alert>
        )}
        {nothing && <Alert tone="info">文件中的问题此前都已导入，没有需要新建的。</Alert>}
        <div class="form-actions">
          <Button onClick={onConfirm} busy={busy} busyLabel="正在导入…" disabled={waiting.length > 0 || nothing}>
            确认导入 {result.created} 条
          </Button>
          <Button variant="secondary" onClick={onBack} disabled={busy}>
            重新选择文件
          </Button>
        </div>
      </div>
      <section class="import-rows" aria-label="导入的问题">
        <p class="import-rows-title">逐行核对{result.existing > 0 ? '（标“已导入过”的不再新建）' : ''}</p>
        {wide ? (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">行号</th>
                  <th scope="col">办理状态</th>
                  <th scope="col">问题标题</th>
                  <th scope="col">监督领域</th>
                  <th scope="col">发现日期</th>
                  <th scope="col">责任单位</th>
                  <th scope="col">整改时限</th>
                  <th scope="col">销号日期</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((i) => (
                  <tr key={i.row} class={i.exists ? 'import-row-exists' : undefined}>
                    <td class="nowrap">{i.row}</td>
                    <td class="nowrap">
                      <StatusBadge status={i.status} />
                      {i.exists && <span class="badge">已导入过</span>}
                    </td>
                    <td>{i.title}</td>
                    <td>{fieldName(reference, i.fieldCode, Number(i.foundOn.slice(0, 4)))}</td>
                    <td class="nowrap">{i.foundOn}</td>
                    <td>{i.unitName ?? '—'}</td>
                    <td class="nowrap">{i.deadline ?? '—'}</td>
                    <td class="nowrap">{i.closedOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <ul class="import-cards">
            {result.items.map((i) => (
              <li key={i.row} class={i.exists ? 'card import-card import-row-exists' : 'card import-card'}>
                <span class="import-card-head">
                  <StatusBadge status={i.status} />
                  {i.exists && <span class="badge">已导入过</span>}
                  <span class="muted">第 {i.row} 行</span>
                </span>
                <span class="import-card-title">{i.title}</span>
                <span class="muted">
                  {fieldName(reference, i.fieldCode, Number(i.foundOn.slice(0, 4)))} · 发现 {i.foundOn}
                </span>
                {i.unitName && (
                  <span class="import-card-unit">
                    {i.unitName}
                    {i.deadline && ` · 时限 ${i.deadline}`}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

    </>
  )
}

function Done({ result, place, onAgain }: { result: Result; place: string; onAgain: () => void }) {
  return (
    <section class="card import-done" aria-labelledby="done-title">
      <p id="done-title" class="card-title">
        导入完成
      </p>
      <Alert tone="success">
        已新建 {result.created} 条问题{place ? `到${place}` : ''}
        {result.existing > 0 ? `，${result.existing} 条此前已导入，未重复新建` : ''}
        {result.createdUnits.length > 0 ? `；新建责任单位 ${result.createdUnits.map((u) => u.name).join('、')}` : ''}。
      </Alert>
      {result.created > 0 && <Counts result={result} />}
      <div class="form-actions">
        <ButtonLink href="/issues" variant="primary">
          查看问题台账
        </ButtonLink>
        <Button variant="secondary" onClick={onAgain}>
          继续导入其他文件
        </Button>
      </div>
    </section>
  )
}
