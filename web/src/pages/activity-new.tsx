// 记录履职 (/activities/new): a deputy records one activity from a phone; staff record for a
// deputy they pick. A failed send keeps what was typed (also over a reload) and the retry reuses
// the same client id, so the activity is never recorded twice.
import { useEffect, useState } from 'preact/hooks'
import { todayInShanghai } from '../../../worker/core/dates'
import { isStaff } from '../../../worker/core/taxonomy'
import type { Activity } from '../activities-api'
import { check, contentOf, fieldOrder, fresh, isBlank, loadSaved, store, type Draft, type Fields } from '../activity-draft'
import { ActivityForm } from '../components/activity-form'
import { ActivitySent } from '../components/activity-sent'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { Loading } from '../components/loading'
import { OutboxQueued } from '../components/outbox-queued'
import { PageHeader } from '../components/page-header'
import { Photo } from '../photos/lazy'
import type { PickedPhoto } from '../photos/picked'
import { useSession, useUser } from '../session'
import { useRestored, useSubmit, type Restored } from '../use-submit'
import { useTitle } from '../use-title'
import { loadFormParts } from '../routes'
import '../form.css'

type FormParts = Awaited<ReturnType<typeof loadFormParts>>

export default function ActivityNewPage() {
  const user = useUser()
  const saved = useRestored(user.id, loadSaved)
  useTitle(isStaff(user.role) ? '代记履职' : '记录履职')
  // The draft comes from IndexedDB: a moment's wait, so that typing never races the restore.
  if (saved === undefined) {
    return (
      <AppShell>
        <Loading />
      </AppShell>
    )
  }
  return <ActivityNewForm key={saved?.id ?? ''} saved={saved} />
}

function ActivityNewForm({ saved }: { saved: Restored<Draft> | null }) {
  const user = useUser()
  const { reference } = useSession()
  const staff = isStaff(user.role)
  const today = todayInShanghai()
  const [draft, setDraft] = useState<Draft>(() => ({ ...fresh(today), ...saved?.draft }))
  const [restored, setRestored] = useState(!!saved && !isBlank(saved.draft))
  // Not in the draft: picked photos go into the outbox (IndexedDB) with the activity when it is sent.
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  // 集体活动 and staff's roster search ride in the activity page's chunk, loaded when chosen or for
  // staff (a chunk of their own would make the bundler split shared code out of the main chunk, one
  // more file for every page): a deputy's form downloads neither.
  const [groupMode, setGroupMode] = useState(!!draft.group)
  const [parts, setParts] = useState<FormParts | 'failed' | null>(null)
  const needParts = groupMode || staff
  useEffect(() => {
    if (needParts && !parts) loadFormParts().then(setParts, () => setParts('failed'))
  }, [needParts, parts])
  const Parts = parts === 'failed' ? null : parts
  const { fields, setFields, failure, busy, sent, queued, submit, showRefusal, submitAsNew, reset } = useSubmit<Draft, Fields, Activity>({
    userId: user.id,
    draft,
    savedId: saved?.id ?? null,
    store,
    // A group activity's participants are checked as it is chosen (GroupMode) and by the server.
    check: () => check(draft, today, staff && !draft.group),
    order: fieldOrder(draft),
    request: (id) => ({
      kind: 'activity',
      path: '/activities',
      title: draft.title.trim(),
      body: { id, ...(draft.group ? { groupId: draft.group.id, participantIds: draft.group.participants.map((p) => p.id) } : staff && draft.deputy ? { deputyId: draft.deputy.id } : {}), ...contentOf(draft) },
      photos,
    }),
    fallback: '提交失败，请稍后重试',
  })
  // Opened from the outbox as 需修改: the server's messages where they belong.
  useEffect(() => {
    if (saved?.message) showRefusal(saved.status ?? 400, saved.message, saved.fields ?? {})
  }, [])

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [key]: value }))
    // A changed field drops its own message (and, for lists, those of its rows).
    setFields((f) => {
      const name = key === 'deputy' ? 'deputyId' : key === 'group' ? 'participantIds' : key
      const stale = Object.keys(f).filter((k) => f[k] && (k === name || k.startsWith(`${name}.`)))
      if (stale.length === 0) return f
      const next = { ...f }
      for (const k of stale) next[k] = undefined
      return next
    })
  }

  function another() {
    setRestored(false)
    setDraft((d) => fresh(today, d))
    setPhotos([])
    reset()
    window.scrollTo(0, 0)
  }

  if (queued) {
    return (
      <AppShell>
        <div class="page-form">
          <OutboxQueued
            what="履职记录"
            onAnother={another}
            anotherLabel="再记一条"
            backHref={staff ? '/activities/review' : '/'}
            backLabel={staff ? '返回履职审核' : '返回首页'}
          />
        </div>
      </AppShell>
    )
  }
  if (sent) {
    return (
      <AppShell>
        <div class="page-form">
          <ActivitySent activity={sent.result} forDeputy={staff} again={sent.again} onAnother={another} />
        </div>
      </AppShell>
    )
  }

  const back = staff ? { href: '/activities/review', label: '履职审核' } : { href: '/', label: '首页' }
  return (
    <AppShell>
      <div class="page-form">
        <PageHeader title={staff ? '代记履职' : '记录履职'} back={back} note={staff ? '为本地代表登记其履职活动' : '一次走访、一项活动记一条，审核确认后计入年度履职'} />
        {restored && (
          <Alert tone="info" onClose={() => setRestored(false)}>
            已恢复您上次未提交的内容。
            <button type="button" class="link-button" onClick={another}>
              清空重填
            </button>
          </Alert>
        )}
        <ActivityForm
          draft={draft}
          set={set}
          errors={fields}
          today={today}
          top={
            parts === 'failed' ? (
              // The browser keeps a failed download's answer for the page: reload asks anew (the draft is kept).
              <Alert tone="error">
                加载失败，请检查网络连接后重试。
                <button type="button" class="link-button" onClick={() => window.location.reload()}>
                  重新加载
                </button>
              </Alert>
            ) : groupMode ? (
              Parts ? <Parts.GroupMode draft={draft} set={set} errors={fields} leave={() => setGroupMode(false)} /> : <Loading />
            ) : (
              <>
                {staff && (Parts ? <Parts.DeputyPicker value={draft.deputy} onChange={(d) => set('deputy', d)} error={fields.deputyId} reference={reference} showCounty={user.role === 'city_staff'} /> : <Loading />)}
                <button type="button" class="link-button" onClick={() => setGroupMode(true)}>
                  记录集体活动
                </button>
              </>
            )
          }
          busy={busy}
          submitLabel="提交"
          busyLabel="正在提交…"
          onSubmit={(e) => void submit(e)}
          notices={
            <>
              <Photo part="PhotoField" photos={photos} onChange={setPhotos} />
              {failure?.kind === 'error' && <Alert tone="error">{failure.message}</Alert>}
              {failure?.kind === 'conflict' && (
                <Alert tone="warning" title="这条记录可能已经提交">
                  {failure.message} 请先到“我的履职”中查看；如确需作为新记录提交，请点“作为新记录提交”。
                </Alert>
              )}
            </>
          }
          actions={
            failure?.kind === 'conflict' && (
              <>
                <Button variant="secondary" onClick={submitAsNew}>
                  作为新记录提交
                </Button>
                <ButtonLink href={staff ? '/activities' : '/activities/mine'}>查看记录</ButtonLink>
              </>
            )
          }
        />
      </div>
    </AppShell>
  )
}
