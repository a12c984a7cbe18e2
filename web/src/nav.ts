// What each role finds on its home screen: its menu in order, each item naming the screen it
// opens by its pattern in the routes table (routes.ts), which also decides who may open it. A
// screen the table does not open to the role is left out of that role's menu.
import type { Role } from '../../worker/core/taxonomy'
import { allows, matchRoute, type RoutePattern } from './routes'

export interface NavItem {
  key: string
  title: string
  description: string
  /** The screen it opens. */
  path: RoutePattern
}

export const MENUS: Record<Role, readonly NavItem[]> = {
  deputy: [
    { key: 'issue-report', title: '反映问题', description: '把视察调研中发现的问题和意见建议报送人大', path: '/issues/new' },
    { key: 'my-issues', title: '我反映的问题', description: '查看所反映问题的交办、整改和销号进展', path: '/issues/mine' },
    { key: 'activity-record', title: '记录履职', description: '登记“九进九关注”履职活动及成效', path: '/activities/new' },
    { key: 'my-activities', title: '我的履职', description: '查看本人履职记录和审核结果', path: '/activities/mine' },
    { key: 'yearly-progress', title: '年度进度', description: '“四个一批”“五个引进”年度完成情况', path: '/activities/progress' },
  ],
  unit: [{ key: 'rectification', title: '待办整改', description: '接收交办问题，报告整改进展和完成情况', path: '/issues/todo' }],
  county_staff: [
    { key: 'issues', title: '问题台账', description: '交办、督办问题，验收销号', path: '/issues' },
    { key: 'activity-review', title: '履职审核', description: '审核代表提交的履职活动', path: '/activities/review' },
    { key: 'deputies', title: '代表名册', description: '管理本地各级人大代表信息', path: '/deputies' },
    { key: 'units', title: '责任单位', description: '管理承担整改任务的单位', path: '/units' },
    { key: 'five-ones', title: '五个一', description: '登记综合视察、专题询问等年度工作', path: '/five-ones' },
    { key: 'stats', title: '统计台账', description: '本地问题整改和代表履职统计', path: '/dashboard' },
    { key: 'groups', title: '代表小组', description: '组建各领域代表小组，确保七个领域全覆盖', path: '/groups' },
    { key: 'commendation', title: '一年一表彰', description: '代表年度履职数据，推荐优秀人大代表', path: '/commendation' },
    { key: 'accounts', title: '账号管理', description: '为本地承担整改任务的单位开通登录账号、重置密码', path: '/accounts' },
  ],
  city_staff: [
    { key: 'overview', title: '统计总览', description: '全市各县市区监督和履职情况', path: '/dashboard' },
    { key: 'issues', title: '问题台账', description: '查看和督办全市问题整改', path: '/issues' },
    { key: 'units', title: '责任单位', description: '各县市区承担整改任务的单位', path: '/units' },
    { key: 'activity-review', title: '履职审核', description: '审核全市代表提交的履职活动', path: '/activities/review' },
    { key: 'deputies', title: '代表名册', description: '全市各级人大代表信息', path: '/deputies' },
    { key: 'five-ones', title: '五个一', description: '市和各县市区“五个一”完成情况', path: '/five-ones' },
    { key: 'groups', title: '代表小组', description: '各县市区代表小组和七个领域覆盖情况', path: '/groups' },
    { key: 'commendation', title: '一年一表彰', description: '各县市区推荐的优秀人大代表，由市级确认', path: '/commendation' },
    { key: 'accounts', title: '账号管理', description: '开通和管理市、县级人大工作人员账号', path: '/accounts' },
  ],
}

/** A role's menu as the table allows it: screens it may not open go. */
export function navFor(role: Role): NavItem[] {
  return MENUS[role].filter((item) => {
    const match = matchRoute(item.path)
    return match !== null && allows(match.route, role)
  })
}

export const NAV: Record<Role, readonly NavItem[]> = {
  deputy: navFor('deputy'),
  unit: navFor('unit'),
  county_staff: navFor('county_staff'),
  city_staff: navFor('city_staff'),
}
