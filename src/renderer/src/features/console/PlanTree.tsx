import type { ReactNode } from 'react'
import type { PlanTreeNode } from '../../../../shared/calls/browse'

function Node({ node, depth }: { node: PlanTreeNode; depth: number }): ReactNode {
  const scan = /\bSCAN\b/.test(node.detail) && !/\bUSING\b.*\bINDEX\b/.test(node.detail)
  return (
    <li role="treeitem" aria-level={depth + 1} aria-expanded={node.children.length ? true : undefined} aria-selected={false}>
      <span className={`plan-detail ${scan ? 'plan-scan' : ''}`} title={scan ? 'Reads every row of the table' : undefined}>
        {node.detail}
        {node.rows !== undefined ? <span className="muted"> · ~{node.rows.toLocaleString('en-US')} rows</span> : null}
      </span>
      {node.children.length ? (
        <ul role="group">
          {node.children.map((c) => (
            <Node key={c.id} node={c} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/** EXPLAIN QUERY PLAN as an indented tree; full scans stand out. */
export function PlanTree({ tree, sql, elapsedMs }: { tree: PlanTreeNode[]; sql: string; elapsedMs: number }): ReactNode {
  return (
    <section className="plan-panel" aria-label="Query plan">
      <header className="plan-header">
        <strong>Query plan</strong>
        <span className="muted small"> {elapsedMs.toFixed(1)} ms</span>
      </header>
      <p className="plan-sql muted small" title={sql}>
        {sql.length > 140 ? `${sql.slice(0, 140)}…` : sql}
      </p>
      {tree.length ? (
        <ul className="plan-tree" role="tree" aria-label="Plan tree">
          {tree.map((n) => (
            <Node key={n.id} node={n} depth={0} />
          ))}
        </ul>
      ) : (
        <p className="muted">The plan is empty (the statement reads no table).</p>
      )}
    </section>
  )
}
