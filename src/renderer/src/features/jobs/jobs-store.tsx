import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { JobProgress } from '../../../../shared/jobs'
import type { EventMap } from '../../../../shared/events'
import { fromErrorShape } from '../../../../shared/errors'
import { api } from '../../api/client'

type Finished = EventMap['job.finished']

export interface JobsState {
  running: JobProgress[]
  /** Registers a job started elsewhere so it shows in the status bar before its first progress event. */
  track(jobId: string, kind: string, label: string): void
  /** Resolves with the job's result; rejects with its error (code CANCELLED on cancel). */
  wait<R = unknown>(jobId: string): Promise<R>
  cancel(jobId: string): Promise<void>
  labels: Record<string, string>
}

const JobsContext = createContext<JobsState | null>(null)

export function JobsProvider({ children }: { children: ReactNode }): ReactNode {
  const [progress, setProgress] = useState<Record<string, JobProgress>>({})
  const [labels, setLabels] = useState<Record<string, string>>({})
  const finished = useRef(new Map<string, Finished>())
  const waiters = useRef(new Map<string, ((f: Finished) => void)[]>())

  useEffect(() => {
    const offProgress = api.on('job.progress', (p) => {
      if (finished.current.has(p.jobId)) return
      setProgress((prev) => ({ ...prev, [p.jobId]: p }))
    })
    const offFinished = api.on('job.finished', (f) => {
      finished.current.set(f.jobId, f)
      setProgress((prev) => {
        const next = { ...prev }
        delete next[f.jobId]
        return next
      })
      for (const w of waiters.current.get(f.jobId) ?? []) w(f)
      waiters.current.delete(f.jobId)
    })
    return () => {
      offProgress()
      offFinished()
    }
  }, [])

  const value = useMemo<JobsState>(
    () => ({
      running: Object.values(progress),
      labels,
      track(jobId, kind, label) {
        setLabels((prev) => ({ ...prev, [jobId]: label }))
        if (finished.current.has(jobId)) return
        setProgress((prev) =>
          prev[jobId] ? prev : { ...prev, [jobId]: { jobId, kind, phase: 'starting', done: 0, total: null, unit: 'steps', rate: null, etaSeconds: null } },
        )
      },
      wait<R>(jobId: string) {
        return new Promise<R>((resolve, reject) => {
          const settle = (f: Finished): void => {
            if (f.state === 'done') resolve(f.result as R)
            else reject(fromErrorShape(f.error ?? { code: 'INTERNAL', message: `Job ${f.state}` }))
          }
          const done = finished.current.get(jobId)
          if (done) return settle(done)
          waiters.current.set(jobId, [...(waiters.current.get(jobId) ?? []), settle])
        })
      },
      async cancel(jobId) {
        await api.call('jobs.cancel', { jobId })
      },
    }),
    [progress, labels],
  )
  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>
}

export function useJobs(): JobsState {
  const ctx = useContext(JobsContext)
  if (!ctx) throw new Error('useJobs outside JobsProvider')
  return ctx
}
