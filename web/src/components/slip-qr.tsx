// The QR code of the sign-in address, drawn as one SVG path (no inline style, so the CSP holds).
// uqr is imported only by the slips screen, so its code ships in that screen's chunk alone.
import { encode } from 'uqr'

// Every slip carries the same address: encode it once, not once per slip.
const drawn = new Map<string, { size: number; d: string }>()

function draw(text: string) {
  let qr = drawn.get(text)
  if (!qr) {
    const { data, size } = encode(text, { ecc: 'M', border: 2 })
    let d = ''
    data.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`
      }),
    )
    drawn.set(text, (qr = { size, d }))
  }
  return qr
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, d } = draw(text)
  return (
    <svg class="slip-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
