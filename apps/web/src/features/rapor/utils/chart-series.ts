/** One line, bar or radar of a chart: the data key, its legend name and colour. */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  /** A reference (the pemda average): dashed, thin. */
  dashed?: boolean;
}

/** Axis labels dark enough on white (WCAG AA). */
export const axisTick = { fill: '#495057' };

/** The pemda average: the same grey, dashed, on every chart. */
export const averageColor = '#495057';
