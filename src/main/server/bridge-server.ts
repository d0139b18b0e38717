import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { WebSocketServer, type WebSocket } from 'ws'
import { BRIDGE_TOKEN_COOKIE, BRIDGE_UPLOAD_PATH, BRIDGE_WS_PATH, type BridgeEvent, type BridgeRequest, type BridgeResponse } from '../../shared/bridge-protocol'
import type { EventMap, EventName } from '../../shared/events'
import type { ApiContext } from '../api/api-context'
import { createApiContext, disposeApiContext } from '../api/create-context'
import { route } from '../api/router'
import { contentSecurityPolicy, hostAllowed, originAllowed, requestToken, tokenMatches } from './bridge-security'

export interface BridgeOptions {
  /** 0 picks a free port. */
  port?: number
  /** The built renderer (out/renderer). */
  rendererDir: string
  dataDir: string
  /** Fixed token for tests; random otherwise. */
  token?: string
}

export interface Bridge {
  url: string
  port: number
  token: string
  ctx: ApiContext
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(message)
}

/** A name safe to keep for an uploaded file: no directories, no control characters. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload'
  const cleaned = base.replace(/[^\w.\- ()]+/g, '_').slice(0, 120)
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : 'upload'
}

/**
 * The browser bridge: the built renderer and the same router as the Electron
 * IPC, on 127.0.0.1 only, behind a random token, for the browser (and e2e tests).
 */
export async function startBridge(opts: BridgeOptions): Promise<Bridge> {
  const token = opts.token ?? randomBytes(24).toString('hex')
  const sockets = new Set<WebSocket>()
  const ctx = createApiContext({
    transport: 'bridge',
    dataDir: opts.dataDir,
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      const msg: BridgeEvent<E> = { event, payload }
      const text = JSON.stringify(msg)
      for (const s of sockets) if (s.readyState === s.OPEN) s.send(text)
    },
  })
  const rendererRoot = resolve(opts.rendererDir)
  let port = 0

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res).catch((err: unknown) => {
      if (!res.headersSent) refuse(res, 500, (err as Error).message)
      else res.destroy()
    })
  })

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return refuse(res, 403, 'Forbidden host')
    if (!originAllowed(req, port)) return refuse(res, 403, 'Forbidden origin')
    if (!tokenMatches(requestToken(req), token)) return refuse(res, 403, 'Missing or wrong token: open the URL that `sonograph serve` printed')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)

    if (url.pathname === BRIDGE_UPLOAD_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'POST only')
      // Streamed to disk so a large database never sits in memory.
      const uploadId = randomBytes(16).toString('hex')
      const dir = join(ctx.uploadDir, uploadId)
      mkdirSync(dir, { recursive: true })
      const target = join(dir, safeName(url.searchParams.get('name') ?? 'upload'))
      try {
        await pipeline(req, createWriteStream(target))
      } catch (err) {
        await rm(dir, { recursive: true, force: true })
        throw err
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ uploadId, size: statSync(target).size }))
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed')
    let rel = decodeURIComponent(url.pathname)
    if (rel === '/' || rel === '') rel = '/index.html'
    const file = normalize(join(rendererRoot, rel))
    if (!file.startsWith(rendererRoot + sep)) return refuse(res, 403, 'Forbidden path')
    if (!existsSync(file) || !statSync(file).isFile()) return refuse(res, 404, 'Not found')
    const headers: Record<string, string> = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    }
    if (url.searchParams.has('token')) {
      headers['set-cookie'] = `${BRIDGE_TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
    }
    res.writeHead(200, headers)
    if (req.method === 'HEAD') return void res.end()
    await pipeline(createReadStream(file), res)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const ok =
      url.pathname === BRIDGE_WS_PATH &&
      hostAllowed(req, port) &&
      req.headers.origin !== undefined &&
      originAllowed(req, port) &&
      tokenMatches(requestToken(req), token)
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      ws.on('message', (data) => {
        let msg: BridgeRequest
        try {
          msg = JSON.parse(String(data)) as BridgeRequest
        } catch {
          return
        }
        if (typeof msg.id !== 'number' || typeof msg.call !== 'string') return
        void route(msg.call, msg.args, ctx).then((outcome) => {
          const reply: BridgeResponse = outcome.ok ? { id: msg.id, ok: true, result: outcome.result } : { id: msg.id, ok: false, error: outcome.error }
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply, bigintReplacer))
        })
      })
    })
  })

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    ctx,
    async close() {
      for (const s of sockets) s.terminate()
      wss.close()
      await new Promise<void>((r) => server.close(() => r()))
      await disposeApiContext(ctx)
    },
  }
}

/** JSON cannot carry bigint; results should already use the Cell form, this is a safety net. */
function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value
}
