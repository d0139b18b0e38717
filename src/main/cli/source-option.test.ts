import { describe, expect, it } from 'vitest'
import { AppError } from '../../shared/errors'
import type { CliIO } from './cli-command'
import { parseMysqlUrl, resolveSource } from './source-option'

function fakeIO(env: Record<string, string | undefined>, prompt?: string): CliIO & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    out: () => undefined,
    err: () => undefined,
    env,
    promptSecret: (q) => {
      asked.push(q)
      return prompt === undefined ? Promise.reject(new Error('no terminal')) : Promise.resolve(prompt)
    },
  }
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => undefined, (err: unknown) => err)
  expect(e).toBeInstanceOf(AppError)
  return e as AppError
}

describe('--source option', () => {
  it('parses mysql://user@host:port/db with defaults and decoding', () => {
    expect(parseMysqlUrl('mysql://lab@db.example:3307/clinic')).toEqual({ kind: 'mysql', host: 'db.example', port: 3307, user: 'lab', database: 'clinic', connectTimeoutMs: 10_000 })
    expect(parseMysqlUrl('mariadb://r%40ot@[::1]/my%20db')).toMatchObject({ host: '::1', port: 3306, user: 'r@ot', database: 'my db' })
  })

  it('takes SSL files, verification and the connect timeout from the query, and refuses unknown options', () => {
    expect(parseMysqlUrl('mysql://lab@db/clinic?ssl-ca=/etc/ca.pem&ssl-verify=0&connectTimeout=3')).toMatchObject({
      ssl: { ca: '/etc/ca.pem', verify: false },
      connectTimeoutMs: 3000,
    })
    expect(parseMysqlUrl('mysql://lab@db/clinic?ssl=1').ssl).toEqual({ verify: true })
    expect(parseMysqlUrl('mysql://lab@db/clinic').ssl).toBeUndefined()
    expect(() => parseMysqlUrl('mysql://lab@db/clinic?password=x')).toThrow(/Unknown option in the MySQL URL: password/)
  })

  it('refuses a password in the URL, and says where to put it instead', async () => {
    const err = await failure(resolveSource(undefined, 'mysql://lab:hunter2@host/db', fakeIO({})))
    expect(err.code).toBe('BAD_ARGUMENT')
    expect(err.message).toContain('SONOGRAPH_MYSQL_PASSWORD')
    expect(err.message).not.toContain('hunter2')
  })

  it('refuses a URL without user or database', async () => {
    expect((await failure(resolveSource(undefined, 'mysql://host/db', fakeIO({})))).message).toMatch(/no user/)
    expect((await failure(resolveSource(undefined, 'mysql://lab@host', fakeIO({})))).message).toMatch(/no database/)
    expect((await failure(resolveSource(undefined, 'postgres://lab@host/db', fakeIO({})))).code).toBe('BAD_ARGUMENT')
  })

  it('takes the password from the environment (even empty), else asks', async () => {
    const fromEnv = await resolveSource(undefined, 'mysql://lab@host/db', fakeIO({ SONOGRAPH_MYSQL_PASSWORD: '' }))
    expect(fromEnv).toMatchObject({ kind: 'mysql', password: '' })
    const io = fakeIO({}, 'typed')
    expect(await resolveSource('mysql://lab@host:3310/db', undefined, io)).toMatchObject({ password: 'typed', port: 3310 })
    expect(io.asked).toEqual(['Password for lab@host:3310: '])
    const none = await failure(resolveSource(undefined, 'mysql://lab@host/db', fakeIO({})))
    expect(none.code).toBe('AUTH_FAILED')
  })

  it('takes a SQLite file as the positional argument, and refuses both at once', async () => {
    expect(await resolveSource('some/file.sqlite', undefined, fakeIO({}))).toMatchObject({ kind: 'sqlite', writable: false })
    expect((await failure(resolveSource('a.sqlite', 'mysql://u@h/d', fakeIO({})))).code).toBe('BAD_ARGUMENT')
    expect((await failure(resolveSource(undefined, undefined, fakeIO({})))).code).toBe('BAD_ARGUMENT')
  })
})
