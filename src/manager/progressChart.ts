/**
 * A trainee's progress as a line chart: the overall score and each headline dimension over their
 * attempts, drawn by uPlot (small, fast, canvas). Loaded only when a trainee is opened. The chart is
 * a picture for sighted managers; the table beside it says the same to everyone (the chart is hidden
 * from assistive technology and the table is not).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** One line of the chart: its name, colour, dash and a score per attempt (null: not scored). */
export interface ProgressLine {
  readonly label: string;
  readonly color: string;
  readonly dash: readonly number[];
  readonly values: readonly (number | null)[];
}

/** Draws (or redraws) the chart into `root`, sized to it; returns a function that removes it. */
export function drawProgress(
  root: HTMLElement,
  attemptLabels: readonly string[],
  lines: readonly ProgressLine[],
): () => void {
  root.replaceChildren();
  const x = attemptLabels.map((_, i) => i + 1);
  const chart = new uPlot(
    {
      width: Math.max(280, root.clientWidth),
      height: 260,
      // The attempt number along the bottom, scores 0–100 up the side.
      scales: { x: { time: false, range: [0.75, x.length + 0.25] }, y: { range: [0, 100] } },
      axes: [
        // One tick per attempt, never between two.
        { splits: () => x, values: (_, ticks) => ticks.map(String), stroke: 'currentColor' },
        { stroke: 'currentColor' },
      ],
      series: [
        { label: '#', value: (_, i) => (i === null ? '' : (attemptLabels[i - 1] ?? '')) },
        ...lines.map((line) => ({
          label: line.label,
          stroke: line.color,
          width: 2,
          dash: [...line.dash],
          spanGaps: true,
          points: { size: 7 },
        })),
      ],
      cursor: { drag: { x: false, y: false } },
    },
    [x, ...lines.map((line) => line.values.map((v) => v ?? null))] as uPlot.AlignedData,
    root,
  );
  const resize = new ResizeObserver(() =>
    chart.setSize({ width: Math.max(280, root.clientWidth), height: 260 }),
  );
  resize.observe(root);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}
