// 导入名册: a CSV or XLSX roster (姓名, 手机号, 代表层级, 县市区, 代表小组). A file with any bad row
// imports nothing and shows every bad row (行号, 问题); a good one lists the new accounts with their
// temporary passwords, once, and prints them as a sign-in sheet.
import { useState } from 'preact/hooks'
import { deputiesApi, type ImportResult } from '../activities-api'
import { asApiError, type ApiError } from '../api'
import { Alert } from './alert'
import { Button } from './button'
import { printSheet } from './roster-sheet'

interface RosterImportProps {
  /** The example row's county in the template (the staff member's own). */
  exampleCounty: string
  onImported: (result: ImportResult) => void
  onClose: () => void
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

export function RosterImport({ exampleCounty, onImported, onClose }: RosterImportProps) {
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
        {result.accounts.length > 0 && (
          <>
            <p class="secret-warning">以下临时密码只显示这一次：请立即告知本人或打印登录单，关闭后不再显示。</p>
            <div class="table-wrap">
              <table class="table accounts-table">
                <thead>
                  <tr>
                    <th scope="col">姓名</th>
                    <th scope="col">登录手机号</th>
                    <th scope="col">临时密码</th>
                  </tr>
                </thead>
                <tbody>
                  {result.accounts.map((a) => (
                    <tr key={a.phone}>
                      <td>{a.name}</td>
                      <td class="nowrap">{a.phone}</td>
                      <td class="secret-cell">{a.temporaryPassword}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <div class="form-actions">
          {result.accounts.length > 0 && <Button onClick={printSheet}>打印登录单</Button>}
          <Button variant="secondary" onClick={onClose}>
            {result.accounts.length > 0 ? '已告知，关闭' : '关闭'}
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
