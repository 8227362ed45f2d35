import { HorizontalBarChartWithAxis, VerticalBarChart } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Count } from '../api.js';

/**
 * Charts of the "Is it working?" figures (@fluentui/react-charts: Fluent UI v9's own charts, so they
 * take the Teams theme from the FluentProvider). This module is only imported by the lazily loaded
 * impact view, so hosts opening the register never download d3.
 *
 * A chart draws only the numbers that are shown. A suppressed count is never drawn as a bar (a bar of
 * 0 or of any length would say something the figure does not): it is listed under the chart in words,
 * and the table beside every chart gives every figure, suppressed ones as "fewer than 5" or "hidden".
 *
 * The table is the accessible form of each chart, so the drawing itself is inert: screen readers read
 * the table once rather than every bar again, and the keyboard does not stop on each bar.
 */

const useStyles = makeStyles({
  chart: { minWidth: 0, maxWidth: '100%', overflow: 'hidden' },
  notDrawn: { color: tokens.colorNeutralForeground2, margin: '4px 0 0' },
});

/** Bars in the theme's brand colour (a token, so it follows light, dark and high contrast). */
const BAR_COLOUR = tokens.colorBrandBackground;

export interface ChartRow {
  readonly label: string;
  readonly count: Count;
}

/** One bar per shown count, in the table's order (the first at the top). */
export function CountChart({ rows }: { rows: readonly ChartRow[] }) {
  const styles = useStyles();
  const drawn = rows.flatMap(({ label, count }) =>
    'value' in count ? [{ label, value: count.value, text: count.text }] : [],
  );
  const height = 48 + 28 * drawn.length;
  return (
    <div className={styles.chart}>
      {drawn.some((row) => row.value > 0) && (
        <Drawing height={height}>
          {(width) => {
            // Room for the labels, up to 40% of the panel; a longer label is shortened (the table has it in full).
            const room = Math.min(16 + LABEL_CHAR_PX * Math.max(...drawn.map((row) => row.label.length)), width * 0.4);
            return (
              <HorizontalBarChartWithAxis
                data={[...drawn].reverse().map(({ label, value, text }) => ({
                  y: shortened(label, Math.floor((room - 16) / LABEL_CHAR_PX)),
                  x: value,
                  barLabel: text,
                }))}
                height={height}
                width={width}
                margins={{ top: 8, bottom: 32, left: room, right: 32 }}
                barHeight={16}
                useSingleColor
                colors={[BAR_COLOUR]}
                hideLegend
                hideTooltip
              />
            );
          }}
        </Drawing>
      )}
      <NotDrawn rows={rows} />
    </div>
  );
}

/** Roughly the width of one character of an axis label (the library draws them at 10px, semibold). */
const LABEL_CHAR_PX = 6.5;

function shortened(label: string, characters: number): string {
  return label.length <= characters ? label : `${label.slice(0, Math.max(characters - 1, 1)).trimEnd()}\u2026`;
}

const TREND_HEIGHT = 240;

/** One figure quarter by quarter, to show whether reach is improving. */
export function TrendChart({ legend, points }: { legend: string; points: readonly ChartRow[] }) {
  const styles = useStyles();
  const drawn = points.flatMap(({ label, count }) =>
    'value' in count ? [{ label, value: count.value, text: count.text }] : [],
  );
  return (
    <div className={styles.chart}>
      {drawn.some((point) => point.value > 0) && (
        <Drawing height={TREND_HEIGHT}>
          {(width) => (
            <VerticalBarChart
              width={width}
              data={drawn.map(({ label, value, text }) => ({ x: label, y: value, legend, barLabel: text }))}
              height={TREND_HEIGHT}
              barWidth="auto"
              maxBarWidth={56}
              xAxisInnerPadding={0.4}
              xAxisOuterPadding={0.2}
              useSingleColor
              colors={[BAR_COLOUR]}
              hideLegend
              hideTooltip
            />
          )}
        </Drawing>
      )}
      <NotDrawn rows={points} />
    </div>
  );
}

/**
 * The drawing: inert and hidden from assistive technology (the table is its accessible form), given a
 * height (react-charts otherwise measures its parent) and its own measured width, redrawn on resize.
 */
function Drawing({ height, children }: { height: number; children: (width: number) => ReactNode }) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return (
    <div ref={setElement} aria-hidden="true" inert style={{ height }}>
      {width > 0 && children(width)}
    </div>
  );
}

function NotDrawn({ rows }: { rows: readonly ChartRow[] }) {
  const styles = useStyles();
  const hidden = rows.filter((row) => !('value' in row.count));
  if (hidden.length === 0) return null;
  return (
    <p className={styles.notDrawn}>
      Not drawn, to protect privacy: {hidden.map((row) => `${row.label} (${row.count.text})`).join('; ')}.
    </p>
  );
}
