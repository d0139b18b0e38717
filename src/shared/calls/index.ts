import type { z } from 'zod'
import type { CallDef } from '../contract'
import { appCalls } from './app'
import { sourceCalls } from './sources'
import { benchCalls } from './bench'
import { browseCalls, consoleCalls } from './browse'
import { schemaCalls } from './schema'
import { connectionCalls } from './connections'
import { clinicCalls } from './clinic'
import { dumpCalls } from './dump'
import { profileCalls } from './profile'
import { consolidateCalls } from './consolidate'
import { exportCalls } from './export'

/** Every call of the contract. An area adds its own file here. */
export const calls = {
  ...appCalls,
  ...sourceCalls,
  ...benchCalls,
  ...browseCalls,
  ...consoleCalls,
  ...schemaCalls,
  ...connectionCalls,
  ...clinicCalls,
  ...dumpCalls,
  ...profileCalls,
  ...consolidateCalls,
  ...exportCalls,
}

export type Calls = typeof calls
export type CallName = keyof Calls
/** Arguments as the caller writes them (defaults may be omitted). */
export type CallArgs<K extends CallName> = z.input<Calls[K]['args']>
/** Arguments as the handler receives them, after validation. */
export type ParsedArgs<K extends CallName> = z.output<Calls[K]['args']>
export type CallResult<K extends CallName> = Calls[K] extends CallDef<z.ZodType, infer R> ? R : never

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name)
}
