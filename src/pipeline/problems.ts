/** A problem found in one essay file. Errors fail the build; warnings are printed. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the essays folder. */
  file: string;
  /** 1-based line in the file, where one applies. */
  line?: number;
  message: string;
}

export const error = (file: string, message: string, line?: number): Problem =>
  line === undefined
    ? { severity: 'error', file, message }
    : { severity: 'error', file, line, message };

export const warning = (file: string, message: string, line?: number): Problem =>
  line === undefined
    ? { severity: 'warning', file, message }
    : { severity: 'warning', file, line, message };

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}: ${p.severity}: ${p.message}`;
}

/** One report for a whole run: every error, then every warning, then a count. */
export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const lines = [...errors, ...warnings].map(formatProblem);
  const files = new Set(errors.map((p) => p.file)).size;
  lines.push(
    `${errors.length} error(s) in ${files} file(s), ${warnings.length} warning(s).` +
      (errors.length
        ? ' Fix the errors above; no essay was dropped, the build stopped instead.'
        : ''),
  );
  return lines.join('\n');
}
