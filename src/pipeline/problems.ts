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
  /**
   * A field the seed format has and other generators' files do not (word_count, thread_id,
   * primary_theme…), filled in as expected: said once as a note, not once per file.
   */
  derived?: true;
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

/** A field filled in because the file does not give it: expected outside the seed format. */
export const derived = (file: string, message: string, line: number, group: string): Problem => ({
  ...warning(file, message, line, group),
  derived: true,
});

/** Groups with more files than this are printed as one line. */
const GROUP_AFTER = 3;

/** `a.md:3`, or `a.md` when no line applies. */
const placeOf = (p: Problem) => (p.line === undefined ? p.file : `${p.file}:${p.line}`);

/**
 * Warnings as printed: one line each, or one line for a group many files share, naming how
 * many places in how many files and the first few places. Fields filled in because the files
 * do not give them (an ordinary blog has no word_count anywhere) are one note for all.
 */
export function warningLines(warnings: readonly Problem[]): string[] {
  const groups = new Map<string, Problem[]>();
  for (const w of warnings) if (w.group) groups.set(w.group, [...(groups.get(w.group) ?? []), w]);
  const filesIn = (group: Problem[]) => new Set(group.map((p) => p.file)).size;
  const lines: string[] = [];
  const printed = new Set<string>();
  const derivedGroups: string[] = [];
  for (const w of warnings) {
    const group = w.group ? groups.get(w.group)! : null;
    if (!group || filesIn(group) <= GROUP_AFTER) lines.push(formatProblem(w));
    else if (!printed.has(w.group!)) {
      printed.add(w.group!);
      const files = filesIn(group);
      if (w.derived) {
        derivedGroups.push(`${w.group} (${files} files)`);
        continue;
      }
      const firstPlaces: string[] = [];
      const seen = new Set<string>();
      for (const p of group) {
        if (seen.has(p.file)) continue;
        seen.add(p.file);
        firstPlaces.push(placeOf(p));
        if (firstPlaces.length === GROUP_AFTER) break;
      }
      const places = group.length === files ? '' : `${group.length} places in `;
      lines.push(
        `warning: ${w.group}: ${places}${files} files (${firstPlaces.join(', ')} and ${files - GROUP_AFTER} more files; build-report.txt names every one)`,
      );
    }
  }
  if (derivedGroups.length > 0)
    lines.push(`note: what the files do not say was filled in: ${derivedGroups.join('; ')}`);
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
    // Every place, one line each (the console groups them); filled-in fields as one note.
    ...(warnings.length
      ? [
          ...warnings.filter((w) => !w.derived).map(formatProblem),
          ...warningLines(warnings.filter((w) => w.derived)),
        ].map((l) => `  ${l}`)
      : ['  none']),
    '',
  ].join('\n');
}

/**
 * One report for a whole run: the warnings, then every error, then a count, then (when the
 * build stopped) one line saying what to do, so the last thing on the screen is the answer.
 */
export function formatReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const lines = [...warningLines(warnings), ...errors.map(formatProblem)];
  const files = new Set(errors.map((p) => p.file)).size;
  lines.push(
    `${errors.length} error(s) in ${files} file(s), ${warnings.length} warning(s).` +
      (errors.length ? ' No essay was dropped: the build stopped instead.' : ''),
  );
  if (errors.length) lines.push(`hint: ${failureHint(errors)}`);
  return lines.join('\n');
}

/** The most likely way out, for the error most files share; always how to build the rest. */
export function failureHint(errors: readonly Problem[]): string {
  const count = (pattern: RegExp) => errors.filter((e) => pattern.test(e.message)).length;
  const rest = 'or build the rest with ESSAYS_ON_PROBLEM=skip (each such file listed as left out)';
  const causes: [number, string][] = [
    [
      count(/^the title is missing/),
      'if your files name the title another way (e.g. `newstitle:`), say so in essays.config.json: {"fields": {"title": "newstitle"}} (README, "Coming from another generator"); ' +
        'a notes vault takes titles from headings and file names with {"notes": true}',
    ],
    [
      count(/^has no front matter/),
      'a notes vault (Obsidian, plain Markdown notes)? Put {"notes": true} in essays.config.json: notes then need no front matter',
    ],
    [
      count(/cannot read the date|the date is missing/),
      'dates are read as `2024-03-14`, `March 14, 2024`, `Thu Mar 14` or a timestamp; or name the key your files use: {"fields": {"date": "published"}} in essays.config.json',
    ],
  ];
  const [n, best] = causes.reduce((a, b) => (b[0] > a[0] ? b : a));
  return n > 0 ? `${best}; ${rest}.` : `fix the errors listed above, ${rest}.`;
}
