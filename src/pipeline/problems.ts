/** A problem found in one essay file. Errors fail the build; warnings are printed. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Path relative to the essays folder. */
  file: string;
  /** 1-based line in the file, where one applies. */
  line?: number;
  message: string;
  /**
   * The message without this file's particulars, shared by every file it applies to: a
   * Jekyll archive has no word_count anywhere, and one line says so better than 366.
   */
  group?: string;
}

export const error = (file: string, message: string, line?: number): Problem =>
  line === undefined
    ? { severity: 'error', file, message }
    : { severity: 'error', file, line, message };

export const warning = (file: string, message: string, line?: number, group?: string): Problem => ({
  severity: 'warning',
  file,
  ...(line === undefined ? {} : { line }),
  message,
  ...(group === undefined ? {} : { group }),
});

/** Groups with more files than this are printed as one line. */
const GROUP_AFTER = 3;

/** Warnings as printed: one line each, or one line for a group that many files share. */
export function warningLines(warnings: readonly Problem[]): string[] {
  const groups = new Map<string, Problem[]>();
  for (const w of warnings) if (w.group) groups.set(w.group, [...(groups.get(w.group) ?? []), w]);
  const lines: string[] = [];
  const printed = new Set<string>();
  for (const w of warnings) {
    const group = w.group ? groups.get(w.group)! : null;
    if (!group || group.length <= GROUP_AFTER) lines.push(formatProblem(w));
    else if (!printed.has(w.group!)) {
      printed.add(w.group!);
      const names = group.slice(0, GROUP_AFTER).map((p) => p.file);
      lines.push(
        `warning: ${w.group}: ${group.length} files (${names.join(', ')} and ${group.length - GROUP_AFTER} more)`,
      );
    }
  }
  return lines;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}: ${p.severity}: ${p.message}`;
}

/**
 * `build-report.txt`, published with the site: what was built, what was left out and why,
 * and every warning, so whoever deploys can see it without the build's console.
 */
export function buildReport(
  built: number,
  leftOut: readonly { file: string; reason: string }[],
  problems: readonly Problem[],
): string {
  const warnings = problems.filter((p) => p.severity === 'warning');
  return [
    `Built ${built} essay(s).`,
    '',
    `Left out (${leftOut.length}):`,
    ...(leftOut.length ? leftOut.map((l) => `  ${l.file}: ${l.reason}`) : ['  none']),
    '',
    `Warnings (${warnings.length}):`,
    ...(warnings.length ? warningLines(warnings).map((l) => `  ${l}`) : ['  none']),
    '',
  ].join('\n');
}

/** One report for a whole run: every error, then every warning, then a count. */
export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const lines = [...errors.map(formatProblem), ...warningLines(warnings)];
  const files = new Set(errors.map((p) => p.file)).size;
  lines.push(
    `${errors.length} error(s) in ${files} file(s), ${warnings.length} warning(s).` +
      (errors.length
        ? ' Fix the errors above; no essay was dropped, the build stopped instead.'
        : ''),
  );
  return lines.join('\n');
}
