// 导入名册: a CSV or XLSX roster (姓名, 手机号, 代表层级, 县市区, 代表小组). A file with any bad row
// imports nothing and shows every bad row (行号, 问题); a good one says what changed and offers the
// 开通通知单 of every deputy not yet activated (the import itself makes no password).
import { useState } from 'preact/hooks'
import { deputiesApi, type ImportResult } from '../activities-api'
import { asApiError, type ApiError } from '../api'
import { Alert } from './alert'
import { Button } from './button'

interface RosterImportProps {
  /** The example row's county in the template (the staff member's own). */
  exampleCounty: string
  onImported: (result: ImportResult) => void
  onClose: () => void
  /** Opens the 开通通知单 of every deputy in scope not yet activated. */
  onPrintSlips: () => void
}

type RowError = { row: number; message: string }
type Failure = { message: string; rows: RowError[] } | null

const HEADERS = '姓名,手机号,代表层级,县市区,代表小组'

/** A CSV template built in the page (BOM first, so Excel reads the Chinese headers). */
function templateHref(county: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${HEADERS}\r\n张三,13912345678,乡,${county},平泉镇代表小组\r\n`)}`
}

function rowsOf(err: ApiError): RowError[] {
  const rows = err.detail.rows
  return Array.isArray(rows) ? rows.filter((r): r is RowError => !!r && typeof r === 'object' && typeof (r as RowError).row === 'number') : []
}

export function RosterImport({ exampleCounty, onImported, onClose, onPrintSlips }: RosterImportProps) {
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState('')
  const [failure, setFailure] = useState<Failure>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState(false)

  async function upload(event: Event) {
    event.preventDefault()
    if (busy) return
    if (!file) {
      setFileError('请选择名册文件')
      document.getElementById('roster-file')?.focus()
      return
    }
    setBusy(true)
    setFailure(null)
    setFileError('')
    try {
      const r = await deputiesApi.importFile(file)
      setResult(r)
      onImported(r)
    } catch (e) {
      const err = asApiError(e, '导入失败，请稍后重试')
      setFailure({ message: err.message, rows: rowsOf(err) })
      // The file needs fixing: choosing it again (even under the same name) must count as new.
      if (err.status === 400) {
        setFile(null)
        const input = document.getElementById('roster-file') as HTMLInputElement | null
        if (input) input.value = ''
      }
    } finally {
      setBusy(false)
    }
  }

  if (result) {
    return (
      <section class="card roster-result" aria-labelledby="import-done">
        <p id="import-done" class="card-title">
          导入完成
        </p>
        <Alert tone="success">
          新增 {result.created} 名代表{result.updated ? `，更新 ${result.updated} 名代表的信息` : ''}
          {result.created === 0 && result.updated === 0 ? '（名册中的代表都已登记，没有变化）' : ''}。
        </Alert>
        {result.created > 0 && <p class="secret-warning">新增的代表还不能登录：请打印开通通知单，分发到本人，凭开通码首次登录并设置密码。</p>}
        <div class="form-actions">
          {result.created > 0 && <Button onClick={onPrintSlips}>打印开通通知单（全部未开通）</Button>}
          <Button variant="secondary" onClick={onClose}>
            关闭
          </Button>
        </div>
      </section>
    )
  }

  return (
    <form class="card roster-form" onSubmit={upload} noValidate aria-label="导入名册">
      <p class="card-title">导入名册</p>
      <p class="muted">
        CSV 或 Excel（.xlsx）文件，第一行为列名：姓名、手机号、代表层级（全国、省、市、县、乡）、县市区、代表小组。任何一行有误时，整个文件都不会导入。
        <a class="inline-link" href={templateHref(exampleCounty)} download="代表名册模板.csv">
          下载 CSV 模板
        </a>
      </p>
      <div class={fileError ? 'field field-invalid' : 'field'}>
        <label class="field-label" for="roster-file">
          名册文件
        </label>
        <input
          id="roster-file"
          class="input file-input"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={fileError ? 'true' : undefined}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null)
            setFileError('')
            setFailure(null)
          }}
        />
        {fileError && <p class="field-error">{fileError}</p>}
      </div>
      {failure && (
        <div class="import-errors">
          <Alert tone="error" title="导入失败">
            {failure.message}
          </Alert>
          {failure.rows.length > 0 && (
            <div class="table-wrap">
              <table class="table row-errors" aria-label="有误的行">
                <thead>
                  <tr>
                    <th scope="col">行号</th>
                    <th scope="col">问题</th>
                  </tr>
                </thead>
                <tbody>
                  {failure.rows.map((r) => (
                    <tr key={r.row}>
                      <td class="nowrap">第 {r.row} 行</td>
                      <td>{r.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <div class="form-actions">
        <Button type="submit" busy={busy} busyLabel="正在导入…">
          导入
        </Button>
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          取消
        </Button>
      </div>
    </form>
  )
}
