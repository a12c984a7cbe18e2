// The shapes of the settings routes (api.md "Settings"): a year's N for the deadline lights.
import * as z from 'zod'
import { DEFAULT_DUE_SOON_DAYS, MAX_DUE_SOON_DAYS } from '../core/lights'

const year = z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在 2000 到 2100 之间' }).max(2100, { error: '年度应在 2000 到 2100 之间' })

export const yearSettingsQuery = z.object({ year: year.meta({ description: '年度' }) })

export const putYearSettingsBody = z.object({
  year: z.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在 2000 到 2100 之间' }).max(2100, { error: '年度应在 2000 到 2100 之间' }),
  dueSoonDays: z
    .number({ error: '黄灯天数应为数字' })
    .int({ error: '黄灯天数应为整数' })
    .min(0, { error: `黄灯天数应在 0 到 ${MAX_DUE_SOON_DAYS} 之间` })
    .max(MAX_DUE_SOON_DAYS, { error: `黄灯天数应在 0 到 ${MAX_DUE_SOON_DAYS} 之间` }),
  version: z.number({ error: '缺少版本号 version' }).int({ error: '版本号应为整数' }).min(0, { error: '版本号应为整数' }),
})
export type PutYearSettingsBody = z.infer<typeof putYearSettingsBody>

export const yearSettingsAnswer = z
  .object({
    year: z.int(),
    dueSoonDays: z.int().min(0).max(MAX_DUE_SOON_DAYS).meta({ description: `整改时限前多少天亮黄灯（含时限当天），未设置为 ${DEFAULT_DUE_SOON_DAYS}` }),
    updatedAt: z.string().nullable().meta({ description: '最后设置时间；从未设置为 null' }),
    version: z.int().min(0).meta({ description: '版本号：从未设置为 0；修改时带上看到的版本' }),
  })
  .meta({ id: 'YearSettings', description: '一个年度的亮灯设置' })
export type YearSettings = z.infer<typeof yearSettingsAnswer>
