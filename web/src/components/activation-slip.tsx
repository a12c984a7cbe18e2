// One 开通通知单: who it is for, the phone they sign in with, the one-time activation code, the
// sign-in address with its QR code, until when the code works, and the three steps. Sized so that
// six fit on an A4 page (slips.css).
import type { IssuedCode } from '../activities-api'
import { QrCode } from './slip-qr'

interface SlipProps {
  item: IssuedCode
  /** Where they serve: 平泉市 · 乡人大代表, or the unit's name. */
  place: string
  address: string
  expiresOn: string
}

export function ActivationSlip({ item, place, address, expiresOn }: SlipProps) {
  return (
    <article class="slip" aria-label={`${item.name}的开通通知单`}>
      <header class="slip-head">
        <span class="slip-system">承德市人大履职监督台账</span>
        <span class="slip-kind">开通通知单</span>
      </header>
      <div class="slip-body">
        <div class="slip-facts">
          <p class="slip-name">
            {item.name}
            <span class="slip-place">{place}</span>
          </p>
          <p class="slip-line">
            <span class="slip-label">登录手机号</span>
            <span class="slip-phone">{item.phone}</span>
          </p>
        </div>
        <figure class="slip-qr-box">
          <QrCode text={address} label={`登录地址二维码：${address}`} />
          <figcaption>扫码登录</figcaption>
        </figure>
      </div>
      <p class="slip-label">开通码（仅能使用一次，{expiresOn} 前有效）</p>
      <p class="slip-code">{item.code}</p>
      <p class="slip-address">
        登录地址：<strong>{address}</strong>
      </p>
      <ol class="slip-steps">
        <li>手机扫码或在浏览器输入登录地址；</li>
        <li>点“首次登录（使用开通码）”，填写手机号和开通码；</li>
        <li>设置自己的登录密码，以后用手机号和密码登录。</li>
      </ol>
      <p class="slip-warn">本单含开通码，请本人妥善保管，不要转交或张贴。</p>
    </article>
  )
}
