/** Small helpers for benchmark scripts: percentiles, a table, budget verdicts. */

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export interface Verdict {
  name: string;
  value: number;
  budget: number;
  unit: string;
  /** true when lower is better (latency, bytes); false when higher is better (hit rates). */
  lowerIsBetter?: boolean;
}

const verdicts: Verdict[] = [];

export function check(v: Verdict): void {
  verdicts.push(v);
}

export function ms(x: number): string {
  return `${x.toFixed(x < 10 ? 2 : 1)} ms`;
}

export function printVerdicts(): boolean {
  let ok = true;
  console.log('\nBudgets');
  for (const v of verdicts) {
    const lower = v.lowerIsBetter ?? true;
    const pass = lower ? v.value <= v.budget : v.value >= v.budget;
    ok &&= pass;
    const fmt = (x: number) =>
      v.unit === 'ms' ? ms(x) : `${Number.isInteger(x) ? x : x.toFixed(1)} ${v.unit}`;
    console.log(
      `  ${pass ? 'ok  ' : 'OVER'}  ${v.name}: ${fmt(v.value)} (budget ${lower ? '<=' : '>='} ${fmt(v.budget)})`,
    );
  }
  return ok;
}

export function table(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(cols));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c]))));
}

/**
 * Figures by archive size, for the one table `npm run bench -- scale` prints at the end:
 * each bench records its headline figures here as it goes.
 */
const figures = new Map<string, Map<number, string>>();

export function record(count: number, name: string, value: string): void {
  let row = figures.get(name);
  if (!row) figures.set(name, (row = new Map()));
  row.set(count, value);
}

export function printFigures(title: string, counts: readonly number[]): void {
  if (figures.size === 0) return;
  console.log(`\n${title}`);
  table(
    [...figures].map(([name, row]) => ({
      figure: name,
      ...Object.fromEntries(
        counts.map((c) => [`${c.toLocaleString('en')} essays`, row.get(c) ?? '—']),
      ),
    })),
  );
}
