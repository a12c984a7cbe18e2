// The shapes of the units API (api.md "Units"): what staff send, and what the server answers.
import * as z from 'zod'
import { countyCode, text } from '../core/schemas'
import { MAX_CHARS } from '../core/limits'
import { uuid } from '../openapi/describe'

export const createUnitBody = z.object({ name: text('单位名称', MAX_CHARS.unitName), countyCode: countyCode.optional() })

export const changeUnitBody = z.object({ name: text('单位名称', MAX_CHARS.unitName), version: z.number({ error: '缺少版本号 version' }).int() })

export const unitsQuery = z.object({ countyCode: countyCode.optional() })

export const unitResponse = z
  .object({ id: uuid(), name: z.string(), countyCode: z.string(), version: z.int() })
  .meta({ id: 'Unit', description: '责任单位' })

export const unitList = z.object({ items: z.array(unitResponse) })
