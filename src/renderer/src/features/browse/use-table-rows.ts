import { useCallback, useEffect, useRef, useState } from 'react'
import type { BrowseColumn, BrowsePage, ColumnFilter, KeyValue, PageCursor, SortSpec } from '../../../../shared/calls/browse'
import type { Cell } from '../../../../shared/cells'
import { api } from '../../api/client'

/** Rows per slot: one browse.page call. */
export const PAGE = 200
/** Wait this long before a row jump, so dragging the scrollbar asks only where it stops. */
const JUMP_DELAY_MS = 90
const MAX_IN_FLIGHT = 3
/** Slots kept in memory (about 12,000 rows); the farthest from the view go first. */
const MAX_SLOTS = 60

/**
 * Rows p*PAGE .. p*PAGE+rows.length-1 of the sorted, filtered order. `exact`:
 * their positions are known exactly (chained by key from the first or last
 * page, or an exact row jump); else a row jump landed near the asked row.
 */
interface Slot {
  rows: Cell[][]
  keys: KeyValue[][] | null
  next: PageCursor | null
  prev: PageCursor | null
  atEnd: boolean
  exact: boolean
}

export interface TableRows {
  columns: BrowseColumn[] | null
  /** Rows the grid spans: the exact count when known, else the estimate. */
  total: number
  exactCount: number | null
  estimate: number | null
  counting: boolean
  mode: BrowsePage['mode'] | null
  lastElapsedMs: number | null
  /** Some visible rows come from an approximate jump. */
  approximate: boolean
  error: Error | null
  rowAt(i: number): Cell[] | undefined
  keyAt(i: number): KeyValue[] | undefined
  setVisible(first: number, last: number): void
}

function evictFarSlots(slots: Map<number, Slot>, center: number): void {
  if (slots.size <= MAX_SLOTS) return
  const far = [...slots.keys()].sort((a, b) => Math.abs(b - center) - Math.abs(a - center))
  for (const p of far.slice(0, slots.size - MAX_SLOTS)) slots.delete(p)
}

export interface CountHooks {
  track(jobId: string, label: string): void
  wait(jobId: string): Promise<{ count: number }>
  cancel(jobId: string): Promise<void>
}

/**
 * Pages of a table for a grid that spans the whole row count: the first page
 * at once, the count in the background, and the slots under the viewport by
 * key (next to a loaded slot) or by row jump (anywhere else).
 */
export function useTableRows(
  sourceId: string,
  table: string,
  sort: SortSpec | null,
  filters: ColumnFilter[],
  hintCount: number | null,
  counts: CountHooks,
): TableRows {
  const slots = useRef(new Map<number, Slot>())
  const inFlight = useRef(new Set<number>())
  const failed = useRef(new Set<number>())
  const wanted = useRef<[number, number]>([0, 0])
  const generation = useRef(0)
  const jumpTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [, setVersion] = useState(0)
  const [columns, setColumns] = useState<BrowseColumn[] | null>(null)
  const [mode, setMode] = useState<BrowsePage['mode'] | null>(null)
  const [elapsed, setElapsed] = useState<number | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [exactCount, setExactCount] = useState<number | null>(null)
  const [estimate, setEstimate] = useState<number | null>(filters.length ? null : hintCount)
  const [counting, setCounting] = useState(false)
  const [knownEnd, setKnownEnd] = useState<number | null>(null)
  const queryKey = JSON.stringify([sourceId, table, sort, filters])
  const countJob = useRef<string | null>(null)
  const knownEndRef = useRef<number | null>(null)

  // Paging reached the end exactly: a count still running adds nothing.
  useEffect(() => {
    knownEndRef.current = knownEnd
    if (knownEnd !== null && countJob.current) {
      void counts.cancel(countJob.current)
      countJob.current = null
    }
  }, [knownEnd, counts])

  // With no count yet, the grid spans what is loaded plus a page while the end is unseen.
  const growing = (): number => {
    let max = 0
    let end = false
    for (const [p, s] of slots.current) {
      if (p * PAGE + s.rows.length >= max) end = s.atEnd
      max = Math.max(max, p * PAGE + s.rows.length)
    }
    return max + (end ? 0 : PAGE)
  }
  const total = exactCount ?? knownEnd ?? Math.max(estimate ?? 0, growing())
  const totalRef = useRef(total)
  const totalExact = exactCount !== null || knownEnd !== null

  // A new total moves every slot that was placed by estimate: drop those.
  useEffect(() => {
    if (totalRef.current === total) return
    totalRef.current = total
    for (const [p, s] of slots.current) if (!s.exact) slots.current.delete(p)
    setVersion((v) => v + 1)
  }, [total])

  const fetchSlot = useCallback(
    (p: number, gen: number, sortArg: SortSpec | null, filterArg: ColumnFilter[], tot: number, exactTotal: boolean) => {
      const before = slots.current.get(p - 1)
      const after = slots.current.get(p + 1)
      const base = { sourceId, table, filters: filterArg, ...(sortArg ? { sort: sortArg } : {}) }
      let call: Promise<BrowsePage>
      let exact: (page: BrowsePage) => boolean
      if (p === 0) {
        call = api.call('browse.page', { ...base, limit: PAGE })
        exact = () => true
      } else if (before?.next && before.rows.length === PAGE) {
        call = api.call('browse.page', { ...base, limit: PAGE, cursor: before.next })
        exact = () => before.exact
      } else if (after?.prev) {
        call = api.call('browse.page', { ...base, limit: PAGE, cursor: after.prev, direction: 'backward' })
        exact = () => after.exact
      } else if ((p + 1) * PAGE >= tot) {
        // The last slot is the table's real last page (placed by the estimate until the count is exact).
        call = api.call('browse.page', { ...base, limit: Math.max(1, Math.min(PAGE, tot - p * PAGE)), direction: 'backward' })
        exact = () => exactTotal
      } else {
        call = api.call('browse.page', { ...base, limit: PAGE, cursor: { kind: 'row', row: p * PAGE, ...(tot > 0 ? { total: tot } : {}) } })
        exact = (page) => page.firstRow === p * PAGE && !page.approximate
      }
      inFlight.current.add(p)
      return call
        .then((page) => {
          if (gen !== generation.current) return
          slots.current.set(p, { rows: page.rows, keys: page.rowKeys, next: page.nextCursor, prev: page.prevCursor, atEnd: page.atEnd, exact: exact(page) })
          evictFarSlots(slots.current, Math.floor(wanted.current[0] / PAGE))
          if (page.atEnd && exact(page)) setKnownEnd(p * PAGE + page.rows.length)
          setColumns((c) => c ?? page.columns)
          setMode(page.mode)
          setElapsed(page.elapsedMs)
        })
        .catch((err: Error) => {
          if (gen !== generation.current) return
          failed.current.add(p)
          setError(err)
        })
        .finally(() => {
          if (gen !== generation.current) return
          inFlight.current.delete(p)
          setVersion((v) => v + 1)
        })
    },
    [sourceId, table],
  )

  const state = useRef({ sort, filters, total, totalExact })
  state.current = { sort, filters, total, totalExact }

  /** Starts loads for the slots under the viewport: chained ones now, jumps after a pause. */
  const pump = useCallback(() => {
    const gen = generation.current
    const [first, last] = wanted.current
    const { sort: s, filters: f, total: tot, totalExact: te } = state.current
    const maxSlot = Math.max(0, Math.ceil(tot / PAGE) - 1)
    const lo = Math.max(0, Math.floor(first / PAGE))
    const hi = Math.min(maxSlot, Math.floor(last / PAGE))
    const jumps: number[] = []
    for (let p = lo; p <= hi; p++) {
      if (slots.current.has(p) || inFlight.current.has(p) || failed.current.has(p)) continue
      if (inFlight.current.size >= MAX_IN_FLIGHT) break
      // A neighbour on its way will let this slot chain by key: wait for it.
      if (inFlight.current.has(p - 1) || inFlight.current.has(p + 1)) continue
      const chained = p === 0 || slots.current.get(p - 1)?.next || slots.current.get(p + 1)?.prev
      if (chained) void fetchSlot(p, gen, s, f, tot, te).then(() => pump())
      else jumps.push(p)
    }
    if (jumps.length && !jumpTimer.current) {
      jumpTimer.current = setTimeout(() => {
        jumpTimer.current = null
        if (gen !== generation.current) return
        const [a, b] = wanted.current
        const p = jumps.find((x) => x >= Math.floor(a / PAGE) && x <= Math.floor(b / PAGE)) ?? Math.floor(a / PAGE)
        if (!slots.current.has(p) && !inFlight.current.has(p)) {
          const st = state.current
          void fetchSlot(p, gen, st.sort, st.filters, st.total, st.totalExact).then(() => pump())
        } else pump()
      }, JUMP_DELAY_MS)
    }
  }, [fetchSlot])

  // A new query: forget every page, read the first at once and count in the background.
  useEffect(() => {
    const gen = ++generation.current
    slots.current.clear()
    inFlight.current.clear()
    failed.current.clear()
    if (jumpTimer.current) clearTimeout(jumpTimer.current)
    jumpTimer.current = null
    setError(null)
    setExactCount(null)
    setKnownEnd(null)
    knownEndRef.current = null
    setEstimate(filters.length ? null : hintCount)
    wanted.current = [0, Math.min(wanted.current[1] - wanted.current[0], 60)]
    void fetchSlot(0, gen, sort, filters, 0, false).then(() => pump())

    countJob.current = null
    setCounting(true)
    api
      .call('browse.count', { sourceId, table, filters })
      .then(async (res) => {
        if (gen !== generation.current) return
        if (res.estimate !== null) setEstimate(res.estimate)
        if (res.count !== null) return setExactCount(res.count)
        if (!res.jobId) return
        // The pages already reached the end: the count is known, the job is not needed.
        if (knownEndRef.current !== null) return void counts.cancel(res.jobId)
        countJob.current = res.jobId
        counts.track(res.jobId, `Counting rows of ${table}`)
        const { count } = await counts.wait(res.jobId)
        countJob.current = null
        if (gen === generation.current) setExactCount(count)
      })
      .catch((err: Error & { code?: string }) => {
        if (gen === generation.current && err.code !== 'CANCELLED') setError(err)
      })
      .finally(() => {
        if (gen === generation.current) setCounting(false)
      })
    return () => {
      if (countJob.current) void counts.cancel(countJob.current)
      countJob.current = null
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- queryKey stands for sourceId, table, sort and filters
  }, [queryKey])

  const setVisible = useCallback(
    (first: number, last: number) => {
      wanted.current = [first, last]
      pump()
    },
    [pump],
  )

  // The total changed (count arrived): the viewport may now need slots it could not ask for.
  useEffect(() => pump(), [total, pump])

  let approximate = false
  for (let p = Math.floor(wanted.current[0] / PAGE); p <= Math.floor(wanted.current[1] / PAGE); p++) if (slots.current.get(p)?.exact === false) approximate = true

  return {
    columns,
    total,
    exactCount: exactCount ?? knownEnd,
    estimate,
    counting,
    mode,
    lastElapsedMs: elapsed,
    approximate,
    error,
    rowAt: (i) => slots.current.get(Math.floor(i / PAGE))?.rows[i % PAGE],
    keyAt: (i) => slots.current.get(Math.floor(i / PAGE))?.keys?.[i % PAGE],
    setVisible,
  }
}
