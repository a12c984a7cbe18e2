// How a response is checked against the OpenAPI document, for both suites: the Node API suite
// with ajv compiling the document as it runs (contract.ts), the workerd suite with the same
// checks compiled beforehand (contract-standalone.ts). No ajv here, so workerd can import it.

/** A compiled check: true when the value matches; `errors` says why not (ajv's shape). */
export type Check = ((value: unknown) => boolean) & { errors?: unknown }

/** Per path template and method: each declared status with its media types and its JSON check's name. */
export type Operations = Record<string, Record<string, Record<string, { media: string[]; validator: string | null }>>>

export interface CheckedContract {
  /** The operation a request path reaches, as the router would: fixed segments before {params}. */
  match(method: string, path: string): { template: string; responses: Record<string, { media: string[] }> } | null
  /** The check of a declared JSON response. */
  validator(template: string, method: string, status: string): Check
  errorValidator: Check
  /** A route the document does not declare yet (it answers unchecked). */
  pending?(method: string, path: string): boolean
}

export const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

/** Path templates in matching order: more fixed segments first, so /issues/export beats /issues/{id}. */
export function templatesOf(paths: string[]): { template: string; re: RegExp }[] {
  return paths
    .map((template) => ({
      template,
      fixed: template.split('/').filter((s) => !s.startsWith('{')).length,
      re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
    }))
    .sort((a, b) => b.fixed - a.fixed)
}

/** Throws, naming method, path, status and the validator's errors, when `res` is not what the document says. */
export async function checkAgainst(c: CheckedContract, method: string, url: string, res: Response): Promise<void> {
  const { pathname } = new URL(url, 'http://localhost')
  if (!pathname.startsWith('/api/v1/')) return
  const path = pathname.slice('/api/v1'.length).replace(/\/+$/, '') || '/'
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase()
  const type = res.headers.get('content-type') ?? ''
  const where = `${method} ${pathname} → ${res.status}`
  const found = c.match(verb, path)
  if (!found) {
    if (c.pending?.(verb, path)) return
    // No such operation: the app answers with its error envelope (unknown route, or the gate).
    if (res.status < 400) throw new Error(`${where}: the OpenAPI document has no operation ${verb} ${path}`)
    if (!/^application\/json/.test(type)) throw new Error(`${where}: an error answered as ${type || 'no content type'}, not the JSON envelope`)
    const body: unknown = await res.clone().json()
    if (!c.errorValidator(body)) throw new Error(`${where}: not the error envelope: ${JSON.stringify(c.errorValidator.errors)}`)
    return
  }
  const declared = found.responses[String(res.status)]
  if (!declared) {
    throw new Error(`${where}: status ${res.status} is not declared for ${verb} ${found.template} (declared: ${Object.keys(found.responses).join(', ')})`)
  }
  if (declared.media.length === 0) {
    if ((await res.clone().arrayBuffer()).byteLength > 0) throw new Error(`${where}: declared without a body, but answered one (${type})`)
    return
  }
  if (!declared.media.some((m) => type.startsWith(m))) throw new Error(`${where}: answered ${type || 'no content type'}, declared ${declared.media.join(', ')}`)
  if (!declared.media.includes('application/json') || method.toUpperCase() === 'HEAD') return
  const body: unknown = await res.clone().json()
  const validate = c.validator(found.template, verb, String(res.status))
  if (!validate(body)) {
    throw new Error(`${where}: the body does not match the OpenAPI document (${verb} ${found.template} ${res.status}): ${JSON.stringify(validate.errors, null, 1)}`)
  }
}
