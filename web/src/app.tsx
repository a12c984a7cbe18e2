// The app: finds out who is signed in (GET /me), keeps the session, and picks the screen for the
// path from the routes table (routes.ts). The route guard lives here so no screen has to repeat it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { api, ApiError, keepReadCopies, NETWORK_ERROR, onSessionProblem, type Reference, type User } from './api'
import { Alert } from './components/alert'
import { Button } from './components/button'
import { Loading } from './components/loading'
import { UpdateBanner } from './components/update-banner'
import { lastReference, loadReference } from './reference'
import { afterSignIn, loginReturningTo } from './return-path'
import { navigate, usePath, useSearch } from './router'
import { isGuestPath, screenFor } from './routes'
import { SessionContext, type Notice, type Session } from './session'
import { SYSTEM } from './use-title'

/**
 * Where someone on `path` (with its `search`, '?…' or '') has to go instead, or null when they
 * may stay. Sent to 登录, they come back to this address once signed in (return-path.ts).
 */
export function redirectFor(path: string, user: User | null, search = ''): string | null {
  if (!user) return isGuestPath(path) ? null : loginReturningTo(path + search)
  // A first-time password is known to whoever handed it out: nothing else until it is changed.
  if (user.mustChangePassword) return path === '/password' ? null : '/password'
  if (isGuestPath(path)) return afterSignIn(search)
  return null
}

/**
 * Who last signed in on this phone, so that the app opens with no signal. Removed on sign-out
 * and when the server says the session ended.
 */
const lastUser = {
  load(): User | null {
    try {
      return JSON.parse(localStorage.getItem('signed-in-user') ?? 'null') as User | null
    } catch {
      return null
    }
  },
  save(user: User | null): void {
    try {
      if (user) localStorage.setItem('signed-in-user', JSON.stringify(user))
      else localStorage.removeItem('signed-in-user')
    } catch {
      // A full store: the next offline start shows 登录 instead.
    }
  },
}

/** The outbox stops sending when no one is signed in (it is loaded with the signed-in screens). */
function stopOutbox(): void {
  void import('./outbox/outbox').then((m) => m.stop())
}

/** What is read in the field keeps a copy for no signal: a deputy's own lists, a unit's to-do. */
const READ_COPIES: Partial<Record<User['role'], RegExp>> = {
  deputy: /^\/(issues\?|activities\?|deputies\/[^/?]+\/record\?|groups\?)/,
  unit: /^\/issues\?/,
}

/**
 * Signing out (or a session that ended) takes the account's read copies off the phone. Sign-out
 * waits for it, so a page closed or reloaded right after cannot leave a copy behind.
 */
async function dropReadCopies(userId: string | undefined): Promise<void> {
  keepReadCopies(null)
  if (userId) await import('./outbox/reads').then((m) => m.clear(userId)).catch(() => undefined)
}

/**
 * The account and catalogue last seen on this phone, or null on a first visit. Either way the
 * opening screen's chunk starts downloading now, alongside /me, not after the first render.
 */
function lastSeen(path: string): { user: User; reference: Reference } | null {
  const user = lastUser.load()
  const reference = lastReference()
  const seen = user && reference ? { user, reference } : null
  const opening = redirectFor(path, seen?.user ?? null, window.location.search) ?? path
  screenFor(opening.split('?')[0]!, seen?.user.role ?? null).page.preload()
  return seen
}

type Boot = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready' }

export function App() {
  const rawPath = usePath()
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath
  const search = useSearch()
  // Opened again on this phone: the first render already shows the screen, from the last copies,
  // and /me confirms behind it (a session that ended answers 401, which signs out as usual).
  const [seen] = useState(() => lastSeen(path))
  const [boot, setBoot] = useState<Boot>({ state: seen ? 'ready' : 'loading' })
  const [user, setUser] = useState<User | null>(seen?.user ?? null)
  const [reference, setReference] = useState<Reference | null>(seen?.reference ?? null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const signedInRef = useRef(false)
  signedInRef.current = user !== null

  const start = useCallback(async () => {
    setBoot({ state: 'loading' })
    // Both at once: on a slow phone network a second round trip is what people feel.
    const ref = loadReference()
    let me: User | null = null
    try {
      me = await api.me()
      lastUser.save(me)
    } catch (e) {
      // No signal: the account last signed in here opens its screens (the outbox sends later).
      me = e instanceof ApiError && e.code === NETWORK_ERROR ? lastUser.load() : null
      if (!me && !(e instanceof ApiError && e.status === 401)) {
        setBoot({ state: 'failed', message: e instanceof ApiError ? e.message : '系统暂时无法访问，请稍后再试' })
        return
      }
      if (!me) lastUser.save(null)
    }
    setUser(me)
    setReference(await ref)
    setBoot({ state: 'ready' })
  }, [])

  useEffect(() => {
    if (seen) {
      api.me().then(
        (me) => {
          lastUser.save(me)
          if (JSON.stringify(me) !== JSON.stringify(seen.user)) setUser(me)
        },
        () => undefined,
      )
      void loadReference().then((r) => r && setReference(r))
    } else void start()
    onSessionProblem((error) => {
      if (error.status === 401) {
        // Only a session that existed can have expired; a first visit just lands on 登录.
        if (signedInRef.current) setNotice({ tone: 'info', text: '登录已过期，请重新登录。未发送的内容仍保存在本机，登录后会自动报送。', path: '/login' })
        stopOutbox()
        void dropReadCopies(lastUser.load()?.id)
        lastUser.save(null)
        setUser(null)
      } else {
        setUser((u) => u && { ...u, mustChangePassword: true })
      }
    })
    return () => onSessionProblem(null)
  }, [start])

  // A notice belongs to one screen; moving on drops it.
  useEffect(() => {
    setNotice((n) => (n && n.path !== path ? null : n))
    window.scrollTo(0, 0)
  }, [path])

  // During render, not in an effect: a screen's first fetch runs in its own effect, before ours.
  const copyPaths = user && READ_COPIES[user.role]
  keepReadCopies(user && copyPaths ? { userId: user.id, paths: copyPaths } : null)

  const target = boot.state === 'ready' ? redirectFor(path, user, search ? `?${search}` : '') : null
  useEffect(() => {
    if (target) navigate(target, { replace: true })
  }, [target])

  const session = useMemo<Session>(
    () => ({
      user,
      reference,
      notice,
      setNotice,
      signedIn(next) {
        lastUser.save(next)
        setUser(next)
        if (!reference) void loadReference().then((r) => r && setReference(r))
      },
      async signOut() {
        try {
          await api.logout()
        } catch (e) {
          // Already signed out on the server (expired): that is the outcome asked for.
          if (!(e instanceof ApiError && e.status === 401)) throw e
        }
        stopOutbox()
        await dropReadCopies(user?.id)
        lastUser.save(null)
        setNotice({ tone: 'info', text: '您已退出登录。', path: '/login' })
        // Signed out on purpose: the next person to sign in here starts at home, not on this page.
        navigate('/login', { replace: true })
        setUser(null)
      },
    }),
    [user, reference, notice],
  )

  if (boot.state === 'loading') return <Loading label="正在进入系统…" />
  const banner = <UpdateBanner />
  if (boot.state === 'failed') {
    return (
      <div class="page-narrow center-block">
        {banner}
        <h1 class="page-title">{SYSTEM}</h1>
        <Alert tone="error" title="暂时无法连接系统">
          {boot.message}
        </Alert>
        <Button onClick={() => void start()}>重试</Button>
      </div>
    )
  }

  // The guard: the route's roles decide, once, whether this account sees the screen.
  const screen = target ? null : screenFor(path, user?.role ?? null)
  return (
    <SessionContext.Provider value={session}>
      {screen ? <screen.page {...screen.params} /> : <Loading />}
      {banner}
    </SessionContext.Provider>
  )
}
