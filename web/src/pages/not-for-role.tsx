// The screen for an address the signed-in account's role may not open (the `roles` of its route in
// routes.ts): says so and leads back to the home screen, where that role's own features are.
import { AppShell } from '../components/app-shell'
import { NotForRole } from '../components/states'
import { useTitle } from '../use-title'

export default function NotForRolePage() {
  useTitle('此功能不适用')
  return (
    <AppShell>
      <NotForRole />
    </AppShell>
  )
}
