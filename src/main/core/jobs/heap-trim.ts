import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

let gc: (() => void) | null | undefined

function collector(): (() => void) | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      gc = runInNewContext('gc') as () => void
    } catch {
      gc = null
    }
  }
  return gc
}

/** How often an import's threads collect: every 16 MiB of the dump by default. */
const trimMb = Number(process.env.SONOGRAPH_HEAP_TRIM_MB ?? 16)
export const HEAP_TRIM_BYTES = (Number.isFinite(trimMb) && trimMb >= 0 ? trimMb : 16) * 1048576

/**
 * A full garbage collection each time `everyBytes` more bytes went through,
 * for streaming work that makes large strings: each one goes straight to V8's
 * old space, which left alone grows to several times what is alive before it
 * collects: an import of a 248 MB dump peaked at 260 MB on one thread, and
 * about 200 MB with a collection every 16 MiB of text (about 16 collections of
 * 15-20 ms each). SONOGRAPH_HEAP_TRIM_MB changes the step (0 turns it off).
 */
export function heapTrimmer(everyBytes: number): (bytesSoFar: number) => void {
  let next = everyBytes
  return (bytes) => {
    if (bytes < next || everyBytes <= 0) return
    next = bytes + everyBytes
    collector()?.()
  }
}
