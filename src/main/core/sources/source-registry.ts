import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/errors'
import type { SourceSummary } from '../../../shared/calls/sources'
import type { SourceSpec } from '../../../shared/source-spec'
import type { Driver } from '../db/driver'
import { openDriver } from '../db/open-driver'

interface OpenSource {
  summary: SourceSummary
  spec: SourceSpec
  driver: Driver
}

export function describeSpec(spec: SourceSpec): string {
  return spec.kind === 'sqlite' ? spec.path : `${spec.user}@${spec.host}:${spec.port}/${spec.database}`
}

/** The sources open in this process; each has a driver, and a spec so workers can open their own. */
export class SourceRegistry {
  private sources = new Map<string, OpenSource>()

  async open(spec: SourceSpec): Promise<SourceSummary> {
    const driver = await openDriver(spec)
    const summary: SourceSummary = {
      sourceId: randomUUID(),
      kind: spec.kind,
      name: driver.name,
      location: describeSpec(spec),
      readonly: driver.readonly,
    }
    this.sources.set(summary.sourceId, { summary, spec, driver })
    return summary
  }

  get(sourceId: string): OpenSource {
    const s = this.sources.get(sourceId)
    if (!s) throw new AppError('NOT_FOUND', `No open source with id ${sourceId}`, { field: 'sourceId' })
    return s
  }

  driver(sourceId: string): Driver {
    return this.get(sourceId).driver
  }

  list(): SourceSummary[] {
    return [...this.sources.values()].map((s) => s.summary)
  }

  async close(sourceId: string): Promise<boolean> {
    const s = this.sources.get(sourceId)
    if (!s) return false
    this.sources.delete(sourceId)
    await s.driver.close()
    return true
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sources.keys()].map((id) => this.close(id)))
  }
}
