import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
  type Plugin,
} from 'chart.js'

/** Only what the analysis charts draw, so the rest of Chart.js is tree-shaken away. */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, ScatterController, CategoryScale, LinearScale, Title, Tooltip, Legend)

/**
 * Fills the canvas with the theme's panel colour before drawing, so an
 * exported PNG is not transparent (black in many viewers).
 */
export const backgroundPlugin: Plugin = {
  id: 'sonographBackground',
  beforeDraw(chart, _args, options: { color?: string }) {
    const { ctx, width, height } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = options.color ?? '#ffffff'
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  },
}

export { Chart }
