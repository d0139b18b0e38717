import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiContext } from './api/api-context'
import { createApiContext, disposeApiContext } from './api/create-context'
import { route } from './api/router'
import { handleIpcCall, senderAllowed } from './ipc-guard'

const mainFrame = { url: 'file:///app/out/renderer/index.html' }
const contents = { mainFrame }
const goodEvent = { sender: contents, senderFrame: mainFrame }

let ctx: ApiContext | undefined
afterEach(async () => {
  if (ctx) await disposeApiContext(ctx)
  ctx = undefined
})

function newContext(): ApiContext {
  ctx = createApiContext({ transport: 'ipc', dataDir: mkdtempSync(join(tmpdir(), 'sonograph-ipc-')), emit: () => undefined })
  return ctx
}

describe('IPC layer', () => {
  it('rejects a malformed argument with a clear error naming the field, and runs nothing', async () => {
    const c = newContext()
    const outcome = await handleIpcCall(goodEvent, contents, 'sources.openSqlite', { path: 42 }, (n, a) => route(n, a, c))
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error.code).toBe('BAD_ARGUMENT')
    expect(outcome.error.details?.field).toBe('path')
    expect(outcome.error.message).toMatch(/sources\.openSqlite.*path/)
    // Nothing ran: no source opened, no recent-files entry written.
    expect(c.sources.list()).toEqual([])
    expect(readdirSync(c.dataDir)).not.toContain('recent.json')
  })

  it('rejects unknown fields and unknown calls', async () => {
    const c = newContext()
    const extra = await handleIpcCall(goodEvent, contents, 'sources.list', { evil: true }, (n, a) => route(n, a, c))
    expect(extra.ok).toBe(false)
    const unknown = await handleIpcCall(goodEvent, contents, 'fs.readFile', {}, (n, a) => route(n, a, c))
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_CALL')
  })

  it('refuses calls from any frame other than the app window', async () => {
    const c = newContext()
    let ran = false
    const spy = async (n: string, a: unknown): Promise<Awaited<ReturnType<typeof route>>> => {
      ran = true
      return route(n, a, c)
    }
    const iframe = { url: 'file:///app/out/renderer/index.html' }
    const fromIframe = await handleIpcCall({ sender: contents, senderFrame: iframe }, contents, 'sources.list', {}, spy)
    const fromWeb = await handleIpcCall({ sender: contents, senderFrame: { url: 'https://evil.example/' } }, { mainFrame: { url: 'https://evil.example/' } }, 'sources.list', {}, spy)
    const otherWindow = await handleIpcCall({ sender: {}, senderFrame: mainFrame }, contents, 'sources.list', {}, spy)
    for (const o of [fromIframe, fromWeb, otherWindow]) expect(o.ok ? null : o.error.code).toBe('FORBIDDEN')
    expect(ran).toBe(false)
  })

  it('accepts the dev server only when one is configured', () => {
    const devFrame = { url: 'http://localhost:5173/' }
    const dev = { mainFrame: devFrame }
    expect(senderAllowed({ sender: dev, senderFrame: devFrame }, dev, 'http://localhost:5173')).toBe(true)
    expect(senderAllowed({ sender: dev, senderFrame: devFrame }, dev, undefined)).toBe(false)
  })

  it('runs a valid call', async () => {
    const c = newContext()
    const outcome = await handleIpcCall(goodEvent, contents, 'app.info', {}, (n, a) => route(n, a, c))
    expect(outcome.ok).toBe(true)
    if (outcome.ok) expect((outcome.result as { name: string }).name).toBe('Sonograph')
  })
})
