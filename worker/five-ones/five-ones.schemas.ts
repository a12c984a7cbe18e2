// The shapes of the 五个一 routes (api.md "五个一"): what staff send and what the server answers.
import * as z from 'zod'
import { countyCode, date, freeText, recordId, text } from '../core/schemas'
import { FIVE_ONES, codesOf } from '../core/taxonomy'
import { MAX_CHARS } from '../core/limits'
import { dateTime, day, uuid } from '../openapi/describe'

export const createFiveOneBody = z.object({
  /** The client's id for this record: sending it again (a retry) files it once. */
  id: recordId().optional(),
  countyCode,
  year: z.number({ error: '请填写年度' }).int({ error: '年度应为整数' }),
  type: z.enum(codesOf(FIVE_ONES), { error: '请选择“五个一”类别' }),
  date: date('日期'),
  title: text('标题', MAX_CHARS.title),
  summary: freeText('概述', MAX_CHARS.text, { multiline: true }).default(''),
})
export type CreateFiveOneBody = z.infer<typeof createFiveOneBody>

export const fiveOnesQuery = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int().min(2000).max(2100).optional(),
  countyCode: countyCode.optional(),
})

export const fiveOneRecord = z
  .object({
    id: uuid(),
    countyCode: z.string().meta({ description: '哪一级人大：县市区代码，或市本级代码（130800）' }),
    year: z.int(),
    type: z.enum(codesOf(FIVE_ONES)).meta({ description: '类别：inspection 综合视察、inquiry 专题询问、resolution 决议、evaluation 履职评议、exchange 经验交流会' }),
    date: day(),
    title: z.string(),
    summary: z.string().meta({ description: '概述，未填为空字符串' }),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    version: z.int(),
  })
  .meta({ id: 'FiveOne', description: '一级人大的一项“五个一”' })
export type FiveOneRecord = z.infer<typeof fiveOneRecord>

export const fiveOneList = z
  .object({ items: z.array(fiveOneRecord).meta({ description: '按年度、人大、日期排序；不分页（每级人大每年只有几条）' }) })
  .meta({ description: '“五个一”列表' })
