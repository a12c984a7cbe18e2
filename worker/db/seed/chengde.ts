// Chengde's reference data: the city, its 12 county-level units (GB/T 2260) and the seven "5+2"
// supervision fields. Another city replaces this file with its own.
import type { FieldOrigin } from '../../core/taxonomy'

export interface PlaceSeed {
  code: string
  name: string
}

export const CITY: PlaceSeed = { code: '130800', name: '承德市' }

export const COUNTIES: PlaceSeed[] = [
  { code: '130802', name: '双桥区' },
  { code: '130803', name: '双滦区' },
  { code: '130804', name: '鹰手营子矿区' },
  { code: '130821', name: '承德县' },
  { code: '130822', name: '兴隆县' },
  { code: '130824', name: '滦平县' },
  { code: '130825', name: '隆化县' },
  { code: '130826', name: '丰宁满族自治县' },
  { code: '130827', name: '宽城满族自治县' },
  { code: '130828', name: '围场满族蒙古族自治县' },
  { code: '130881', name: '平泉市' },
  { code: '130871', name: '承德高新技术产业开发区' },
]

/** The campaign's first year (a rule the web checks too, so it lives in the core); the same fields are configured for every year since. */
export { FIRST_YEAR } from '../../core/limits'

export const FIELDS: { code: string; name: string; origin: FieldOrigin }[] = [
  { code: 'key_projects', name: '重点项目建设', origin: 'province' },
  { code: 'business_env', name: '优化营商环境', origin: 'province' },
  { code: 'groundwater', name: '地下水超采综合治理', origin: 'province' },
  { code: 'rural_living', name: '农村人居环境整治提升', origin: 'province' },
  { code: 'waste_sorting', name: '城市生活垃圾分类管理', origin: 'province' },
  { code: 'rural_industry', name: '乡村产业发展', origin: 'city' },
  { code: 'dev_zones', name: '开发区（高新区）提升', origin: 'city' },
]
