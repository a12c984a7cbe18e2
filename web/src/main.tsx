// Entry point: mounts the app and registers the service worker that lets it open offline.
import { render } from 'preact'
import { App } from './app'
import { registerServiceWorker } from './sw-update'
import './styles.css'

const root = document.getElementById('app')
if (root) render(<App />, root)
registerServiceWorker()
