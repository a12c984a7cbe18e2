// Stands in for @libsql/client/web where drizzle-orm/libsql/web imports it: drizzle() there opens
// a client itself only when handed a URL, and this app always hands it an open client
// (db/client.ts fromLibsql), so the worker's start need not carry the client. worker/index.ts
// loads the real one lazily when there is no D1 binding.
export function createClient(): never {
  throw new Error('drizzle() is given an open libSQL client here, never a URL')
}
