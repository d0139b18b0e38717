import { useEffect, useRef, type ReactNode } from 'react'

/** A modal dialog on the native <dialog> element: focus trap, Escape closes. */
export function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }): ReactNode {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])
  return (
    <dialog ref={ref} className={`modal ${wide ? 'wide' : ''}`} aria-label={title} onCancel={(e) => (e.preventDefault(), onClose())}>
      <header className="modal-header">
        <h2>{title}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close dialog">
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  )
}
