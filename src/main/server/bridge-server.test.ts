import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBridge, type Bridge } from './bridge-server'

let bridge: Bridge
let dataDir: string

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'sonograph-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sonograph</title>')
  dataDir = mkdtempSync(join(tmpdir(), 'sonograph-bridge-'))
  bridge = await startBridge({ port: 0, rendererDir, dataDir })
})
afterAll(async () => {
  await bridge.close()
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, method, headers: { host: `127.0.0.1:${bridge.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

function wsOutcome(url: string, origin: string | undefined): Promise<{ opened: boolean; reply?: unknown }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {})
    ws.on('open', () => {
      ws.send(JSON.stringify({ id: 1, call: 'app.info', args: {} }))
    })
    ws.on('message', (m) => {
      resolve({ opened: true, reply: JSON.parse(String(m)) })
      ws.close()
    })
    ws.on('error', () => resolve({ opened: false }))
    ws.on('unexpected-response', () => resolve({ opened: false }))
  })
}

describe('browser bridge', () => {
  it('listens on loopback only and prints a URL with a token', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=[0-9a-f]{48}$`))
  })

  it('refuses a request without the token', async () => {
    const r = await get('/')
    expect(r.status).toBe(403)
    expect(r.body).toMatch(/token/)
  })

  it('refuses a wrong token', async () => {
    const r = await get(`/?token=${'0'.repeat(48)}`)
    expect(r.status).toBe(403)
  })

  it('serves the app with the token, sets an HttpOnly cookie and a CSP', async () => {
    const r = await get(`/?token=${bridge.token}`)
    expect(r.status).toBe(200)
    expect(r.body).toContain('<title>Sonograph</title>')
    expect(String(r.headers['set-cookie'])).toMatch(/HttpOnly/)
    expect(String(r.headers['content-security-policy'])).toMatch(/default-src 'self'/)
    const withCookie = await get('/index.html', { cookie: `sonograph_token=${bridge.token}` })
    expect(withCookie.status).toBe(200)
  })

  it('refuses a request from another Origin even with the token', async () => {
    const r = await get(`/?token=${bridge.token}`, { origin: 'http://evil.example' })
    expect(r.status).toBe(403)
    expect(r.body).toMatch(/origin/i)
  })

  it('refuses another Host header (DNS rebinding)', async () => {
    const r = await get(`/?token=${bridge.token}`, { host: `evil.example:${bridge.port}` })
    expect(r.status).toBe(403)
  })

  it('does not serve files outside the renderer', async () => {
    const r = await get(`/..%2f..%2f..%2fetc%2fpasswd?token=${bridge.token}`)
    expect([403, 404]).toContain(r.status)
    expect(r.body).not.toMatch(/root:/)
  })

  it('answers calls over the WebSocket only with the token and its own Origin', async () => {
    const base = `ws://127.0.0.1:${bridge.port}/ws`
    const origin = `http://127.0.0.1:${bridge.port}`
    expect((await wsOutcome(base, origin)).opened).toBe(false)
    expect((await wsOutcome(`${base}?token=${bridge.token}`, 'http://evil.example')).opened).toBe(false)
    expect((await wsOutcome(`${base}?token=${bridge.token}`, undefined)).opened).toBe(false)
    const ok = await wsOutcome(`${base}?token=${bridge.token}`, origin)
    expect(ok.opened).toBe(true)
    expect(ok.reply).toMatchObject({ id: 1, ok: true, result: { name: 'Sonograph', transport: 'bridge' } })
  })

  it('streams an upload to disk and hands back its path', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 7)
    const refused = await get('/upload?name=x.sqlite', {}, 'POST', body)
    expect(refused.status).toBe(403)
    const r = await get(`/upload?name=${encodeURIComponent('../../evil name.sqlite')}`, { cookie: `sonograph_token=${bridge.token}`, origin: `http://127.0.0.1:${bridge.port}` }, 'POST', body)
    expect(r.status).toBe(200)
    const { uploadId } = JSON.parse(r.body) as { uploadId: string }
    const { ctx } = bridge
    const { route } = await import('../api/router')
    const outcome = await route('uploads.path', { uploadId }, ctx)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const path = (outcome.result as { path: string }).path
    expect(path.startsWith(join(dataDir, 'uploads', uploadId))).toBe(true)
    expect(path.endsWith('evil name.sqlite')).toBe(true)
    expect(existsSync(path) && readFileSync(path).length).toBe(body.length)
  })
})
