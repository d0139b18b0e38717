import type { ReactNode } from 'react'
import type { PlanStep, QueryPlan } from '../../../../shared/calls/bench'

function fmt(n: number): string {
  if (Number.isInteger(n) || n >= 100) return Math.round(n).toLocaleString()
  return n.toFixed(n >= 10 ? 1 : 2)
}

function Step({ step }: { step: PlanStep }): ReactNode {
  const facts: string[] = []
  if (step.rows !== undefined) facts.push(`${fmt(step.rows)} rows`)
  if (step.estimatedRows !== undefined) facts.push(`est. ${fmt(step.estimatedRows)}`)
  if (step.loops !== undefined && step.loops !== 1) facts.push(`${fmt(step.loops)} loops`)
  if (step.timeMs !== undefined) facts.push(`${fmt(step.timeMs)} ms`)
  return (
    <li role="treeitem" aria-expanded={step.children.length ? true : undefined} aria-selected={false}>
      <span className="plan-label">{step.label}</span>
      {facts.length ? <span className="plan-facts"> {facts.join(' · ')}</span> : null}
      {step.children.length ? (
        <ul role="group">
          {step.children.map((c, i) => (
            <Step key={i} step={c} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

const FORMAT_NAMES: Record<QueryPlan['format'], string> = {
  'sqlite-eqp': 'SQLite EXPLAIN QUERY PLAN',
  'mariadb-analyze-json': 'MariaDB ANALYZE FORMAT=JSON',
  'mysql-explain-analyze': 'MySQL EXPLAIN ANALYZE',
}

/** A query plan as a tree, with measured rows and times per step where the engine gives them. */
export function PlanTree({ plan, label }: { plan: QueryPlan | null; label: string }): ReactNode {
  if (!plan) return <p className="muted">No plan for {label}.</p>
  return (
    <div className="plan">
      <p className="muted small">
        {FORMAT_NAMES[plan.format]} · {plan.measured ? 'measured rows and times' : 'the planner’s choices only (SQLite does not measure steps)'}
      </p>
      <ul className="plan-tree" role="tree" aria-label={`Plan of ${label}`}>
        {plan.steps.map((s, i) => (
          <Step key={i} step={s} />
        ))}
      </ul>
    </div>
  )
}
