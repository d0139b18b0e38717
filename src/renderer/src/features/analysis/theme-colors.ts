import { useEffect, useState } from 'react'

/** Chart colours taken from the app's CSS variables, so charts follow the light/dark theme. */
export interface ThemeColors {
  theme: string
  background: string
  text: string
  muted: string
  grid: string
  danger: string
  palette: string[]
}

const LIGHT_PALETTE = ['#1f6feb', '#d1495b', '#2a9d8f', '#e9a03b', '#7b5ea7', '#5c946e', '#c2607e', '#3d5a80', '#8c6d31', '#17becf', '#9c9ede', '#7f7f7f']
const DARK_PALETTE = ['#58a6ff', '#ff7b88', '#4fd1c5', '#f6c26b', '#b69cf2', '#8fd19e', '#f29bbd', '#8fb3e0', '#d6b56d', '#5fe3f0', '#c8c9f5', '#b0b0b0']

function read(): ThemeColors {
  const root = document.documentElement
  const css = getComputedStyle(root)
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback
  const theme = root.dataset.theme ?? 'light'
  return {
    theme,
    background: v('--panel', '#ffffff'),
    text: v('--text', '#1b1f24'),
    muted: v('--muted', '#5d6673'),
    grid: v('--border', '#d5dae1'),
    danger: v('--danger', '#a40e26'),
    palette: theme === 'dark' ? DARK_PALETTE : LIGHT_PALETTE,
  }
}

/** The current theme's chart colours; re-read when the theme attribute on <html> changes. */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(read)
  useEffect(() => {
    const obs = new MutationObserver(() => setColors(read()))
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => obs.disconnect()
  }, [])
  return colors
}

/** A colour with transparency, for fills (accepts #rrggbb). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return hex
  return `rgba(${parseInt(m[1] ?? '0', 16)}, ${parseInt(m[2] ?? '0', 16)}, ${parseInt(m[3] ?? '0', 16)}, ${alpha})`
}
