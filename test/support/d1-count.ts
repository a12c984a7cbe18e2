// A D1 binding that adds up D1's own meta.rows_read / rows_written for every statement, so that
// tests and benchmarks can count what a request costs on D1.
//
// drizzle reads through raw(), which carries no meta. A SELECT is therefore run once more
// through all() for its meta (reads have no side effects); a write with RETURNING is run once
// through all() and its rows handed back as arrays (one table, so no clashing column names).
export interface RowCounter {
  read: number
  written: number
}

export function countingD1(db: D1Database, counter: RowCounter): D1Database {
  const tally = (r: unknown) => {
    for (const res of Array.isArray(r) ? r : [r]) {
      counter.read += (res as D1Result | undefined)?.meta?.rows_read ?? 0
      counter.written += (res as D1Result | undefined)?.meta?.rows_written ?? 0
    }
    return r
  }
  const wrap = (s: D1PreparedStatement, query: string): D1PreparedStatement =>
    new Proxy(s, {
      get(t, p) {
        const v = Reflect.get(t, p, t) as (...a: unknown[]) => unknown
        if (p === 'bind') return (...a: unknown[]) => wrap(v.apply(t, a) as D1PreparedStatement, query)
        if (p === 'all' || p === 'run') return async (...a: unknown[]) => tally(await v.apply(t, a))
        if (p === 'raw' || p === 'first') {
          return async (...a: unknown[]) => {
            if (/^\s*(with\b[\s\S]*?\)\s*)?select\b/i.test(query)) {
              tally(await t.all())
              return v.apply(t, a)
            }
            const res = (await t.all()) as D1Result<Record<string, unknown>>
            tally(res)
            if (p === 'first') return res.results[0] ?? null
            return res.results.map((row) => Object.values(row))
          }
        }
        return typeof v === 'function' ? v.bind(t) : v
      },
    })
  return new Proxy(db, {
    get(t, p) {
      if (p === 'prepare') return (q: string) => wrap(t.prepare(q), q)
      if (p === 'batch') return async (s: D1PreparedStatement[]) => tally(await t.batch(s))
      const v = Reflect.get(t, p, t) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v
    },
  })
}
