// Screens as separately loaded chunks: the sign-in screen ships without the code of the others.
// The route's :params (routes.ts) reach the screen as props.
import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Alert } from './components/alert'
import { Button } from './components/button'
import { Loading } from './components/loading'

type Params = Record<string, string>
// Screens that take no params are loaders too: a component without props accepts any.
type Loader = () => Promise<{ default: ComponentType<Params> }>

export function lazyPage(load: Loader): ComponentType<Params> {
  let loaded: ComponentType<Params> | null = null
  let pending: Promise<void> | null = null

  return function LazyPage(params: Params) {
    const [, setVersion] = useState(0)
    const [failed, setFailed] = useState(false)

    useEffect(() => {
      if (loaded) return
      pending ??= load().then((m) => {
        loaded = m.default
      })
      let live = true
      pending.then(
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
}
