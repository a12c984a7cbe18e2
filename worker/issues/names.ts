// The names an issue stores beside the ids it points to (reporter, unit, group): like
// stats/counters.ts, writes other features put in their own batches, so that a list page reads its
// own rows only. Each rename updates them in the rename's own batch, under the rename's
// own condition, so the ledger never shows a name the roster no longer has.
import { and, eq, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { issues } from '../db/schema'

/** A person renamed (roster edit or re-import): the issues they reported. Uses issues_reporter_created. */
export function reporterRenamed(db: Db, userId: string, name: string, when?: SQL) {
  return db.update(issues).set({ reporterName: name }).where(and(eq(issues.reporterId, userId), when))
}

/** A deputy group renamed: the issues it found. Uses issues_group_created. */
export function groupRenamed(db: Db, groupId: string, name: string, when?: SQL) {
  return db.update(issues).set({ groupName: name }).where(and(eq(issues.groupId, groupId), when))
}

/** A unit renamed: the issues assigned to it. Uses issues_unit_status_deadline. */
export function unitRenamed(db: Db, unitId: string, name: string, when?: SQL) {
  return db.update(issues).set({ unitName: name }).where(and(eq(issues.unitId, unitId), when))
}
