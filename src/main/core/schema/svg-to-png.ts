import { existsSync } from 'node:fs'
import { AppError } from '../../../shared/errors'

export const CHROMIUM_PATH = process.env.SONOGRAPH_CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
/** Chromium will not paint a surface larger than this on either side. */
const MAX_SIDE_PX = 16_384

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH)
}

/**
 * Rasterises an SVG with headless Chromium (no native canvas is installed): the
 * page is sized to the SVG, `deviceScaleFactor` gives 2x/4x, and
 * `omitBackground` keeps transparency. Returns the PNG bytes.
 */
export async function svgToPng(svg: string, width: number, height: number, opts: { scale?: number; transparent?: boolean } = {}): Promise<Buffer> {
  const scale = opts.scale ?? 1
  if (!chromiumAvailable()) {
    throw new AppError('UNSUPPORTED', `PNG export needs Chromium at ${CHROMIUM_PATH} (set SONOGRAPH_CHROMIUM to another path), or export SVG instead`, {
      file: CHROMIUM_PATH,
    })
  }
  if (width * scale > MAX_SIDE_PX || height * scale > MAX_SIDE_PX) {
    throw new AppError('BAD_ARGUMENT', `The diagram would be ${Math.ceil(width * scale)}x${Math.ceil(height * scale)} px, over Chromium's ${MAX_SIDE_PX} px limit; use a smaller --scale, --collapsed, or SVG`, {
      field: 'scale',
    })
  }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ viewport: { width: Math.ceil(width), height: Math.ceil(height) }, deviceScaleFactor: scale })
    const page = await context.newPage()
    const bg = opts.transparent ? 'transparent' : '#ffffff'
    await page.setContent(`<!doctype html><html><head><style>html,body{margin:0;padding:0;background:${bg}}svg{display:block}</style></head><body>${svg}</body></html>`)
    return await page.screenshot({ type: 'png', omitBackground: !!opts.transparent, clip: { x: 0, y: 0, width: Math.ceil(width), height: Math.ceil(height) } })
  } finally {
    await browser.close()
  }
}
