// 反映问题 / 登记问题: the report form, built to be done on a phone in half a minute. A failed send
// keeps what was typed; a retry reuses the same client id, so it can never file the issue twice.
import { useEffect, useMemo, useState } from 'preact/hooks'
import { todayInShanghai, yearOf } from '../../../worker/core/dates'
import { ISSUE_KINDS, ISSUE_SOURCES, type IssueKind, type IssueSource } from '../../../worker/core/taxonomy'
import { FIRST_DATE, MAX_CHARS } from '../../../worker/core/limits'
import { Alert } from '../components/alert'
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { ChoiceChips, SelectField, TextArea } from '../components/form-fields'
import { IssueGroupChoice } from '../components/issue-group-choice'
import { IssueSent } from '../components/issue-sent'
import { Loading } from '../components/loading'
import { OutboxQueued } from '../components/outbox-queued'
import { PageHeader } from '../components/page-header'
import { TextField } from '../components/text-field'
import { Photo } from '../photos/lazy'
import type { PickedPhoto } from '../photos/picked'
import { fieldsOfYear, homeListOf } from '../issue-format'
import { check, fresh, loadSaved, ORDER, store, type Draft, type Fields } from '../issue-draft'
import type { Issue, NewIssue } from '../issues-api'
import { useSession, useUser } from '../session'
import { useRestored, useSubmit, type Restored } from '../use-submit'
import { useTitle } from '../use-title'
import '../issues.css'

export default function IssueNewPage() {
  const user = useUser()
  const saved = useRestored(user.id, loadSaved)
  useTitle(user.role !== 'deputy' ? '登记问题' : '反映问题')
  // The draft comes from IndexedDB: a moment's wait, so that typing never races the restore.
  if (saved === undefined) {
    return (
      <AppShell>
        <Loading />
      </AppShell>
    )
  }
  return <IssueForm key={saved?.id ?? ''} saved={saved} />
}

function IssueForm({ saved }: { saved: Restored<Draft> | null }) {
  const user = useUser()
  const { reference } = useSession()
  const staff = user.role !== 'deputy'
  const today = todayInShanghai()
  const [draft, setDraft] = useState<Draft>(() => ({ ...fresh(today), ...saved?.draft }))
  const [restored, setRestored] = useState(!!saved && !!(saved.draft.title || saved.draft.description))
  // Not in the draft: picked photos go into the outbox (IndexedDB) with the report when it is sent.
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const needCounty = user.role === 'city_staff'
  const back = staff ? homeListOf(user.role) : { href: '/', label: '首页' }

  const year = /^\d{4}-/.test(draft.foundOn) ? yearOf(draft.foundOn) : yearOf(today)
  const fieldOptions = useMemo(() => fieldsOfYear(reference, year).map((f) => ({ value: f.code, label: f.name })), [reference, year])
  const { fields, setFields, failure, busy, sent, queued, submit, showRefusal, submitAsNew, reset } = useSubmit<Draft, Fields, Issue>({
    userId: user.id,
    draft,
    savedId: saved?.id ?? null,
    store,
    check: () => check(draft, today, needCounty),
    order: ORDER,
    request: (id) => ({
      kind: 'issue',
      path: '/issues',
      title: draft.title.trim(),
      body: {
        id,
        kind: draft.kind,
        fieldCode: draft.fieldCode,
        ...(needCounty ? { countyCode: draft.countyCode } : {}),
        township: draft.township.trim(),
        location: draft.location.trim(),
        title: draft.title.trim(),
        description: draft.description.trim(),
        source: draft.source,
        foundOn: draft.foundOn,
        ...(draft.groupId ? { groupId: draft.groupId } : {}),
      } satisfies NewIssue,
      photos,
    }),
    fallback: '报送失败，请稍后重试',
    serverFields: (f): Fields => ({ ...f, foundOn: f.foundOn ?? f.year }),
  })
  // Opened from the outbox as 需修改: the server's messages where they belong.
  useEffect(() => {
    if (saved?.message) showRefusal(saved.status ?? 400, saved.message, saved.fields ?? {})
  }, [])

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((d) => {
      const next = { ...d, [key]: value }
      // A field belongs to a year: a date in another year may take the chosen field away.
      if (key === 'foundOn' && /^\d{4}-/.test(String(value))) {
        const codes = fieldsOfYear(reference, yearOf(String(value))).map((f) => f.code)
        if (!codes.includes(next.fieldCode)) next.fieldCode = ''
      }
      return next
    })
    if (fields[key]) setFields((f) => ({ ...f, [key]: undefined }))
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
          <OutboxQueued what="问题" onAnother={another} anotherLabel="再反映一个" backHref={back.href} backLabel={`返回${back.label}`} />
        </div>
      </AppShell>
    )
  }
  if (sent) {
    return (
      <AppShell>
        <div class="page-form">
          <IssueSent issue={sent.result} again={sent.again} onAnother={another} backHref={back.href} backLabel={`返回${back.label}`} />
          {photos.length > 0 && <Photo part="PhotoUploads" userId={user.id} itemId={sent.result.id} />}
        </div>
      </AppShell>
    )
  }

  return (
    <AppShell>
      <div class="page-form">
        <PageHeader title={staff ? '登记问题' : '反映问题'} back={back} />
        {restored && (
          <Alert tone="info" onClose={() => setRestored(false)}>
            已恢复您上次未报送的内容。
            <button type="button" class="link-button" onClick={another}>
              清空重填
            </button>
          </Alert>
        )}
        <form class="card issue-form" onSubmit={submit} noValidate>
          {needCounty && (
            <SelectField
              id="countyCode"
              label="县市区"
              value={draft.countyCode}
              onChange={(v) => set('countyCode', v)}
              placeholder="请选择县市区"
              options={(reference?.counties ?? []).map((c) => ({ value: c.code, label: c.name }))}
              error={fields.countyCode}
            />
          )}
          {!reference ? (
            <Alert tone="error" title="监督领域加载失败">
              请检查网络后
              <button type="button" class="link-button" onClick={() => window.location.reload()}>
                刷新页面
              </button>
              ，已填写的内容需重新填写。
            </Alert>
          ) : fieldOptions.length > 0 ? (
            <ChoiceChips name="fieldCode" legend="监督领域" size="large" value={draft.fieldCode} onChange={(v) => set('fieldCode', v)} options={fieldOptions} error={fields.fieldCode} />
          ) : (
            <Alert tone="warning" title={`${year} 年没有设置监督领域`}>
              请把发现日期改到已设置监督领域的年度，或联系人大机关。
            </Alert>
          )}
          <ChoiceChips
            name="kind"
            legend="类型"
            value={draft.kind}
            onChange={(v) => set('kind', v as IssueKind)}
            options={ISSUE_KINDS.map((k) => ({ value: k.code, label: k.name }))}
          />
          <TextField id="title" label="标题" value={draft.title} onInput={(v) => set('title', v)} error={fields.title} maxLength={MAX_CHARS.title} counter placeholder="一句话说明问题，如：村内垃圾未及时清运" />
          <TextArea
            id="description"
            label="具体情况"
            value={draft.description}
            onInput={(v) => set('description', v)}
            error={fields.description}
            maxLength={MAX_CHARS.text}
            rows={5}
            placeholder="发现了什么、影响多大、群众有什么反映"
          />
          <div class="form-pair">
            <TextField id="township" label="乡镇（街道）" value={draft.township} onInput={(v) => set('township', v)} error={fields.township} maxLength={MAX_CHARS.township} optional placeholder="如：平泉镇" />
            <TextField id="location" label="具体位置" value={draft.location} onInput={(v) => set('location', v)} error={fields.location} maxLength={MAX_CHARS.location} optional placeholder="如：河东村村委会西侧" />
          </div>
          <ChoiceChips
            name="source"
            legend="发现方式"
            value={draft.source}
            onChange={(v) => set('source', v as IssueSource)}
            options={ISSUE_SOURCES.map((s) => ({ value: s.code, label: s.name }))}
            error={fields.source}
          />
          <TextField id="foundOn" label="发现日期" type="date" value={draft.foundOn} min={FIRST_DATE} max={today} onInput={(v) => set('foundOn', v)} error={fields.foundOn} />
          <IssueGroupChoice
            year={year}
            countyCode={needCounty ? draft.countyCode : undefined}
            groupId={draft.groupId}
            groupName={draft.groupName}
            onChange={(g) => {
              setDraft((d) => (d.groupId === g.id && d.groupName === g.name ? d : { ...d, groupId: g.id, groupName: g.name }))
              if (fields.groupId) setFields((f) => ({ ...f, groupId: undefined }))
            }}
            error={fields.groupId}
          />
          <Photo part="PhotoField" photos={photos} onChange={setPhotos} disabled={busy} />
          {failure?.kind === 'error' && <Alert tone="error">{failure.message}</Alert>}
          {failure?.kind === 'conflict' && (
            <Alert tone="warning" title="这条问题可能已经报送">
              {failure.message} 请先到列表中查看；如确需作为新问题报送，请点“作为新问题报送”。
            </Alert>
          )}
          <div class="form-actions">
            <Button type="submit" busy={busy} busyLabel="正在报送…">
              报送
            </Button>
            {failure?.kind === 'conflict' && (
              <Button variant="secondary" onClick={submitAsNew}>
                作为新问题报送
              </Button>
            )}
            {failure?.kind === 'conflict' && <ButtonLink href={homeListOf(user.role).href}>查看列表</ButtonLink>}
          </div>
        </form>
      </div>
    </AppShell>
  )
}
