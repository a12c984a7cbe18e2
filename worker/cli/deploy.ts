// npm run deploy (after the build): applies pending migrations to the deployment's database
// (D1 through wrangler, Turso through the libSQL migrator), then `wrangler deploy`. Arguments
// after `--` go to `wrangler deploy`.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createClient } from '@libsql/client'
import { migrateLibsql } from '../db/migrate'
import { fromLibsql } from '../db/client'
import { migrationLevel } from '../db/migration-level'
import { deployPlan } from './deploy-plan'

async function main() {
  const plan = deployPlan(readFileSync('wrangler.toml', 'utf8'), process.env, process.argv.slice(2))
  for (const step of plan) {
    if (step.kind === 'wrangler') {
      console.error(`> wrangler ${step.args.join(' ')}`)
      const run = spawnSync('npx', ['wrangler', ...step.args], { stdio: 'inherit' })
      if (run.status !== 0) throw new Error(`wrangler ${step.args.join(' ')} 失败，未部署新版本`)
    } else {
      const client = createClient({ url: step.url, authToken: process.env.DATABASE_AUTH_TOKEN })
      try {
        await migrateLibsql(client)
        console.error(`已迁移 ${step.url} 到 ${(await migrationLevel(fromLibsql(client))).migration}`)
      } finally {
        client.close()
      }
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
