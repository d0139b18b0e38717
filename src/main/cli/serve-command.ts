import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { startBridge } from '../server/bridge-server'
import type { CliCommand } from './cli-command'

export function defaultDataDir(env: Record<string, string | undefined>): string {
  return env.SONOGRAPH_DATA_DIR ?? join(homedir(), '.sonograph')
}

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the browser bridge on 127.0.0.1 and print its URL',
  usage: `Usage: sonograph serve [--port N] [--data-dir DIR] [--renderer DIR]

Serves the app to a browser on this machine. Prints a URL with a random token;
requests without the token, or from another origin, are refused.

  --port N         port to listen on (default: a free port)
  --data-dir DIR   where settings, recent files and uploads live (default ~/.sonograph or $SONOGRAPH_DATA_DIR)
  --renderer DIR   the built renderer (default: out/renderer next to this program)`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        renderer: { type: 'string' },
      },
      strict: true,
    })
    const port = values.port ? Number.parseInt(values.port, 10) : 0
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      io.err(`sonograph serve: --port must be a number between 0 and 65535, got ${values.port}`)
      return 2
    }
    // Built: out/main/cli.js -> out/renderer. From sources: src/main/cli/ -> out/renderer.
    const defaults = [new URL('../renderer', import.meta.url), new URL('../../../out/renderer', import.meta.url)].map((u) => fileURLToPath(u))
    const rendererDir = resolve(values.renderer ?? defaults.find((d) => existsSync(join(d, 'index.html'))) ?? defaults[0]!)
    if (!existsSync(join(rendererDir, 'index.html'))) {
      io.err(`sonograph serve: no built renderer in ${rendererDir}; run \`npm run build:renderer\` first`)
      return 1
    }
    const bridge = await startBridge({ port, rendererDir, dataDir: resolve(values['data-dir'] ?? defaultDataDir(io.env)) })
    io.out(`Sonograph is running at ${bridge.url}`)
    io.out('Open that URL in a browser on this machine. Press Ctrl+C to stop.')
    await new Promise<void>((done) => {
      const stop = (): void => {
        void bridge.close().then(done)
      }
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    return 0
  },
}
