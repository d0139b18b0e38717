import { basename } from 'node:path'
import { AppError } from '../../../shared/errors'
import type { JobContext } from '../jobs/job-context'
import { detectDialect, type DumpDialect } from './dialect'
import { readDump, type DumpReaderInfo } from './dump-reader'
import { StatementSplitter, type SplitEvent } from './statement-splitter'

/** Text read before the dialect is decided: enough for any dump's header. */
const DETECT_CHARS = 64 * 1024

/**
 * Reads the dump chunk by chunk and feeds whole statements to `onEvents`;
 * the dialect is detected from the first 64 KiB unless given.
 */
export async function streamDump(
  path: string,
  dialectArg: 'auto' | DumpDialect,
  info: DumpReaderInfo,
  ctx: JobContext,
  opts: { keepExecutableComments: boolean },
  onStart: (dialect: DumpDialect, detected: boolean) => void,
  onEvents: (events: SplitEvent[], bytesRead: number) => Promise<void> | void,
): Promise<{ line: number; firstLine: string; tail: string }> {
  let firstLine: string | null = null
  let tail = ''
  let splitter: StatementSplitter | null = null
  let head = ''
  const events: SplitEvent[] = []
  const file = basename(path)
  const start = (): StatementSplitter => {
    const d = dialectArg === 'auto' ? detectDialect(head) : { dialect: dialectArg, confident: true }
    onStart(d.dialect, dialectArg === 'auto')
    return new StatementSplitter({ dialect: d.dialect, keepExecutableComments: opts.keepExecutableComments, file: path })
  }
  let lastBytes = 0
  for await (const chunk of readDump(path, info)) {
    ctx.throwIfCancelled()
    lastBytes = chunk.bytesRead
    if (firstLine === null) firstLine = chunk.text.slice(0, 200).split('\n')[0] ?? ''
    tail = (tail + chunk.text.slice(-400)).slice(-400)
    if (!splitter) {
      head += chunk.text
      if (head.length < DETECT_CHARS) continue
      splitter = start()
      splitter.push(head, events)
      head = ''
    } else splitter.push(chunk.text, events)
    if (events.length) await onEvents(events, chunk.bytesRead)
    events.length = 0
  }
  if (!splitter) {
    if (!head.trim()) throw new AppError('PARSE_ERROR', `${file} has no SQL in it (line 1)`, { file: path, line: 1 })
    splitter = start()
    splitter.push(head, events)
  }
  splitter.end(events)
  if (events.length) await onEvents(events, lastBytes)
  return { line: splitter.currentLine, firstLine: firstLine ?? '', tail }
}
