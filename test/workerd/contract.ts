// Requests of the workerd suite: SELF.fetch with every /api/v1 answer checked against the OpenAPI
// document, as the Node suite's are (test/support/app.ts), by the checks ajv compiled from the
// document before the suite started (test/support/contract-standalone.ts). Tests call
// `fetchChecked` instead of SELF.fetch; test/api/layers.test.ts makes sure they do.
import { SELF } from 'cloudflare:test'
import { checkAgainst, templatesOf, type Check, type CheckedContract } from '../support/contract-check'
import * as compiled from './generated/contract.js'

const checks = compiled as unknown as Record<string, Check>
const templates = templatesOf(Object.keys(compiled.operations))

const contract: CheckedContract = {
  match(method, path) {
    for (const t of templates) {
      const responses = compiled.operations[t.template]![method.toLowerCase()]
      if (responses && t.re.test(path)) return { template: t.template, responses }
    }
    return null
  },
  validator(template, method, status) {
    const name = compiled.operations[template]?.[method.toLowerCase()]?.[status]?.validator
    const check = name ? checks[name] : undefined
    if (!check) throw new Error(`no compiled check for ${method} ${template} ${status}`)
    return check
  },
  errorValidator: compiled.error,
}

/** Throws when `res`, the answer to `method url`, is not what the OpenAPI document declares. */
export function checkCompiled(method: string, url: string, res: Response): Promise<void> {
  return checkAgainst(contract, method, url, res)
}

/** SELF.fetch, failing the test when the answer is not what the OpenAPI document declares. */
export async function fetchChecked(input: string, init?: RequestInit): Promise<Response> {
  const res = await SELF.fetch(input, init)
  await checkCompiled(init?.method ?? 'GET', input, res)
  return res
}
