/** Statements run in the console, per source name, newest last; kept in localStorage. */
const MAX_ENTRIES = 200

function key(sourceName: string): string {
  return `sonograph.console.history:${sourceName}`
}

export function loadHistory(sourceName: string): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(sourceName)) ?? '[]')
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** Adds a statement (moved to the end if it was there) and returns the new list. */
export function pushHistory(sourceName: string, sql: string): string[] {
  const text = sql.trim()
  const list = loadHistory(sourceName).filter((s) => s !== text)
  list.push(text)
  const kept = list.slice(-MAX_ENTRIES)
  try {
    localStorage.setItem(key(sourceName), JSON.stringify(kept))
  } catch {
    // A full storage loses history, not the query.
  }
  return kept
}
