// Development only (running from the TypeScript sources, as tests and the dev CLI do):
// a worker thread does not inherit tsx's loader, so this registers it and then
// runs the job worker entry. The built app uses out/main/worker.js instead.
import { register } from 'tsx/esm/api'

register()
await import('../jobs/worker-entry.ts')
