// The shapes of GET /health and GET /reference (api.md "Reference and session").
import * as z from 'zod'

export const healthUp = z.object({
  ok: z.literal(true),
  db: z.literal('ok'),
  version: z.string(),
  migration: z.string().nullable().meta({ description: '最后应用的迁移，如 0005_queue_and_todo_indexes' }),
  pendingMigrations: z.number().int().nullable().meta({ description: '本版本尚未应用的迁移数；数据库比本版本新时为 null' }),
})

export const healthDown = z.object({ ok: z.literal(false), db: z.literal('error'), version: z.string() })

const coded = z.object({ code: z.string(), name: z.string() })

export const reference = z.object({
  counties: z.array(coded),
  city: coded.nullable(),
  years: z.array(z.number().int()),
  fields: z.array(z.object({ code: z.string(), name: z.string(), origin: z.string(), year: z.number().int() })),
  issueSources: z.array(coded),
  issueKinds: z.array(coded),
  venues: z.array(z.object({ code: z.string(), name: z.string(), focus: z.string() })),
  outcomes: z.array(z.object({ code: z.string(), name: z.string(), group: z.string() })),
  fiveOnes: z.array(coded),
  deputyLevels: z.array(coded),
  issueStatuses: z.array(coded),
  activityStatuses: z.array(coded),
  activityTags: z.array(coded),
})
