import { stdin, stdout, stderr } from 'node:process'
import { createInterface } from 'node:readline'
import { toErrorShape } from '../shared/errors'
import type { CliIO } from './cli/cli-command'
import { commands } from './cli/commands'

function promptSecret(question: string): Promise<string> {
  if (!stdin.isTTY) return Promise.reject(new Error('No terminal to ask for a password: set SONOGRAPH_MYSQL_PASSWORD'))
  return new Promise((resolvePrompt) => {
    const rl = createInterface({ input: stdin, output: stdout, terminal: true })
    // Mute the echo of the typed characters.
    const out = rl as unknown as { _writeToOutput?: (s: string) => void }
    stdout.write(question)
    out._writeToOutput = () => undefined
    rl.question('', (answer) => {
      rl.close()
      stdout.write('\n')
      resolvePrompt(answer)
    })
  })
}

export const io: CliIO = {
  out: (t) => stdout.write(`${t}\n`),
  err: (t) => stderr.write(`${t}\n`),
  promptSecret,
  env: process.env,
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Sonograph: open SQL dumps, explore, consolidate, chart and benchmark databases.',
    '',
    'Usage: sonograph <command> [options]     sonograph <command> --help',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n')
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help())
    return name ? 0 : 2
  }
  if (name === '--version') {
    io.out(process.env.npm_package_version ?? '0.1.0')
    return 0
  }
  const cmd = commands.find((c) => c.name === name)
  if (!cmd) {
    io.err(`sonograph: unknown command '${name}'\n\n${help()}`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(cmd.usage)
    return 0
  }
  try {
    return await cmd.run(rest, io)
  } catch (err) {
    const e = toErrorShape(err)
    const where = e.details ? Object.entries(e.details).filter(([k]) => k !== 'sql').map(([k, v]) => `${k}=${String(v)}`).join(' ') : ''
    io.err(`sonograph ${name}: ${e.message}${where ? ` (${where})` : ''}`)
    return e.code === 'BAD_ARGUMENT' ? 2 : 1
  }
}

// Run when executed directly (bin/sonograph.mjs imports this file and calls main).
if (process.argv[1] && /cli\.(ts|js)$/.test(process.argv[1])) {
  void main(process.argv.slice(2)).then((code) => process.exit(code))
}
