import type { z } from 'zod'

/**
 * A call of the contract: a zod schema for its arguments and, as a phantom type,
 * its result. `defineCall<Result>()(argsSchema)` keeps both in one place.
 */
export interface CallDef<A extends z.ZodType, R> {
  readonly args: A
  /** Never set at run time; carries the result type. */
  readonly __result?: R
}

export function defineCall<R>() {
  return <A extends z.ZodType>(args: A): CallDef<A, R> => ({ args })
}

export type AnyCallDef = CallDef<z.ZodType, unknown>
