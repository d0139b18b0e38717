/**
 * The one error shape that crosses every boundary (IPC, bridge, CLI, worker).
 * `details` names where the problem is: a file, line and column for dump errors,
 * a field for bad arguments.
 */
export type ErrorCode =
  | 'BAD_ARGUMENT'
  | 'UNKNOWN_CALL'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'SQL_ERROR'
  | 'PARSE_ERROR'
  | 'IO_ERROR'
  | 'CANCELLED'
  | 'CONNECTION_FAILED'
  | 'AUTH_FAILED'
  | 'TIMEOUT'
  | 'MISMATCH'
  | 'UNSUPPORTED'
  | 'INTERNAL'

export interface ErrorDetails {
  file?: string
  line?: number
  column?: number
  field?: string
  sql?: string
  [key: string]: string | number | boolean | undefined
}

export interface AppErrorShape {
  code: ErrorCode
  message: string
  details?: ErrorDetails
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode
  readonly details?: ErrorDetails

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (details) this.details = details
  }

  toJSON(): AppErrorShape {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message }
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && typeof v.message === 'string'
}

/** Turns anything thrown into the error shape, keeping AppError's code and details. */
export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.toJSON()
  if (isAppErrorShape(err)) {
    return err.details ? { code: err.code, message: err.message, details: err.details } : { code: err.code, message: err.message }
  }
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message }
  return { code: 'INTERNAL', message: String(err) }
}

export function fromErrorShape(shape: AppErrorShape): AppError {
  return new AppError(shape.code, shape.message, shape.details)
}
