// Text that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell that starts with
// = + - @, a tab or a carriage return (or their full-width forms, which some Excel input
// methods turn into formulas) gets a leading apostrophe. Every export, CSV and XLSX, writes its
// text cells through here, imported names included.

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

export function inertText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s
}

/** A cell value: numbers stay numbers (a negative number is not a formula), text is made inert. */
export function inertValue<T extends string | number>(v: T): T | string {
  return typeof v === 'string' ? inertText(v) : v
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` for 平泉市-问题清单台账-2026年-20261202.xlsx:
 * the Chinese name per RFC 5987 (browsers use it) and an ASCII fallback for old clients.
 */
export function attachment(parts: string[], ascii: string, today: string, ext: string): string {
  const day = today.replace(/-/g, '')
  const name = `${[...parts, day].join('-')}.${ext}`
  return `attachment; filename="${ascii}-${day}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`
}
