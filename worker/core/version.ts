// The app's version, from package.json: read at build time (wrangler bundles the one field), so
// a deployment can say which release it runs (GET /health).
import { version } from '../../package.json'

export const APP_VERSION: string = version
