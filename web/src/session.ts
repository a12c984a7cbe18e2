// The signed-in session as the pages see it: who is signed in, the reference catalogue, a one-shot
// notice for the next screen, and signing in and out. Provided by app.tsx.
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Reference, User } from './api'

export interface Notice {
  tone: 'success' | 'info'
  text: string
  /** The screen that shows it; leaving that screen drops the notice. */
  path: string
}

export interface Session {
  user: User | null
  reference: Reference | null
  notice: Notice | null
  setNotice(notice: Notice | null): void
  signedIn(user: User): void
  signOut(): Promise<void>
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionContext')
  return session
}

/** For screens behind the route guard, where a user is always present. */
export function useUser(): User {
  const { user } = useSession()
  if (!user) throw new Error('useUser on a screen that is not behind the sign-in guard')
  return user
}
