/**
 * Relative dates ("3 hours ago", "hace 3 horas", "昨日") and casual forms, resolved against a
 * reference instant in UTC. chrono-node does the languages it knows (en, fr, de, it, nl, ru, uk,
 * zh...); RELATIVE_FORMS adds what it lacks (Spanish/Portuguese/Japanese "ago", Arabic, Persian).
 */
import * as chrono from "chrono-node";
import type { DateParts } from "./parse.ts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Unit words (regex source) -> length of one unit. */
const UNIT_MS: [RegExp, number][] = [
  [/^(?:segundo|ثاني|ثوان|ثانیه|秒)/i, SECOND],
  [/^(?:minuto|دقيق|دقائق|دقیقه|分)/i, MINUTE],
  [/^(?:hora|ساع|ساعت|時間)/i, HOUR],
  [/^(?:d[ií]a|dia|يوم|أيام|ايام|روز|日)/i, DAY],
  [/^(?:semana|أسبوع|أسابيع|اسبوع|هفته|週間)/i, 7 * DAY],
  [/^(?:mes|mês|شهر|أشهر|ماه|か月|ヶ月|カ月)/i, 30 * DAY],
  [/^(?:año|ano|سنة|سنوات|سال|年)/i, 365 * DAY],
];

/** "<ago-word> N unit" or "N unit <ago-word>", per language; `n` may be absent ("hace una hora"). */
const RELATIVE_FORMS: RegExp[] = [
  /(?:hace|há|ha)\s+(?<n>\d+|una?|um|uma)?\s*(?<unit>segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|mês|meses|años?|anos?)/iu,
  /(?<n>\d+|um|uma)\s+(?<unit>segundos?|minutos?|horas?|dias?|semanas?|mês|meses|anos?)\s+atrás/iu,
  /(?<n>\d+)\s*(?<unit>秒|分|時間|日|週間|か月|ヶ月|カ月|年)前/u,
  /منذ\s+(?<n>\d+)?\s*(?<unit>ثانية|ثوان[يٍ]?|دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|ايام|يومين|أسبوع|اسبوع|أسابيع|شهر|أشهر|سنة|سنوات)/u,
  /(?<n>\d+)\s*(?<unit>ثانیه|دقیقه|ساعت|روز|هفته|ماه|سال)\s*(?:پیش|قبل)/u,
];

/** Words for today / yesterday that chrono lacks (es, pt, ja, ar, fa). */
const DAY_WORDS: [RegExp, number][] = [
  [/(?<![\p{L}])(?:ayer|ontem|昨日|أمس|امس|البارحة|دیروز)(?![\p{L}])/iu, -1],
  [/(?<![\p{L}])(?:hoy|hoje|今日|本日|اليوم|امروز)(?![\p{L}])/iu, 0],
];

const DUAL = /(?:تين|يومين)$/;

function utcParts(ms: number, withTime: boolean): DateParts {
  const d = new Date(ms);
  const parts: DateParts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  if (withTime) Object.assign(parts, { hour: d.getUTCHours(), minute: d.getUTCMinutes(), offset: "Z" });
  return parts;
}

function ownRelative(text: string, reference: Date): DateParts | undefined {
  for (const form of RELATIVE_FORMS) {
    const m = form.exec(text);
    if (!m?.groups) continue;
    const unitWord = m.groups.unit!;
    const unit = UNIT_MS.find(([re]) => re.test(unitWord))?.[1];
    if (!unit) continue;
    const n = m.groups.n && /^\d+$/.test(m.groups.n) ? Number(m.groups.n) : DUAL.test(unitWord) ? 2 : 1;
    return utcParts(reference.getTime() - n * unit, unit < DAY);
  }
  for (const [re, days] of DAY_WORDS) if (re.test(text)) return utcParts(reference.getTime() + days * DAY, false);
  return undefined;
}

const CHRONO_LOCALES: Record<string, chrono.Chrono> = {
  en: chrono.en.casual, fr: chrono.fr.casual, de: chrono.de.casual, es: chrono.es.casual, pt: chrono.pt.casual,
  it: chrono.it.casual, nl: chrono.nl.casual, ru: chrono.ru.casual, uk: chrono.uk.casual, ja: chrono.ja.casual,
  zh: chrono.zh.casual, sv: chrono.sv.casual, fi: chrono.fi.casual, id: chrono.id.casual, vi: chrono.vi.casual,
};
/** Tried in this order when the language is unknown. */
const CHRONO_ORDER = ["en", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "zh", "ja", "sv", "fi"];

function chronoParse(text: string, language: string | undefined, reference: Date): DateParts | undefined {
  const base = language?.toLowerCase().slice(0, 2);
  const order = base && CHRONO_LOCALES[base] ? [base] : CHRONO_ORDER;
  for (const code of order) {
    const [result] = CHRONO_LOCALES[code]!.parse(text, { instant: reference, timezone: "UTC" });
    if (!result) continue;
    const start = result.start;
    const parts: DateParts = { year: start.get("year")!, month: start.get("month")!, day: start.get("day")! };
    if (start.isCertain("hour")) {
      parts.hour = start.get("hour")!;
      parts.minute = start.get("minute") ?? 0;
      if (start.isCertain("second")) parts.second = start.get("second")!;
      if (start.isCertain("timezoneOffset")) {
        const off = start.get("timezoneOffset")!;
        const sign = off < 0 ? "-" : "+";
        const abs = Math.abs(off);
        parts.offset = off === 0 ? "Z" : `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
      }
    }
    return parts;
  }
  return undefined;
}

/** A relative or casual date in `text`, or undefined. */
export function parseRelative(text: string, language: string | undefined, reference: Date): DateParts | undefined {
  return ownRelative(text, reference) ?? chronoParse(text, language, reference);
}
