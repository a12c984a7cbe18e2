// What `npm run deploy` does, in order: the schema first, then the code. A Worker of the new
// release never runs on a schema that lacks its migrations; when they cannot be applied the
// deploy stops before `wrangler deploy`.

export type DeployStep = { kind: 'wrangler'; args: string[] } | { kind: 'migrate-libsql'; url: string }

/** Whether wrangler.toml binds a D1 database (a `[[d1_databases]]` table that is not commented out). */
export function bindsD1(wranglerToml: string): boolean {
  return /^\s*\[\[\s*d1_databases\s*\]\]/m.test(wranglerToml)
}

export function deployPlan(wranglerToml: string, env: Record<string, string | undefined>, deployArgs: string[] = []): DeployStep[] {
  const deploy: DeployStep = { kind: 'wrangler', args: ['deploy', ...deployArgs] }
  if (bindsD1(wranglerToml)) return [{ kind: 'wrangler', args: ['d1', 'migrations', 'apply', 'DB', '--remote'] }, deploy]
  if (env.DATABASE_URL) return [{ kind: 'migrate-libsql', url: env.DATABASE_URL }, deploy]
  throw new Error(
    'wrangler.toml 没有绑定 D1，部署前无法迁移数据库：请在本机设置 DATABASE_URL 与 DATABASE_AUTH_TOKEN（与 wrangler secret 中的相同）后再运行 npm run deploy',
  )
}
