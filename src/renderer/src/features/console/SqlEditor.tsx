import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete'
import { MySQL, sql, SQLite, type SQLNamespace } from '@codemirror/lang-sql'
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { Compartment, EditorSelection, EditorState, Prec } from '@codemirror/state'
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import { useEffect, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react'

export interface SqlEditorHandle {
  text(): string
  /** The main selection as offsets (from === to for a bare cursor). */
  selection(): { from: number; to: number }
  setText(text: string): void
  focus(): void
}

export interface SqlEditorProps {
  initial: string
  /** Tables and their columns, for completion. */
  schema: SQLNamespace
  dialect: 'sqlite' | 'mysql'
  onChange(text: string): void
  onRun(): void
  /** Ctrl+Up (-1) / Ctrl+Down (+1) through the history. */
  onHistory(step: -1 | 1): void
  ref?: Ref<SqlEditorHandle>
}

/** Colours from the theme's CSS variables, so light and dark both read well. */
const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--sql-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--sql-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--sql-number)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--sql-type)' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--muted)' },
])

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--panel)', color: 'var(--text)' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: '13px', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--row-odd)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--selected) !important' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-placeholder': { color: 'var(--muted)' },
})

/** Enter keeps the line's indentation (the commands package with its keymaps is not installed). */
function newlineKeepIndent(view: EditorView): boolean {
  const { state } = view
  view.dispatch(
    state.changeByRange((range) => {
      const line = state.doc.lineAt(range.from)
      const indent = /^\s*/.exec(line.text)?.[0] ?? ''
      const insert = `\n${indent}`
      return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + insert.length) }
    }),
    { scrollIntoView: true, userEvent: 'input' },
  )
  return true
}

/** CodeMirror 6 with SQL highlighting and completion of the source's tables and columns. */
export function SqlEditor(props: SqlEditorProps): ReactNode {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const language = useRef(new Compartment())
  const latest = useRef(props)
  useEffect(() => {
    latest.current = props
  })

  useEffect(() => {
    if (!host.current) return
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.initial,
        extensions: [
          lineNumbers(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          syntaxHighlighting(highlight),
          placeholder('SELECT … — Ctrl+Enter runs the statement under the cursor'),
          language.current.of(sql({ dialect: latest.current.dialect === 'mysql' ? MySQL : SQLite, schema: latest.current.schema, upperCaseKeywords: true })),
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run: () => (latest.current.onRun(), true) },
              { key: 'Mod-ArrowUp', run: () => (latest.current.onHistory(-1), true) },
              { key: 'Mod-ArrowDown', run: () => (latest.current.onHistory(1), true) },
            ]),
          ),
          keymap.of([...completionKeymap, { key: 'Enter', run: newlineKeepIndent }]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString())
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'SQL editor' }),
          theme,
        ],
      }),
    })
    view.current = v
    return () => {
      v.destroy()
      view.current = null
    }
  }, [])

  // New tables or columns (after a CREATE, a reopen): refresh the completion schema.
  useEffect(() => {
    view.current?.dispatch({
      effects: language.current.reconfigure(sql({ dialect: props.dialect === 'mysql' ? MySQL : SQLite, schema: props.schema, upperCaseKeywords: true })),
    })
  }, [props.schema, props.dialect])

  useImperativeHandle(
    props.ref,
    () => ({
      text: () => view.current?.state.doc.toString() ?? '',
      selection: () => {
        const r = view.current?.state.selection.main
        return { from: r?.from ?? 0, to: r?.to ?? 0 }
      },
      setText: (text) => {
        const v = view.current
        if (!v) return
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text }, selection: { anchor: text.length } })
      },
      focus: () => view.current?.focus(),
    }),
    [],
  )

  return <div className="sql-editor" ref={host} />
}
