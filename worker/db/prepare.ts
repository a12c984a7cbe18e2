// What a database needs before the app serves it: the reference data, and on a local demo the
// demo set. Runs once per process (Node) or per isolate (Workers); cheap when already done.
import type { Config } from '../env'
import type { Db } from './client'
import { seedReference } from './seed/reference'

export async function prepareDatabase(db: Db, config: Config): Promise<void> {
  await seedReference(db)
  // The demo set is a chunk of its own on Workers: a real deployment never loads it.
  if (config.demoData) await (await import('./seed/demo')).seedDemoIfEmpty(db)
}
