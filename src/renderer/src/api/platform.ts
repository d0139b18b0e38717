import { AppError } from '../../../shared/errors'
import { BRIDGE_UPLOAD_PATH } from '../../../shared/bridge-protocol'
import { api } from './client'

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface PickedFile {
  /** A path the main process can open. */
  path: string
  name: string
}

/**
 * Choosing a file differs by transport: Electron shows the native dialog and
 * returns a path; in a browser the chosen file is streamed to the bridge, which
 * keeps it on disk and gives back its path there.
 */
export async function pickFile(title: string, filters: FileFilter[]): Promise<PickedFile | null> {
  if (window.sonograph) {
    const path = await window.sonograph.dialog({ kind: 'open', title, filters })
    return path ? { path, name: path.split(/[\\/]/).pop() ?? path } : null
  }
  const file = await chooseBrowserFile(filters)
  if (!file) return null
  return uploadFile(file)
}

export async function uploadFile(file: File, onProgress?: (sent: number, total: number) => void): Promise<PickedFile> {
  onProgress?.(0, file.size)
  const res = await fetch(`${BRIDGE_UPLOAD_PATH}?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    body: file,
    headers: { 'content-type': 'application/octet-stream' },
  })
  if (!res.ok) throw new AppError('IO_ERROR', `Upload of ${file.name} failed: ${await res.text()}`, { file: file.name })
  const { uploadId } = (await res.json()) as { uploadId: string }
  onProgress?.(file.size, file.size)
  const { path } = await api.call('uploads.path', { uploadId })
  return { path, name: file.name }
}

function chooseBrowserFile(filters: FileFilter[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
    input.style.display = 'none'
    input.dataset.testid = 'file-picker'
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null)
      input.remove()
    })
    input.addEventListener('cancel', () => {
      resolve(null)
      input.remove()
    })
    document.body.appendChild(input)
    input.click()
  })
}

/**
 * Where to save an output. Electron: the native save dialog. Browser: the
 * output is written on the bridge's machine, at a path the user confirms.
 */
export async function chooseSavePath(title: string, defaultName: string, filters: FileFilter[]): Promise<string | null> {
  if (window.sonograph) return window.sonograph.dialog({ kind: 'save', title, defaultName, filters })
  const { exportDir } = await api.call('app.info', {})
  return askPath(title, defaultName.startsWith('/') ? defaultName : `${exportDir}/${defaultName}`)
}

/** Set by the shell: an in-window dialog that asks for a path on the bridge's machine. */
let pathPrompt: ((title: string, defaultValue: string) => Promise<string | null>) | null = null
export function registerPathPrompt(fn: typeof pathPrompt): void {
  pathPrompt = fn
}
function askPath(title: string, defaultValue: string): Promise<string | null> {
  if (!pathPrompt) return Promise.resolve(null)
  return pathPrompt(title, defaultValue)
}

/** Saves bytes made in the window (a PNG or SVG) through the browser's download, or a native dialog path. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A path main can open for a file dropped on the window: its own path in Electron, an upload in a browser. */
export async function droppedFilePath(file: File): Promise<PickedFile> {
  if (window.sonograph) return { path: window.sonograph.pathForFile(file), name: file.name }
  return uploadFile(file)
}
