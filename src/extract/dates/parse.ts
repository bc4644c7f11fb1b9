/**
 * Finding calendar dates in text. One combined regular expression scans a text once for every
 * absolute form we know (ISO, numeric d/m/y and m/d/y, day-month-year and month-day-year with
 * month names in ~20 languages, CJK 年月日, Solar Hijri), then a sticky pattern reads an
 * optional time and offset right after the match. chrono-node handles relative and casual
 * forms ("il y a 3 heures", "вчера") in parseDateText; it has no Arabic/Persian numerals or
 * month names, Solar Hijri, nor Spanish/Portuguese/Japanese "ago" forms, which we add here.
 */
import { DIGIT_ZEROS, JALALI_MONTHS, MONTH_NAMES, ZONE_OFFSETS, type MonthTable } from "./months.ts";
import { MAX_FUTURE_MS, MIN_YEAR } from "./patterns.ts";

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** "Z" or "+hh:mm"; absent when the source gave no offset. */
  offset?: string;
}

export interface DateMatch extends DateParts {
  index: number;
  end: number;
}

function monthMap(tables: Iterable<MonthTable>): Map<string, number> {
  const map = new Map<string, number>();
  for (const table of tables) table.forEach((forms, i) => forms.forEach((f) => map.set(f.toLowerCase(), i + 1)));
  return map;
}

const GREGORIAN_MONTHS = monthMap(Object.values(MONTH_NAMES));
const PERSIAN_MONTHS = monthMap([JALALI_MONTHS]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const MONTH_ALT = [...new Set([...GREGORIAN_MONTHS.keys(), ...PERSIAN_MONTHS.keys()])]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");
const L = "\\p{L}\\p{M}";
const MONTH = (name: string) => `(?<![${L}])(?<${name}>${MONTH_ALT})(?![${L}])\\.?`;
const YEAR = (name: string) => `(?<${name}>(?:19|20|13|14)\\d{2})(?!\\d)`;
const DAY = (name: string) => `(?<![\\d.,])(?<${name}>[0-3]?\\d)`;
/** "3.", "3rd", "1er", "3-го", "3º" */
const DAY_SUFFIX = "(?:\\.|º|°|er|st|nd|rd|th|-?го|-?е)?";
const GLUE = "\\s*(?:[/.,\\-]\\s*)?(?:(?:de|del|of|the|den|le)\\s+)?";

/** One alternative per written form; group names carry the form (y/m/d + number). */
const DATE_FORMS: Record<string, string> = {
  isoLike: `(?<![\\d.])(?<y1>(?:19|20)\\d{2})(?<s1>[-/.])(?<m1>[01]?\\d)\\k<s1>(?<d1>[0-3]?\\d)(?!\\d)`,
  numericDmy: `(?<![\\d.])(?<a2>[0-3]?\\d)(?<s2>[./\\-])(?<b2>[01]?\\d|[0-3]\\d)\\k<s2>(?<y2>(?:19|20)\\d{2}|\\d{2})(?![\\d]|\\.\\d)`,
  dayMonthYear: `${DAY("d3")}${DAY_SUFFIX}${GLUE}${MONTH("m3")}(?:\\s*[/(]\\s*(?:${MONTH_ALT})\\)?)?${GLUE}${YEAR("y3")}`,
  monthDayYear: `${MONTH("m4")}\\s*(?<d4>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d)\\s*,?\\s*${YEAR("y4")}`,
  yearMonthDay: `(?<![\\d])(?<y5>(?:19|20)\\d{2})\\.?\\s*(?:m\\.\\s*|,\\s*)?${MONTH("m5")}\\s*(?<d5>[0-3]?\\d)(?!\\d)`,
  cjk: `(?<y6>(?:19|20)\\d{2})\\s*[年년]\\s*(?<m6>[01]?\\d)\\s*[月월]\\s*(?<d6>[0-3]?\\d)\\s*[日일号]?`,
  jalaliNumeric: `(?<![\\d.])(?<y7>1[34]\\d{2})[/\\-](?<m7>[01]?\\d)[/\\-](?<d7>[0-3]?\\d)(?!\\d)`,
};
const DATE_PATTERN = new RegExp(Object.values(DATE_FORMS).join("|"), "giu");

const ZONE_ALT = Object.keys(ZONE_OFFSETS).filter((z) => z.length > 1).join("|");
/** A time right after a date: "T07:31:00+01:00", " - 07:31", ", 7.31 Uhr", " à 07h31", " 7:31 pm EST". */
const TIME_TAIL = new RegExp(
  `(?:\\s*(?:г|р|год|года|року|roku|yılı)\\.?(?![${L}]))?[\\s,|·•@/\\-–—]*(?:t|(?:à|a|um|at|alle|ore|às|as|a las|a la|в|о|kl\\.?|klo|om|o|-)\\s*)?` +
    `(?<h>[0-2]?\\d)(?:[:h](?<mi>[0-5]\\d))(?::(?<s>[0-5]\\d)(?:[.,]\\d+)?)?(?!\\d)` +
    `\\s*(?<ap>[ap]\\.?\\s?m\\.?(?![${L}]))?(?:\\s*(?:uhr|h|ч\\.?)(?![${L}]))?` +
    `\\s*(?:(?<tzn>[+-]\\d{2}:?\\d{2})|(?:utc|gmt)\\s*(?<tzu>[+-]\\s*\\d{1,2}(?::?\\d{2})?)|(?<tzz>z|${ZONE_ALT})(?![${L}]))?`,
  "iuy",
);

const DIGIT_RUNS = DIGIT_ZEROS.map((z) => `\\u${z.toString(16).padStart(4, "0")}-\\u${(z + 9).toString(16).padStart(4, "0")}`);
const FOREIGN_DIGIT = new RegExp(`[${DIGIT_RUNS.join("")}]`, "g");

/** Arabic-Indic, Persian, Devanagari, Bengali and fullwidth digits -> ASCII (same string length). */
export function normalizeDigits(text: string): string {
  return text.replace(FOREIGN_DIGIT, (c) => {
    const code = c.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCDate() === day;
}

const PERSIAN_CALENDAR = new Intl.DateTimeFormat("en-u-ca-persian-nu-latn", {
  timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric",
});

/** Solar Hijri -> Gregorian, by ICU's Persian calendar: estimate, then step until the calendars agree. */
export function jalaliToGregorian(year: number, month: number, day: number): DateParts | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const dayOfYear = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
  const guess = Date.UTC(year + 621, 2, 20) + dayOfYear * 86400000;
  for (const shift of [0, 1, -1, 2, -2]) {
    const t = guess + shift * 86400000;
    const parts = PERSIAN_CALENDAR.formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    if (get("year") === year && get("month") === month && get("day") === day) {
      const g = new Date(t);
      return { year: g.getUTCFullYear(), month: g.getUTCMonth() + 1, day: g.getUTCDate() };
    }
  }
  return undefined;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n + (n < 70 ? 2000 : 1900);
  return n;
}

function fromNamed(dayText: string, monthText: string, yearText: string): DateParts | undefined {
  const name = monthText.toLowerCase();
  const year = Number(yearText);
  const day = Number(dayText);
  if (year < 1500) {
    const month = PERSIAN_MONTHS.get(name);
    return month ? jalaliToGregorian(year, month, day) : undefined;
  }
  const month = GREGORIAN_MONTHS.get(name);
  return month ? { year, month, day } : undefined;
}

function fromGroups(g: Record<string, string | undefined>, dayFirst: boolean): DateParts | undefined {
  if (g.y1) return { year: Number(g.y1), month: Number(g.m1), day: Number(g.d1) };
  if (g.y2) {
    const a = Number(g.a2);
    const b = Number(g.b2);
    const year = fullYear(g.y2);
    // d/m/y unless the numbers say otherwise or the reader writes m/d/y.
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : dayFirst ? [a, b] : [b, a];
    return { year, month, day };
  }
  if (g.m3) return fromNamed(g.d3!, g.m3, g.y3!);
  if (g.m4) return fromNamed(g.d4!, g.m4, g.y4!);
  if (g.m5) return fromNamed(g.d5!, g.m5, g.y5!);
  if (g.y6) return { year: Number(g.y6), month: Number(g.m6), day: Number(g.d6) };
  if (g.y7) return jalaliToGregorian(Number(g.y7), Number(g.m7), Number(g.d7));
  return undefined;
}

function zoneOffset(g: Record<string, string | undefined>): string | undefined {
  const numeric = g.tzn ?? g.tzu?.replace(/\s+/g, "");
  if (numeric) {
    const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(numeric);
    if (!m) return undefined;
    const hh = m[2]!.padStart(2, "0");
    const mm = m[3] ?? "00";
    return hh === "00" && mm === "00" ? "Z" : `${m[1]}${hh}:${mm}`;
  }
  if (g.tzz) return ZONE_OFFSETS[g.tzz.toLowerCase()];
  return undefined;
}

function readTime(text: string, at: number, parts: DateParts): number {
  TIME_TAIL.lastIndex = at;
  const m = TIME_TAIL.exec(text);
  if (!m?.groups) return at;
  const g = m.groups;
  let hour = Number(g.h);
  const minute = Number(g.mi);
  if (g.ap) {
    const pm = g.ap.toLowerCase().startsWith("p");
    if (hour > 12 || hour === 0) return at;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23) return at;
  parts.hour = hour;
  parts.minute = minute;
  if (g.s) parts.second = Number(g.s);
  const offset = zoneOffset(g);
  if (offset) parts.offset = offset;
  return TIME_TAIL.lastIndex;
}

export interface ScanOptions {
  /** Numeric dates are d/m/y unless false (m/d/y, as in US English). */
  dayFirst?: boolean;
  /** Read the time after each date. */
  withTime?: boolean;
  /** Stop after this many dates. */
  limit?: number;
}

/** Every valid absolute date in `text` (digits already normalised), in order of appearance. */
export function scanDates(text: string, opts: ScanOptions = {}): DateMatch[] {
  const found: DateMatch[] = [];
  const limit = opts.limit ?? Infinity;
  for (const [from, to] of digitWindows(text)) {
    // Each window is scanned as a slice: the big pattern never walks the long digit-free stretches of a page.
    const slice = text.slice(from, to);
    DATE_PATTERN.lastIndex = 0;
    for (let m = DATE_PATTERN.exec(slice); m; m = DATE_PATTERN.exec(slice)) {
      const parts = fromGroups(m.groups ?? {}, opts.dayFirst ?? true);
      if (!parts || !isValidDay(parts.year, parts.month, parts.day)) continue;
      const index = from + m.index;
      let end = index + m[0].length;
      if (opts.withTime) end = readTime(text, end, parts);
      found.push({ ...parts, index, end });
      if (found.length >= limit) return found;
    }
  }
  return found;
}

/** Every date holds a digit, and its month name or separators lie within this many characters of one. */
const DIGIT_WINDOW_MARGIN = 64;
const DIGIT = /\d/g;

/** Stretches of text around digits (merged when they touch), where dates can be; the whole text when short. */
function digitWindows(text: string): Array<[number, number]> {
  if (text.length <= 4 * DIGIT_WINDOW_MARGIN) return [[0, text.length]];
  const windows: Array<[number, number]> = [];
  DIGIT.lastIndex = 0;
  for (let m = DIGIT.exec(text); m; m = DIGIT.exec(text)) {
    const from = Math.max(0, m.index - DIGIT_WINDOW_MARGIN);
    const to = Math.min(text.length, m.index + DIGIT_WINDOW_MARGIN);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  return windows;
}

/** A machine-written date (meta content, JSON-LD, datetime attribute, HTTP date). */
export function parseMachineDate(value: string, dayFirst = true): DateParts | undefined {
  const text = normalizeDigits(value.trim());
  if (!text) return undefined;
  // Unix time in seconds or milliseconds.
  if (/^\d{10}(\d{3})?$/.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), offset: "Z" };
  }
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/.exec(text);
  if (compact) {
    const [, y, mo, d, h, mi, s] = compact;
    const parts: DateParts = { year: Number(y), month: Number(mo), day: Number(d) };
    if (h) Object.assign(parts, { hour: Number(h), minute: Number(mi) }, s ? { second: Number(s) } : {});
    return isValidDay(parts.year, parts.month, parts.day) ? parts : undefined;
  }
  const [first] = scanDates(text, { dayFirst, withTime: true, limit: 1 });
  if (!first) return undefined;
  const { index: _i, end: _e, ...parts } = first;
  return parts;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** ISO 8601: the date, plus the time when known, plus the offset when the source gave one. */
export function toIso(p: DateParts): string {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === undefined || p.minute === undefined) return date;
  const time = `${pad(p.hour)}:${pad(p.minute)}${p.second !== undefined ? `:${pad(p.second)}` : ""}`;
  return `${date}T${time}${p.offset ?? ""}`;
}

export function dayKey(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** UTC milliseconds of the instant (or of noon that day when no time is known: a fair middle). */
export function instantOf(p: DateParts): number {
  const base = Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 12, p.minute ?? 0, p.second ?? 0);
  const m = p.offset && p.offset !== "Z" ? /^([+-])(\d{2}):(\d{2})$/.exec(p.offset) : null;
  if (!m) return base;
  const minutes = (Number(m[2]) * 60 + Number(m[3])) * (m[1] === "-" ? -1 : 1);
  return base - minutes * 60000;
}

/** Not before the web (MIN_YEAR), not after now plus a day. */
export function isPlausible(p: DateParts, now: number = Date.now()): boolean {
  if (p.year < MIN_YEAR) return false;
  return Date.UTC(p.year, p.month - 1, p.day) <= now + MAX_FUTURE_MS;
}
