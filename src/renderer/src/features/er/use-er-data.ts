import { useCallback, useEffect, useState } from 'react'
import type { Relationship, SchemaModel } from '../../../../shared/schema-model'
import { api } from '../../api/client'

export type RelationshipState = 'accepted' | 'hidden' | 'none'

export interface ErData {
  model: SchemaModel | null
  rels: Relationship[] | null
  error: Error | null
  loading: boolean
  /** Accept, hide or reset an inferred edge, then reload the relationships. */
  setState(id: string, state: RelationshipState): Promise<void>
}

/** The schema and its relationships (declared, inferred, hidden ones when asked). */
export function useErData(sourceId: string, showHidden: boolean): ErData {
  const [model, setModel] = useState<SchemaModel | null>(null)
  const [rels, setRels] = useState<Relationship[] | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const [loading, setLoading] = useState(true)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    api
      .call('sources.schema', { sourceId })
      .then((m) => live && setModel(m))
      .catch((err: Error) => live && setError(err))
    return () => {
      live = false
    }
  }, [sourceId])

  useEffect(() => {
    let live = true
    setLoading(true)
    api
      .call('schema.relationships', { sourceId, includeInferred: true, includeHidden: showHidden })
      .then((r) => {
        if (!live) return
        setRels(r)
        setError(null)
      })
      .catch(async (err: Error) => {
        if (!live) return
        setError(err)
        // Inference reads the data; if that fails the declared keys still make a graph.
        const declared = await api.call('schema.relationships', { sourceId, includeInferred: false, includeHidden: false }).catch(() => null)
        if (live && declared) setRels((cur) => cur ?? declared)
      })
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [sourceId, showHidden, version])

  const setState = useCallback(
    async (id: string, state: RelationshipState) => {
      await api.call('schema.setRelationshipState', { sourceId, id, state })
      setVersion((v) => v + 1)
    },
    [sourceId],
  )

  return { model, rels, error, loading, setState }
}
