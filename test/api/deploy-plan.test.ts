// `npm run deploy` applies the database's pending migrations before it deploys the new code,
// and refuses to deploy when it cannot apply them.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { deployPlan } from '../../worker/cli/deploy-plan'

const WRANGLER_TOML = readFileSync(new URL('../../wrangler.toml', import.meta.url), 'utf8')
const TURSO_TOML = WRANGLER_TOML.replace(/\[\[d1_databases\]\][\s\S]*$/, '')

describe('npm run deploy', () => {
  it('applies the pending D1 migrations remotely before wrangler deploy', () => {
    expect(deployPlan(WRANGLER_TOML, {}, ['--dry-run'])).toEqual([
      { kind: 'wrangler', args: ['d1', 'migrations', 'apply', 'DB', '--remote'] },
      { kind: 'wrangler', args: ['deploy', '--dry-run'] },
    ])
  })

  it('migrates the Turso database first when wrangler.toml binds no D1', () => {
    expect(deployPlan(TURSO_TOML, { DATABASE_URL: 'libsql://ledger.turso.io' })).toEqual([
      { kind: 'migrate-libsql', url: 'libsql://ledger.turso.io' },
      { kind: 'wrangler', args: ['deploy'] },
    ])
  })

  it('refuses to deploy when it has no database to migrate', () => {
    expect(() => deployPlan(TURSO_TOML, {})).toThrow(/没有绑定 D1.*DATABASE_URL/)
    expect(() => deployPlan(`# [[d1_databases]]\n${TURSO_TOML}`, {})).toThrow(/没有绑定 D1/)
  })
})
