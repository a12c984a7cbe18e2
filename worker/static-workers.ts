// Workers only: what a request for the web gets when no static asset matched it (wrangler.toml
// has no fallback of its own): a screen path gets the app's HTML, revalidated; anything else is
// 404 and not cached (worker/static-rules.ts).
import { isScreenPath, NOT_FOUND_CACHE, REVALIDATE } from './static-rules'

export async function webFallback(request: Request, assets: Fetcher): Promise<Response> {
  const url = new URL(request.url)
  if ((request.method === 'GET' || request.method === 'HEAD') && isScreenPath(url.pathname)) {
    const page = await assets.fetch(new Request(new URL('/', url), { method: request.method, headers: request.headers }))
    const res = new Response(page.body, page)
    res.headers.set('Cache-Control', REVALIDATE)
    return res
  }
  return new Response('Not Found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NOT_FOUND_CACHE, 'X-Content-Type-Options': 'nosniff' },
  })
}
