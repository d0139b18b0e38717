import { useMemo, type ReactNode } from 'react'
import type { Chart } from 'chart.js'
import type { ColumnProfile } from '../../../../shared/calls/profile'
import { cellText, type Cell } from '../../../../shared/cells'
import { ChartView } from './ChartView'
import { columnChart, formatNumber, formatShare, outlierBarColors } from './profile-charts'
import { useThemeColors } from './theme-colors'

function cell(c: Cell): string {
  return c === null ? 'NULL' : cellText(c)
}

/** One column of a profile: its kind, counts, statistics, top values, chart and outliers. */
export function ColumnCard({ col, onChart }: { col: ColumnProfile; onChart: (chart: Chart | null) => void }): ReactNode {
  const colors = useThemeColors()
  const chart = useMemo(() => columnChart(col), [col])
  const n = col.number
  const stats: [string, string][] = [
    ['Rows', formatNumber(col.rows)],
    ['Nulls', `${formatNumber(col.nulls)} (${formatShare(col.nullShare)})`],
    ['Distinct', formatNumber(col.distinct)],
  ]
  if (n) {
    stats.push(['Min', formatNumber(n.min)], ['Max', formatNumber(n.max)], ['Mean', formatNumber(n.mean)], ['Median', formatNumber(n.median)], ['Std dev', formatNumber(n.stddev)])
  } else if (col.datetime) {
    stats.push(['Min', col.datetime.min], ['Max', col.datetime.max], ['Span', `${formatNumber(col.datetime.spanDays)} days`])
  } else if (col.min !== null || col.max !== null) {
    stats.push(['Min', cell(col.min)], ['Max', cell(col.max)])
  }
  if (col.text) stats.push(['Length', `${col.text.minLength}–${col.text.maxLength}`])
  const o = col.outliers
  return (
    <article className="column-card" aria-label={`Column ${col.name}`} data-column={col.name}>
      <header>
        <h3>{col.name}</h3>
        <span className={`kind-badge kind-${col.kind}`} title="The kind its values show">
          {col.kind}
        </span>
        <span className="muted small">{col.declaredType || 'no declared type'}</span>
      </header>
      <dl className="column-stats">
        {stats.map(([k, v]) => (
          <div key={k} data-stat={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {o && o.count > 0 ? (
        <p className="outliers" role="note" aria-label={`Outliers in ${col.name}`}>
          ⚠ {formatNumber(o.count)} outlier{o.count === 1 ? '' : 's'} outside [{formatNumber(o.lowerFence)}, {formatNumber(o.upperFence)}]
          {o.low.length ? ` · low: ${o.low.map(formatNumber).join(', ')}` : ''}
          {o.high.length ? ` · high: ${o.high.map(formatNumber).join(', ')}` : ''}
        </p>
      ) : null}
      {chart ? (
        <ChartView
          data={chart}
          height={170}
          compact
          variant={col.bars ? 'horizontal' : 'plain'}
          barColors={outlierBarColors(col, colors.danger)}
          onChart={onChart}
          name={chart.title}
        />
      ) : null}
      {col.topValues.length ? (
        <details className="top-values">
          <summary>Top values</summary>
          <table>
            <tbody>
              {col.topValues.map((t, i) => (
                <tr key={i}>
                  <td className={t.value === null ? 'null' : ''}>{cell(t.value)}</td>
                  <td className="num">{formatNumber(t.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {col.notes.length ? <p className="muted small">{col.notes.join(' · ')}</p> : null}
    </article>
  )
}
