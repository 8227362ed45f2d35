/**
 * A tiny benchmark harness. Every figure is printed as a ratio against a baseline measured in the same
 * run on the same machine, so results compare across machines; absolute times are shown for context only.
 */
export interface Measurement {
  readonly label: string;
  readonly operations: number;
  readonly milliseconds: number;
}

export interface Comparison {
  readonly name: string;
  readonly baseline: Measurement;
  readonly subject: Measurement;
  /** What the ratio means, e.g. "cost of a bot turn relative to a database ping". */
  readonly meaning: string;
}

/** A size, for figures that are bytes rather than time (what a page load transfers). */
export interface Size {
  readonly label: string;
  readonly bytes: number;
}

export interface SizeComparison {
  readonly name: string;
  readonly baseline: Size;
  readonly subject: Size;
  readonly meaning: string;
}

/** A count, for figures that are requests rather than time (what a page asks of the database). */
export interface Count {
  readonly label: string;
  readonly count: number;
  readonly unit: string;
}

export interface CountComparison {
  readonly name: string;
  readonly baseline: Count;
  readonly subject: Count;
  readonly meaning: string;
}

export interface Benchmark {
  readonly name: string;
  run(): Promise<Array<Comparison | SizeComparison | CountComparison>>;
}

/** Runs `operation` `count` times (after a short warm-up) with up to `concurrency` in flight. */
export async function measure(
  label: string,
  count: number,
  operation: (index: number) => Promise<unknown>,
  concurrency = 1,
): Promise<Measurement> {
  for (let index = 0; index < Math.min(5, count); index += 1) await operation(-1 - index);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await operation(index);
      }
    }),
  );
  return { label, operations: count, milliseconds: performance.now() - started };
}

export function perOperation(measurement: Measurement): number {
  return measurement.milliseconds / measurement.operations;
}

export function formatComparison(comparison: Comparison | SizeComparison | CountComparison): string {
  if ('bytes' in comparison.baseline) return formatSizes(comparison as SizeComparison);
  if ('count' in comparison.baseline) return formatCounts(comparison as CountComparison);
  return formatTimes(comparison as Comparison);
}

function formatTimes(comparison: Comparison): string {
  const ratio = perOperation(comparison.subject) / perOperation(comparison.baseline);
  return [
    `${comparison.name}: ${ratio.toFixed(2)}× the baseline (${comparison.meaning})`,
    `    baseline  ${comparison.baseline.label}: ${perOperation(comparison.baseline).toFixed(2)} ms/op over ${comparison.baseline.operations}`,
    `    subject   ${comparison.subject.label}: ${perOperation(comparison.subject).toFixed(2)} ms/op over ${comparison.subject.operations}`,
  ].join('\n');
}

function formatSizes(comparison: SizeComparison): string {
  const kilobytes = (size: Size) => `${(size.bytes / 1024).toFixed(1)} KB`;
  return [
    `${comparison.name}: ${(comparison.subject.bytes / comparison.baseline.bytes).toFixed(2)}× the baseline (${comparison.meaning})`,
    `    baseline  ${comparison.baseline.label}: ${kilobytes(comparison.baseline)}`,
    `    subject   ${comparison.subject.label}: ${kilobytes(comparison.subject)}`,
  ].join('\n');
}

function formatCounts(comparison: CountComparison): string {
  return [
    `${comparison.name}: ${(comparison.subject.count / comparison.baseline.count).toFixed(2)}× the baseline (${comparison.meaning})`,
    `    baseline  ${comparison.baseline.label}: ${comparison.baseline.count} ${comparison.baseline.unit}`,
    `    subject   ${comparison.subject.label}: ${comparison.subject.count} ${comparison.subject.unit}`,
  ].join('\n');
}
