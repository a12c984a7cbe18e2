// Screens as separately loaded chunks: the sign-in screen ships without the code of the others.
// The route's :params (routes.ts) reach the screen as props. `preload` starts a screen's download
// before it renders: app.tsx asks for the opening screen's chunk while the app is still starting.
import type { ComponentType } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { Alert } from './components/alert'
import { Button } from './components/button'
import { Loading } from './components/loading'

type Params = Record<string, string>
// Screens that take no params are loaders too: a component without props accepts any.
type Loader = () => Promise<{ default: ComponentType<Params> }>

/** A screen that can be asked for before it renders. */
export type LazyScreen = ComponentType<Params> & { preload(): void }

export function lazyPage(load: Loader): LazyScreen {
  let loaded: ComponentType<Params> | null = null
  let pending: Promise<void> | null = null
  const fetchChunk = () =>
    (pending ??= load().then((m) => {
      loaded = m.default
    }))

  function LazyPage(params: Params) {
    const [, setVersion] = useState(0)
    const [failed, setFailed] = useState(false)
    // What this render showed: the chunk may arrive (preloaded) between the render and the effect,
    // and a screen that showed 加载中 must then render again.
    const shown = useRef(false)
    shown.current = loaded !== null

    useEffect(() => {
      if (shown.current) return
      let live = true
      fetchChunk().then(
        () => live && setVersion((v) => v + 1),
        () => {
          pending = null
          if (live) setFailed(true)
        },
      )
      return () => {
        live = false
      }
    }, [])

    if (loaded) {
      const Page = loaded
      return <Page {...params} />
    }
    if (failed) {
      // Usually a dropped connection, or a new release replaced the old files: reload fetches anew.
      return (
        <div class="page-narrow center-block">
          <Alert tone="error" title="页面加载失败">
            请检查网络连接后重试。
          </Alert>
          <Button onClick={() => window.location.reload()}>重新加载</Button>
        </div>
      )
    }
    return <Loading />
  }
  // A failed early download is forgotten: the screen, when it renders, tries again and says so.
  LazyPage.preload = () => {
    const attempt = fetchChunk()
    attempt.catch(() => {
      if (pending === attempt) pending = null
    })
  }
  return LazyPage
}
