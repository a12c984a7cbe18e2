// 待发送 (/outbox): what this phone holds for the signed-in account and its state — 待发送, 发送中,
// 需修改 (with the server's message, to edit and send again) and 已报送 while the page is open.
import { AppShell } from '../components/app-shell'
import { Button, ButtonLink } from '../components/button'
import { PageHeader } from '../components/page-header'
import { PhotoProgress } from '../photos/parts'
import { EmptyState } from '../components/states'
import type { OutboxItem } from '../outbox/db'
import { flush, remove } from '../outbox/outbox'
import { useOutbox } from '../outbox/use-outbox'
import { useUser } from '../session'
import { useTitle } from '../use-title'

// The photo styles (upload bars) come with the photo code, not in this screen's first download:
// a stylesheet of its own here would be named in the app's main chunk (photos/lazy.tsx).
void import('../photos/photos.css')

const KIND = { issue: '反映问题', activity: '履职记录', photos: '照片' } as const
const STATE = { pending: '待发送', sending: '发送中', rejected: '需修改' } as const

const when = (iso: string) => {
  const d = new Date(iso)
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

function editHref(item: OutboxItem): string {
  return `${item.kind === 'issue' ? '/issues/new' : '/activities/new'}?outbox=${encodeURIComponent(item.id)}`
}

/** The server's words: its field messages when it named fields, else its message. */
function refusal(item: OutboxItem): string {
  const fields = Object.values(item.fields ?? {})
  return fields.length > 0 ? fields.join('；') : (item.message ?? '')
}

export default function OutboxPage() {
  useTitle('待发送')
  const user = useUser()
  const outbox = useOutbox(user.id)

  function discard(item: OutboxItem) {
    const sure = item.recorded ? `确定不再上传“${item.title}”未能上传的照片？已上传的不受影响。` : `确定删除“${item.title}”？删除后不会报送。`
    if (window.confirm(sure)) void remove(user.id, item.id)
  }

  return (
    <AppShell>
      <PageHeader title="待发送" back={{ href: '/', label: '首页' }} note="保存在本机、尚未确认报送的内容。有网络时会自动发送，无需操作。">
        {outbox.waiting > 0 && (
          <Button variant="secondary" onClick={() => void flush()}>
            立即发送
          </Button>
        )}
      </PageHeader>
      {outbox.held && outbox.waiting > 0 && <p class="section-note">{outbox.held}</p>}
      {outbox.items.length === 0 && outbox.sent.length === 0 ? (
        <EmptyState title="没有待发送的内容" text="反映的问题和记录的履职都已报送。" />
      ) : (
        <ul class="outbox-list">
          {outbox.items.map((item) => (
            <li key={item.id} class="card outbox-item">
              <div class="outbox-item-head">
                <p class="outbox-item-title">{item.title || '（无标题）'}</p>
                <span class={`outbox-state outbox-state-${item.state}`}>{item.recorded ? (item.state === 'rejected' ? '照片未能上传' : '照片上传中') : STATE[item.state]}</span>
              </div>
              <p class="outbox-item-meta">
                {KIND[item.kind]} · 填写于 {when(item.createdAt)}
                {item.recorded && item.kind !== 'photos' ? ' · 已报送' : ''}
              </p>
              <PhotoProgress item={item} snap={outbox} />
              {item.state === 'rejected' && item.recorded && (
                <div class="outbox-actions">
                  <Button variant="danger" onClick={() => discard(item)}>
                    不再上传这些照片
                  </Button>
                </div>
              )}
              {item.state === 'rejected' && !item.recorded && (
                <>
                  <p class="outbox-item-message">{refusal(item)}</p>
                  <div class="outbox-actions">
                    <ButtonLink href={editHref(item)} variant="primary">
                      修改后重新报送
                    </ButtonLink>
                    <Button variant="danger" onClick={() => discard(item)}>
                      删除
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
          {outbox.sent.map((s) => (
            <li key={s.id} class="card outbox-item">
              <div class="outbox-item-head">
                <p class="outbox-item-title">{s.title || '（无标题）'}</p>
                <span class="outbox-state outbox-state-sent">已报送</span>
              </div>
              <p class="outbox-item-meta">{KIND[s.kind]}</p>
            </li>
          ))}
        </ul>
      )}
    </AppShell>
  )
}

// The other screens load their photo components from this screen's chunk (photos/lazy.tsx).
export * from '../photos/parts'
