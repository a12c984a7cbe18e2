// The layering the code tour promises, checked on the source: a feature's services and routes
// take their queries from the feature's own *.queries.ts, never from another feature's, and
// write no SQL themselves; who may do what is asked of the permission table in auth/access.ts.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const WORKER = join(import.meta.dirname, '../../worker')
/** Folders that are not features: shared building blocks every feature may use. */
const SHARED = new Set(['core', 'db', 'cli', 'openapi'])

const features = readdirSync(WORKER, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !SHARED.has(d.name))
  .map((d) => d.name)

function sources(feature: string) {
  return readdirSync(join(WORKER, feature))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `${feature}/${f}`, text: readFileSync(join(WORKER, feature, f), 'utf8') }))
}

/** Value imports (not `import type`) with their module specifiers. */
function valueImports(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!)
}

describe('feature layering', () => {
  it('finds the features it checks', () => {
    expect(features).toEqual(expect.arrayContaining(['issues', 'activities', 'users', 'deputies', 'units', 'reference', 'stats', 'auth']))
  })

  it.each(features)('%s imports no other feature’s queries', (feature) => {
    const foreign = sources(feature).flatMap(({ file, text }) =>
      [...text.matchAll(/from\s+'\.\.\/([a-z-]+)\/[a-z-]+\.queries'/g)].filter((m) => m[1] !== feature).map((m) => `${file} → ${m[0]}`),
    )
    expect(foreign).toEqual([])
  })

  it.each(features)('%s services and routes write no SQL of their own', (feature) => {
    const offending = sources(feature)
      .filter(({ file }) => /\.(service|routes)\.ts$/.test(file))
      .flatMap(({ file, text }) => valueImports(text).filter((m) => m === 'drizzle-orm' || m.endsWith('/db/schema')).map((m) => `${file} → ${m}`))
    expect(offending).toEqual([])
  })

  it('asks the permission table about the signed-in user’s role instead of comparing it', () => {
    // core/workflow.ts maps a role to the workflow's actor (staff, the assigned unit, the reporter):
    // that mapping is the issue workflow's own table.
    const allowed = new Set(['auth/access.ts', 'core/workflow.ts'])
    const offending = [...features, 'core']
      .flatMap(sources)
      .filter(({ file }) => !allowed.has(file))
      .filter(({ text }) => /\buser\.role\s*[!=]==/.test(text))
      .map(({ file }) => file)
    expect(offending).toEqual([])
  })
})
