// 优秀人大代表推荐名单 (/commendation/print?year=&countyCode=): the year's nominations (not withdrawn)
// of a county, or of every county for the city, as an A4 document with each deputy's confirmed
// figures and the reason, to print for the meeting that decides.
import { useEffect, useState } from 'preact/hooks'
import { FIRST_YEAR } from '../../../worker/core/limits'
import { todayInShanghai, yearInShanghai } from '../../../worker/core/dates'
import { asApiError } from '../api'
import { levelLabel, placeName } from '../activity-format'
import { AppShell } from '../components/app-shell'
import { Button } from '../components/button'
import { Loading } from '../components/loading'
import { PageHeader } from '../components/page-header'
import { EmptyState, LoadError } from '../components/states'
import { commendationApi, type CommendationRow, type Nomination } from '../groups-api'
import { INTRO_SHORT } from '../activity-format'
import { countyName } from '../reference'
import { useSearch } from '../router'
import { useSession, useUser } from '../session'
import { useTitle } from '../use-title'
import '../groups.css'

type Entry = { nomination: Nomination; figures: CommendationRow | undefined }
type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; entries: Entry[] }

const WORDS = { nominated: '待确认', confirmed: '已确认', withdrawn: '已撤回' } as const

async function entriesOf(year: number, countyCode: string | undefined): Promise<Entry[]> {
  const noms = await commendationApi.nominations(year, countyCode)
  // One table per county that has nominations: a handful of requests, each bounded by a roster.
  const counties = [...new Set(noms.map((n) => n.countyCode))]
  const tables = await Promise.all(counties.map((c) => commendationApi.table({ year, countyCode: c })))
  const figures = new Map(tables.flatMap((t) => t.items.map((r) => [r.deputyId, r] as const)))
  return noms.map((nomination) => ({ nomination, figures: figures.get(nomination.deputyId) }))
}

export default function CommendationPrintPage() {
  const user = useUser()
  const { reference } = useSession()
  const qs = new URLSearchParams(useSearch())
  const city = user.role === 'city_staff'
  const asked = Number(qs.get('year'))
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= 2100 ? asked : yearInShanghai()
  const county = (city ? qs.get('countyCode') : user.countyCode) || undefined
  const place = county ? placeName(reference, county) : (reference?.city?.name ?? '全市')
  const title = `${place}${year}年度优秀人大代表推荐名单`
  useTitle(title)
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const fetch = () => {
    setLoad({ state: 'loading' })
    entriesOf(year, county).then(
      (entries) => setLoad({ state: 'ready', entries }),
      (e: unknown) => setLoad({ state: 'failed', message: asApiError(e, '加载失败，请稍后重试').message }),
    )
  }
  useEffect(fetch, [year, county])
  const [y, m, d] = todayInShanghai().split('-').map(Number)

  return (
    <AppShell>
      <div class="page-list cm-print-page">
        <div class="cm-no-print">
          <PageHeader title="推荐名单" back={{ href: `/commendation?year=${year}${city && county ? `&countyCode=${county}` : ''}`, label: '一年一表彰' }} note={title}>
            <Button onClick={() => window.print()} disabled={load.state !== 'ready'}>
              打印
            </Button>
          </PageHeader>
        </div>
        {load.state === 'loading' && <Loading label="正在生成名单…" />}
        {load.state === 'failed' && <LoadError message={load.message} onRetry={fetch} />}
        {load.state === 'ready' &&
          (load.entries.length === 0 ? (
            <EmptyState title="本年度还没有推荐" text="在“一年一表彰”中为代表填写推荐理由后，这里会列出推荐名单。" />
          ) : (
            <article class="cm-print">
              <h1>{title}</h1>
              <p class="cm-print-meta">
                共 {load.entries.length} 人，其中市级已确认 {load.entries.filter((e) => e.nomination.status === 'confirmed').length} 人 · 生成日期：{y}年{m}月{d}日
              </p>
              <div class="cm-print-scroll">
              <table class="cm-print-table">
                <thead>
                  <tr>
                    <th scope="col">序号</th>
                    {!county && <th scope="col">县市区</th>}
                    <th scope="col">姓名</th>
                    <th scope="col">代表层级</th>
                    <th scope="col" class="num">
                      个人活动
                    </th>
                    <th scope="col" class="num">
                      九进覆盖
                    </th>
                    <th scope="col" class="num">
                      四个一批
                    </th>
                    <th scope="col">五个引进</th>
                    <th scope="col" class="cm-print-reason">推荐理由</th>
                    <th scope="col">状态</th>
                  </tr>
                </thead>
                <tbody>
                  {load.entries.map(({ nomination: n, figures: f }, i) => (
                    <tr key={n.id}>
                      <td class="num">{i + 1}</td>
                      {!county && <td>{countyName(reference, n.countyCode)}</td>}
                      <td>{n.deputyName}</td>
                      <td>{levelLabel(n.deputyLevel)}</td>
                      <td class="num">{f?.activities ?? '—'}</td>
                      <td class="num">{f?.venuesCovered ?? '—'}</td>
                      <td class="num">{f?.fourBatches ?? '—'}</td>
                      <td>{f ? f.introductionsMet.map((k) => INTRO_SHORT[k]).join('、') || '—' : '—'}</td>
                      <td class="cm-print-reason">{n.reason}</td>
                      <td>{WORDS[n.status]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            </article>
          ))}
      </div>
    </AppShell>
  )
}
