// Types of the bindings the workerd tests see through `cloudflare:test`.
import type { D1Migration } from '@cloudflare/vitest-pool-workers'

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database
      MIGRATIONS: D1Migration[]
      ASSETS: Fetcher
      FILES: R2Bucket
    }
  }
}
export {}
