// The rule every text field follows, on the server and in the web: no control characters (a
// multi-line field keeps newlines and tabs), no unpaired surrogates, no bidi overrides that make
// text read differently from how it is stored; "empty" and lengths count visible characters only,
// so a title of zero-width spaces is empty.

// Format characters (zero-width spaces and joiners, BOM, soft hyphen, direction marks), the
// Hangul fillers and the Mongolian vowel separator: they draw nothing.
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u180E\u034F]/gu
// What tidyText strips from the ends: blanks and the invisible characters above, but not the bidi
// controls below, which are refused rather than quietly dropped.
const EDGE = /^[\s\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]+|[\s\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\u3164\uFEFF\uFFA0]+$/gu
// Embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u
const CONTROL = /\p{Cc}/u
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]/u
const LONE_SURROGATE = /\p{Cs}/u

/** Line ends as \n, and no blank or invisible characters at either end. */
export function tidyText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(EDGE, '')
}

/** How many characters a reader sees (code points, invisible ones left out). */
export function visibleLength(s: string): number {
  let n = 0
  for (const _ of s.replace(INVISIBLE, '')) n++
  return n
}

/** What is wrong with a text (as the end of a sentence that starts with the field's name), or null. */
export function textProblem(s: string, multiline = false): string | null {
  if (LONE_SURROGATE.test(s)) return '含有无法识别的字符，请删除后重新输入'
  if (BIDI.test(s)) return '不能包含文字方向控制符'
  if (multiline ? CONTROL_BUT_LINES.test(s) : CONTROL.test(s)) return multiline ? '不能包含控制字符' : '不能包含换行符、制表符等控制字符'
  return null
}

/** The Chinese message for a text field, or null when it is fine. `required` refuses an empty one. */
export function textMessage(label: string, s: string, opts: { max: number; required?: boolean; multiline?: boolean }): string | null {
  const problem = textProblem(s, opts.multiline)
  if (problem) return `${label}${problem}`
  const length = visibleLength(s)
  if (opts.required && length === 0) return `请填写${label}`
  if (length > opts.max) return `${label}不能超过 ${opts.max} 字`
  return null
}
