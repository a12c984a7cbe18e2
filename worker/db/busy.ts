// Tells a database that another process holds locked (SQLITE_BUSY, as libSQL reports it on a file
// or a server) from other failures, through the wrappers drizzle puts around driver errors.
export function isDatabaseBusy(e: unknown): boolean {
  for (let cur = e, depth = 0; cur instanceof Error && depth < 5; cur = cur.cause, depth++) {
    if ((cur as Error & { code?: unknown }).code === 'SQLITE_BUSY') return true
  }
  return false
}
