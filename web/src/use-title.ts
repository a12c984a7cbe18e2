// Names the browser tab after the screen, so a tab or a history entry says where it leads.
import { useEffect } from 'preact/hooks'

/** The system's name, as the tab, the sign-in page and the start-up error name it. */
export const SYSTEM = '承德市人大履职监督台账'

export function useTitle(screen: string): void {
  useEffect(() => {
    document.title = screen ? `${screen} - ${SYSTEM}` : SYSTEM
  }, [screen])
}
