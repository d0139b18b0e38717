export type ThemeChoice = 'light' | 'dark' | 'system'
const KEY = 'sonograph.theme'

export function loadTheme(): ThemeChoice {
  const v = localStorage.getItem(KEY)
  return v === 'light' || v === 'dark' || v === 'system' ? v : 'system'
}

/** Applies the theme to <html data-theme>; 'system' follows the OS setting. */
export function applyTheme(choice: ThemeChoice): void {
  localStorage.setItem(KEY, choice)
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
  document.documentElement.dataset.themeChoice = choice
}

const ZOOM_KEY = 'sonograph.zoom'
export function loadZoom(): number {
  const z = Number(localStorage.getItem(ZOOM_KEY))
  return Number.isFinite(z) && z >= 0.5 && z <= 2 ? z : 1
}
export function applyZoom(z: number): number {
  const clamped = Math.round(Math.min(2, Math.max(0.5, z)) * 10) / 10
  localStorage.setItem(ZOOM_KEY, String(clamped))
  document.documentElement.style.setProperty('zoom', String(clamped))
  return clamped
}
