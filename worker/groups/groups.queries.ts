// drizzle queries for deputy groups: a county's (or the city's) groups of a year, a deputy's own,
// one group with its fields and members, the atomic create and the version-guarded change.
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../db/client'
import { deputyGroups, fields, groupActivityCounts, groupFields, groupMembers, issueCounts, places, users } from '../db/schema'
import { chunk } from '../db/seed/reference'
import { insertWhere, writesThenUpdate } from '../db/sql'
import { groupRenamed } from '../issues/names'

/** Ids looked up a statement: under D1's 100 bound parameters with room for the other terms. */
const IDS_PER_STATEMENT = 90

const groupColumns = {
  id: deputyGroups.id,
  countyCode: deputyGroups.countyCode,
  year: deputyGroups.year,
  name: deputyGroups.name,
  theme: deputyGroups.theme,
  leaderId: deputyGroups.leaderId,
  createdAt: deputyGroups.createdAt,
  updatedAt: deputyGroups.updatedAt,
  version: deputyGroups.version,
}

export async function findGroup(db: Db, id: string) {
  const [row] = await db.select(groupColumns).from(deputyGroups).where(eq(deputyGroups.id, id)).limit(1)
  return row ?? null
}

/** A group's fields (in the year's order) and members (by name), read by its primary keys. */
export async function groupParts(db: Db, g: { id: string; year: number }) {
  const [fieldRows, memberRows] = await db.batch([
    db
      .select({ code: groupFields.fieldCode })
      .from(groupFields)
      .innerJoin(fields, and(eq(fields.year, groupFields.year), eq(fields.code, groupFields.fieldCode)))
      .where(eq(groupFields.groupId, g.id))
      .orderBy(asc(fields.sort)),
    db
      .select({ id: users.id, name: users.name, level: users.level, countyCode: users.countyCode, active: users.active })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.deputyId))
      .where(eq(groupMembers.groupId, g.id))
      .orderBy(asc(users.name), asc(users.id)),
  ])
  return { fieldCodes: fieldRows.map((f) => f.code), members: memberRows }
}

/** Groups of a year, of some counties (null: all), by county and name; uses deputy_groups_year_county. */
export function listGroups(db: Db, year: number, countyCodes: string[] | null) {
  const where: (SQL | undefined)[] = [eq(deputyGroups.year, year)]
  if (countyCodes) where.push(inArray(deputyGroups.countyCode, countyCodes))
  return db
    .select({ ...groupColumns, leaderName: users.name })
    .from(deputyGroups)
    .leftJoin(users, eq(users.id, deputyGroups.leaderId))
    .leftJoin(places, eq(places.code, deputyGroups.countyCode))
    .where(and(...where))
    .orderBy(asc(places.sort), asc(deputyGroups.name), asc(deputyGroups.id))
}

/** The groups of a year a deputy belongs to; uses group_members_deputy. */
export function listGroupsOfDeputy(db: Db, year: number, deputyId: string) {
  return db
    .select({ ...groupColumns, leaderName: users.name })
    .from(groupMembers)
    .innerJoin(deputyGroups, eq(deputyGroups.id, groupMembers.groupId))
    .leftJoin(users, eq(users.id, deputyGroups.leaderId))
    .where(and(eq(groupMembers.deputyId, deputyId), eq(deputyGroups.year, year)))
    .orderBy(asc(deputyGroups.name), asc(deputyGroups.id))
}

/** The fields and member counts of these groups, by primary key, a bounded number of ids a statement. */
export async function fieldsAndCounts(db: Db, groupIds: string[]) {
  const fieldsOf = new Map<string, string[]>()
  const membersOf = new Map<string, number>()
  for (let i = 0; i < groupIds.length; i += IDS_PER_STATEMENT) {
    const ids = groupIds.slice(i, i + IDS_PER_STATEMENT)
    const [fieldRows, countRows] = await db.batch([
      db
        .select({ groupId: groupFields.groupId, code: groupFields.fieldCode })
        .from(groupFields)
        .innerJoin(fields, and(eq(fields.year, groupFields.year), eq(fields.code, groupFields.fieldCode)))
        .where(inArray(groupFields.groupId, ids))
        .orderBy(asc(fields.sort)),
      db.select({ groupId: groupMembers.groupId, n: count() }).from(groupMembers).where(inArray(groupMembers.groupId, ids)).groupBy(groupMembers.groupId),
    ])
    for (const f of fieldRows) fieldsOf.set(f.groupId, [...(fieldsOf.get(f.groupId) ?? []), f.code])
    for (const c of countRows) membersOf.set(c.groupId, c.n)
  }
  return { fieldsOf, membersOf }
}

/** Which of these ids are deputies on the county's roster today (active). */
export async function rosterDeputies(db: Db, countyCode: string, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids.slice(i, i + IDS_PER_STATEMENT)), eq(users.role, 'deputy'), eq(users.countyCode, countyCode), eq(users.active, true)))
    for (const r of rows) found.add(r.id)
  }
  return found
}

/** The codes of a year's fields, in the year's order. */
export async function fieldCodesOfYear(db: Db, year: number): Promise<string[]> {
  const rows = await db.select({ code: fields.code }).from(fields).where(eq(fields.year, year)).orderBy(asc(fields.sort))
  return rows.map((r) => r.code)
}

export interface NewGroup {
  id: string
  countyCode: string
  year: number
  name: string
  theme: string
  leaderId: string
  fieldCodes: string[]
  memberIds: string[]
  at: string
}

/** The group, its fields and its members in one atomic batch. */
export async function insertGroup(db: Db, g: NewGroup): Promise<void> {
  const writes: BatchItem<'sqlite'>[] = [
    db.insert(deputyGroups).values({ id: g.id, countyCode: g.countyCode, year: g.year, name: g.name, theme: g.theme, leaderId: g.leaderId, createdAt: g.at, updatedAt: g.at }),
    ...chunk(g.fieldCodes, 4).map((part) => db.insert(groupFields).values(part.map((fieldCode) => ({ groupId: g.id, year: g.year, countyCode: g.countyCode, fieldCode })))),
    ...chunk(g.memberIds, 2).map((part) => db.insert(groupMembers).values(part.map((deputyId) => ({ groupId: g.id, deputyId })))),
  ]
  await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
}

export interface GroupChange {
  id: string
  year: number
  countyCode: string
  version: number
  set: { name?: string; theme?: string; leaderId?: string }
  fields?: { add: string[]; remove: string[] }
  members?: { add: string[]; remove: string[] }
  at: string
}

/**
 * Changes a group only if it is still at the version the actor saw: the field and member writes
 * carry the same condition and run before the update, so a stale change writes nothing at all.
 * Answers whether the change was made.
 */
export function updateGroup(db: Db, c: GroupChange): Promise<boolean> {
  const atVersion = sql`exists (select 1 from ${deputyGroups} where ${deputyGroups.id} = ${c.id} and ${deputyGroups.version} = ${c.version})`
  const writes: BatchItem<'sqlite'>[] = []
  // A year has a handful of fields: one statement removes them all.
  if (c.fields?.remove.length) {
    writes.push(db.delete(groupFields).where(and(eq(groupFields.groupId, c.id), inArray(groupFields.fieldCode, c.fields.remove), atVersion)))
  }
  for (const fieldCode of c.fields?.add ?? []) {
    writes.push(insertWhere(db, groupFields, { groupId: c.id, year: c.year, countyCode: c.countyCode, fieldCode }, atVersion))
  }
  for (let i = 0; i < (c.members?.remove.length ?? 0); i += IDS_PER_STATEMENT) {
    writes.push(db.delete(groupMembers).where(and(eq(groupMembers.groupId, c.id), inArray(groupMembers.deputyId, c.members!.remove.slice(i, i + IDS_PER_STATEMENT)), atVersion)))
  }
  for (const deputyId of c.members?.add ?? []) {
    writes.push(insertWhere(db, groupMembers, { groupId: c.id, deputyId }, atVersion))
  }
  if (c.set.name !== undefined) writes.push(groupRenamed(db, c.id, c.set.name, atVersion))
  const update = db
    .update(deputyGroups)
    .set({ ...c.set, updatedAt: c.at, version: c.version + 1 })
    .where(and(eq(deputyGroups.id, c.id), eq(deputyGroups.version, c.version)))
    .returning({ id: deputyGroups.id })
  return writesThenUpdate(db, writes, update)
}

/** Groups per county in a year; uses deputy_groups_year_county. */
export function groupCountsOfYear(db: Db, year: number) {
  return db.select({ countyCode: deputyGroups.countyCode, n: count() }).from(deputyGroups).where(eq(deputyGroups.year, year)).groupBy(deputyGroups.countyCode)
}

/** The (county, field) pairs a year's groups cover: one row a pair, read off group_fields_year_county_field. */
export function coveredFieldsOfYear(db: Db, year: number) {
  return db.selectDistinct({ countyCode: groupFields.countyCode, fieldCode: groupFields.fieldCode }).from(groupFields).where(eq(groupFields.year, year))
}

/** Confirmed group activities per group of a year (some counties, null: all): a row a group, by group_activity_counts_year_county. */
export function groupActivityCountRows(db: Db, year: number, countyCodes: string[] | null) {
  return db
    .select()
    .from(groupActivityCounts)
    .where(and(eq(groupActivityCounts.year, year), countyCodes ? inArray(groupActivityCounts.countyCode, countyCodes) : undefined))
}

/** Issues found per group of a year (the group dimension of issue_counts): a row a group that found any. */
export function groupIssueCountRows(db: Db, year: number, countyCodes: string[] | null) {
  return db
    .select()
    .from(issueCounts)
    .where(and(eq(issueCounts.year, year), countyCodes ? inArray(issueCounts.countyCode, countyCodes) : undefined, eq(issueCounts.dimension, 'group')))
}
