/**
 * Essay dates as authors write them: `Thu Mar 14`, `Mar 14`, `Thu Mar 14 2024`,
 * `March 14, 2024`, `14 Mar 2024`, `2024-03-14`.
 *
 * The rule for a date with no year (see docs/decisions/0003-yearless-dates.md):
 * take the most recent day on or before the anchor date (the build day unless set) that has
 * that month and day and, when a weekday is given, falls on that weekday. A weekday pins the
 * year to one in every 5 to 11 years, so for a recent archive the guess is right; the text is
 * always shown as written, the inferred year is used only to sort and filter.
 */

export type DateParse =
  | { ok: true; iso: string; yearInferred: boolean; warning?: string }
  | { ok: false; message: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Written out, not asked of Intl per date: that made a DateTimeFormat for every essay (0.8 s
// of a 10,000-essay build).
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** How far back we look for a matching year: 400 years is one full Gregorian cycle. */
const MAX_YEARS_BACK = 400;

function monthIndex(word: string): number | null {
  const key = word.toLowerCase().slice(0, 3);
  const i = MONTHS.indexOf(key);
  // Accept `Mar`, `March`, `Sept`; reject `Marchx`.
  if (i < 0) return null;
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES[i]!.startsWith(w) || w === 'sept' ? i : null;
}

function weekdayIndex(word: string): number | null {
  const w = word.toLowerCase().replace(/[.,]$/, '');
  const i = WEEKDAYS.indexOf(w.slice(0, 3));
  if (i < 0) return null;
  return WEEKDAY_NAMES[i]!.toLowerCase().startsWith(w) ||
    w === 'tues' ||
    w === 'thur' ||
    w === 'thurs'
    ? i
    : null;
}

function isValidDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day;
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month, day)).getUTCDay();
}

interface Parts {
  weekday: number | null;
  month: number;
  day: number;
  year: number | null;
}

const TRAILING_TIME = /(?<=\d{4}) \d{1,2}:\d{2}(?::\d{2})?(?: ?(?:[+-]\d{4}|GMT|UTC|Z))?$/;
// Jekyll writes `2021-05-06 10:30:00 +0100`: a space may come before the zone.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?$/;
const MONTH_FIRST =
  /^(?:([A-Za-z]+)\.?,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/;
const DAY_FIRST = /^(?:([A-Za-z]+),?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?(?:,?\s+(\d{4}))?$/;

function splitParts(text: string): Parts | null {
  const iso = ISO.exec(text);
  if (iso) return { weekday: null, year: +iso[1]!, month: +iso[2]! - 1, day: +iso[3]! };

  const mf = MONTH_FIRST.exec(text);
  const df = mf ? null : DAY_FIRST.exec(text);
  const [weekdayWord, monthWord, dayText, yearText] = mf
    ? [mf[1], mf[2]!, mf[3]!, mf[4]]
    : df
      ? [df[1], df[3]!, df[2]!, df[4]]
      : [];
  if (!monthWord || !dayText) return null;
  const month = monthIndex(monthWord);
  if (month === null) return null;
  let weekday: number | null = null;
  if (weekdayWord) {
    weekday = weekdayIndex(weekdayWord);
    if (weekday === null) return null;
  }
  return { weekday, month, day: +dayText, year: yearText ? +yearText : null };
}

/** `anchorIso` is `YYYY-MM-DD`: the latest day a yearless date may be placed on. */
export function parseEssayDate(raw: string, anchorIso: string): DateParse {
  const text = raw
    .trim()
    .replace(/\s+/g, ' ')
    // Feeds and mail write "Thu, 14 Mar 2024 10:00:00 +0000": the day is what we keep.
    .replace(TRAILING_TIME, '');
  if (text === '') return { ok: false, message: 'the date is empty' };
  const parts = splitParts(text);
  if (!parts) {
    return {
      ok: false,
      message: `cannot read the date "${raw}"; write it like "Thu Mar 14" or "2024-03-14"`,
    };
  }
  const { weekday, month, day, year } = parts;

  if (year !== null) {
    if (!isValidDay(year, month, day)) {
      return { ok: false, message: `"${raw}" is not a day that exists` };
    }
    const actual = weekdayOf(year, month, day);
    if (weekday !== null && actual !== weekday) {
      return {
        ok: true,
        iso: toIso(year, month, day),
        yearInferred: false,
        warning: `"${raw}" was a ${WEEKDAY_NAMES[actual]}, not a ${WEEKDAY_NAMES[weekday]}; kept as written`,
      };
    }
    return { ok: true, iso: toIso(year, month, day), yearInferred: false };
  }

  // A day that exists in no year (Apr 31) or only in leap years (Feb 29) is handled by the search.
  if (!isValidDay(2000, month, day)) {
    return { ok: false, message: `"${raw}" is not a day that exists` };
  }
  const anchorYear = Number(anchorIso.slice(0, 4));
  for (let y = anchorYear; y > anchorYear - MAX_YEARS_BACK; y--) {
    if (!isValidDay(y, month, day)) continue;
    const iso = toIso(y, month, day);
    if (iso > anchorIso) continue;
    if (weekday === null || weekdayOf(y, month, day) === weekday) {
      return { ok: true, iso, yearInferred: true };
    }
  }
  return {
    ok: false,
    message: `"${raw}": no year has that day on a ${WEEKDAY_NAMES[weekday ?? 0]}`,
  };
}

/** Today's date in UTC as `YYYY-MM-DD`. */
/** The latest moment a Date can hold, in ms since 1970 (ECMAScript's limit). */
const LAST_TIME = 8.64e15;

/** A time in ms since 1970 that a Date can hold and a page can format. */
export function isShowableTime(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LAST_TIME;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The date as a reader sees it: one format for every essay, in the reader's `locale`
 * ("November 13, 2016"), whether the file said `2016-11-13`, `2016-11-13T06:03:24Z` or
 * `November 13, 2016` (a list mixing `2014-05-06` with `July 24, 2013` read as two sites).
 * A date written without a year (`Thu Mar 14`) shows its day and month only: the year it is
 * sorted by was worked out, not written (docs/decisions/0003-yearless-dates.md). The day is
 * the one written, not moved by the reader's time zone.
 */
export function displayDate(date: { iso: string; yearInferred?: boolean }, locale: string): string {
  return date.yearInferred ? displayMonthDay(date.iso, locale) : displayDay(date.iso, locale);
}

const FORMATS: Record<'day' | 'month-day', Intl.DateTimeFormatOptions> = {
  day: { dateStyle: 'long', timeZone: 'UTC' },
  'month-day': { month: 'long', day: 'numeric', timeZone: 'UTC' },
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and format, made once: every list card and essay page shows a
 * date, and making a formatter costs far more than using one (a quarter of the prerender's
 * time at 10,000 essays).
 */
function formatter(locale: string, format: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${locale}\0${format}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, FORMATS[format])));
  return made;
}

/** A `YYYY-MM-DD` day without its year, in the reader's locale ("March 14"). */
function displayMonthDay(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  try {
    return formatter(locale, 'month-day').format(new Date(Date.UTC(y, m - 1, d)));
  } catch {
    return iso.slice(5); // an unknown locale tag
  }
}

/** A `YYYY-MM-DD` day in the reader's locale ("November 13, 2016"). */
export function displayDay(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  try {
    return formatter(locale, 'day').format(new Date(Date.UTC(y, m - 1, d)));
  } catch {
    return iso; // an unknown locale tag
  }
}
