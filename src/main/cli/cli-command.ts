/** A subcommand of `sonograph`. Each lives in its own file under src/main/cli/ and is listed in commands.ts. */
export interface CliIO {
  out(text: string): void
  err(text: string): void
  /** Reads a secret (a password) without echo; rejects when there is no terminal. */
  promptSecret(question: string): Promise<string>
  env: Record<string, string | undefined>
}

export interface CliCommand {
  name: string
  summary: string
  /** Full usage text shown by `sonograph NAME --help`. */
  usage: string
  /** Returns the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>
}
