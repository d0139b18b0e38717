/// <reference lib="webworker" />
import { fcosePositions, type LayoutInput } from './fcose-core'

// Large graphs take seconds to lay out; here that time never blocks the window.
self.onmessage = (e: MessageEvent<LayoutInput>) => {
  const t0 = performance.now()
  try {
    const positions = fcosePositions(e.data)
    self.postMessage({ positions, ms: performance.now() - t0 })
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) })
  }
}
