import { AppError, toErrorShape, type AppErrorShape } from '../../shared/errors'
import { calls, isCallName, type CallName, type CallResult, type ParsedArgs } from '../../shared/calls'
import type { ApiContext } from './api-context'
import { appHandlers } from './app-handlers'
import { sourceHandlers } from './source-handlers'
import { benchHandlers } from './bench-handlers'
import { browseHandlers } from './browse-handlers'
import { schemaHandlers } from './schema-handlers'
import { connectionHandlers } from './connection-handlers'
import { clinicHandlers } from './clinic-handlers'
import { dumpHandlers } from './dump-handlers'
import { profileHandlers } from './profile-handlers'
import { consolidateHandlers } from './consolidate-handlers'
import { exportHandlers } from './export-handlers'

export type Handler<K extends CallName> = (args: ParsedArgs<K>, ctx: ApiContext) => Promise<CallResult<K>>
export type Handlers<K extends CallName> = { [P in K]: Handler<P> }

/** One map from every call to its handler; the type makes a missing handler a compile error. */
const handlers: Handlers<CallName> = {
  ...appHandlers,
  ...sourceHandlers,
  ...benchHandlers,
  ...browseHandlers,
  ...schemaHandlers,
  ...connectionHandlers,
  ...clinicHandlers,
  ...dumpHandlers,
  ...profileHandlers,
  ...consolidateHandlers,
  ...exportHandlers,
}

export type RouteOutcome = { ok: true; result: unknown } | { ok: false; error: AppErrorShape }

/**
 * The single entry for both transports: checks the call name, validates the
 * arguments against the contract, and only then runs the handler.
 */
export async function route(name: string, rawArgs: unknown, ctx: ApiContext): Promise<RouteOutcome> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_CALL', message: `Unknown call: ${name}` } }
  }
  const parsed = calls[name].args.safeParse(rawArgs ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue && issue.path.length ? issue.path.join('.') : undefined
    const err = new AppError(
      'BAD_ARGUMENT',
      `Invalid argument for ${name}${field ? ` (${field})` : ''}: ${issue?.message ?? 'invalid'}`,
      field ? { field } : undefined,
    )
    return { ok: false, error: err.toJSON() }
  }
  try {
    const handler = handlers[name] as (args: unknown, ctx: ApiContext) => Promise<unknown>
    const result = await handler(parsed.data, ctx)
    return { ok: true, result }
  } catch (err) {
    return { ok: false, error: toErrorShape(err) }
  }
}
