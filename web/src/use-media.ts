// Whether a media query matches now, kept current: the ledger draws a table on a desk screen and
// cards on a phone, and only one of them should be in the page.
import { useEffect, useState } from 'preact/hooks'

export const WIDE = '(min-width: 900px)'

export function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const list = window.matchMedia(query)
    const update = () => setMatches(list.matches)
    update()
    list.addEventListener('change', update)
    return () => list.removeEventListener('change', update)
  }, [query])
  return matches
}
