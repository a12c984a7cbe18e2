// Names the browser tab after the screen, so a tab or a history entry says where it leads.
import { useEffect } from 'preact/hooks'

const SYSTEM = '承德市人大履职监督台账'

export function useTitle(screen: string): void {
  useEffect(() => {
    document.title = screen ? `${screen} - ${SYSTEM}` : SYSTEM
  }, [screen])
}
