// Stands in for the two drizzle-orm/pg-core modules that drizzle's dialect-neutral code imports
// (relations.js: PrimaryKeyBuilder, sql/sql.js: isPgEnum), so the worker's build leaves pg-core
// out. Both are only ever compared against: this app builds no Postgres table or enum, so
// `is(x, PrimaryKeyBuilder)` and `isPgEnum(x)` answer false exactly as the real ones do here.
// drizzle's own key (entity.js); importing drizzle-orm here would be a cycle back into relations.js.
const entityKind = Symbol.for('drizzle:entityKind')

/** Same entity kind as pg-core's, so drizzle's `is()` accepts it as a class to compare with. */
export class PrimaryKeyBuilder {
  static readonly [entityKind] = 'PgPrimaryKeyBuilder'
}

const isPgEnumSym = Symbol.for('drizzle:isPgEnum')

/** pg-core's own test, verbatim: a function carrying the enum symbol. */
export function isPgEnum(obj: unknown): boolean {
  return !!obj && typeof obj === 'function' && isPgEnumSym in obj && (obj as unknown as Record<symbol, unknown>)[isPgEnumSym] === true
}
