// 登录单: the sign-in sheet of newly imported deputies (name, phone, temporary password and the
// system's address), hidden on screen and printed alone by printSheet().
import type { NewAccount } from '../activities-api'
import { todayInShanghai } from '../../../worker/core/dates'

const PRINTING = 'printing-sheet'

/** Prints only the sheet: the body class hides the rest of the app for the print. */
export function printSheet(): void {
  document.body.classList.add(PRINTING)
  const done = () => {
    document.body.classList.remove(PRINTING)
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  window.print()
}

export function RosterSheet({ accounts, place }: { accounts: NewAccount[]; place: string }) {
  const origin = window.location.origin
  return (
    <section class="sign-in-sheet" aria-hidden="true">
      <h1 class="sheet-title">承德市人大履职监督台账 · 代表登录单</h1>
      <p class="sheet-note">
        {place ? `${place} · ` : ''}系统地址：<strong>{origin}</strong> · 打印日期：{todayInShanghai()}
      </p>
      <p class="sheet-note">请用手机浏览器打开系统地址，以本人手机号和临时密码登录，首次登录须修改密码。本单含密码，请逐人分发，不要张贴。</p>
      <table class="sheet-table">
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>登录手机号</th>
            <th>临时密码</th>
            <th>系统地址</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a, n) => (
            <tr key={a.phone}>
              <td>{n + 1}</td>
              <td>{a.name}</td>
              <td>{a.phone}</td>
              <td class="sheet-password">{a.temporaryPassword}</td>
              <td>{origin}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
