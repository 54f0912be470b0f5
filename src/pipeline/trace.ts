/**
 * PIPELINE_TRACE=1 prints when each stage and emitter ends and the process's memory then,
 * to stderr: how the 100,000-essay build's peak was found (docs/decisions/0017). Off by
 * default; a build prints nothing more.
 */
const on = process.env.PIPELINE_TRACE === '1';
const started = performance.now();

export function trace(label: string): void {
  if (!on) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const gib = (process.memoryUsage().rss / 2 ** 30).toFixed(2);
  process.stderr.write(`[pipeline] ${seconds} s  rss ${gib} GiB  ${label}\n`);
}
