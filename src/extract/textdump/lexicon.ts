/**
 * The whole vocabulary and every tunable of the text-dump cleaner, in one place.
 * Phrases are generic page furniture in several languages, never strings of one site.
 */

/** Tunables of the line scorer and zone finder; the comments say why each value. */
export const THRESHOLDS = {
  /** A line this long (effective chars) with terminal punctuation reads as a sentence. */
  sentenceMinLength: 40,
  sentenceMinWords: 5,
  /** A line this long is prose whatever its punctuation (run-on paragraphs, CJK text). */
  proseMinLength: 110,
  /** CJK characters carry about a word each: weigh them above one Latin letter. */
  cjkCharWeight: 2.5,
  /** Effective chars per word for scripts written without spaces. */
  cjkCharsPerWord: 2,
  /** Prose has a clause mark (, ; : .) at least every this many words. */
  wordsPerClauseMark: 25,
  /** A line of a few words seen twice in one dump is page furniture (menus repeated in header and footer). */
  repeatsInDocument: 2,
  repeatedMaxWords: 4,
  /** Below this share of letters among non-space characters a line is not text. */
  minLetterShare: 0.5,
  /** Cost of one non-prose line in the body; the k-th line of a run costs base * (1 + k * growth), so menus cost more than a sub-heading. */
  shortLinePenalty: 20,
  runPenaltyGrowth: 0.5,
  /** Past this factor a run is a wall already; bigger numbers would change nothing. */
  runPenaltyMaxFactor: 10,
  /** Segment choice: the article's head is the few lines before its first prose line. */
  headLines: 6,
  /** A date line in the head multiplies the segment's score (comments and teasers have dates too: see below). */
  headDateBonus: 1.5,
  /** A title-like line in the head multiplies it by 1 + weight * (share of the title's content words the segment uses). */
  titleOverlapWeight: 1,
  /** Words this long carry content in alphabetic scripts (a crude, language-free stop-word filter). */
  contentWordMinLength: 5,
  /** A date line between prose lines marks a new item (comment, teaser), not the same article. */
  datePenalty: 400,
  /** Boilerplate costs more than a neutral short line. */
  boilerplatePenalty: 40,
  /** Lines under this effective length count as "short" for repetition rules. */
  shortLineLength: 80,
  /** Corpus: a short line seen in this many other dumps is boilerplate. */
  corpusMinDocsShort: 2,
  /** Corpus: a long line needs more evidence (syndicated stories share real sentences). */
  corpusMinDocsLong: 5,
  corpusMinShareLong: 0.02,
  /** A foreign-script line longer than this is kept (quotes in another language). */
  foreignMaxLength: 60,
  /** Date lines and publisher lines are short. */
  dateLineMaxLength: 80,
  dateLineMaxWords: 12,
  /** A date line longer than this many words is mostly numbers (day, year, hour, minute). */
  dateLineMaxWordsAnyShape: 4,
  dateLineMinNumberShare: 0.25,
  publisherMaxLength: 80,
  /** Title: words, and how far before the body (in lines) it is searched. */
  titleMinWords: 3,
  titleMaxWords: 30,
  titleMinMeanWordLength: 3,
  titleSearchLines: 25,
  /** Sub-heading: at most this many words, and letters mostly. */
  headingMaxWords: 15,
  headingMinLetterShare: 0.75,
} as const;

/** Sentence-final punctuation in many scripts, optionally followed by closing quotes or brackets. */
export const TERMINAL_PUNCTUATION = /[.!?…。！？؟।።]["'”’»)\]]*$/u;
/** A title may end with ? or ! but not with a full stop. */
export const FULL_STOP_END = /[.。]["'”’»)\]]*$/u;

/** Scripts told apart for the "line in a foreign script" rule; Han and kana count as one family (Japanese mixes them). */
export const SCRIPTS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ["Latin", /\p{Script=Latin}/gu],
  ["Cyrillic", /\p{Script=Cyrillic}/gu],
  ["Greek", /\p{Script=Greek}/gu],
  ["Arabic", /\p{Script=Arabic}/gu],
  ["Hebrew", /\p{Script=Hebrew}/gu],
  ["CJK", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["Hangul", /\p{Script=Hangul}/gu],
  ["Devanagari", /\p{Script=Devanagari}/gu],
  ["Bengali", /\p{Script=Bengali}/gu],
  ["Tamil", /\p{Script=Tamil}/gu],
  ["Thai", /\p{Script=Thai}/gu],
  ["Georgian", /\p{Script=Georgian}/gu],
  ["Armenian", /\p{Script=Armenian}/gu],
  ["Ethiopic", /\p{Script=Ethiopic}/gu],
];
/** Scripts written without spaces between words, or with syllable blocks: weigh their characters up. */
export const DENSE_SCRIPTS = new Set(["CJK", "Hangul"]);

/**
 * "Published by X" leads: a short head line starting with one of these names the publisher.
 * Authors ("By X", "Par X") and sources ("Source: AFP") are deliberately absent: they name a
 * person or an agency, not the outlet.
 */
export const PUBLISHER_LEADS: readonly string[] = [
  "published by", "publisher", "publié par", "publiée par", "édité par", "éditeur",
  "publicado por", "publicada por", "editado por", "pubblicato da", "pubblicata da", "editore",
  "veröffentlicht von", "herausgegeben von", "herausgeber", "gepubliceerd door", "uitgegeven door",
  "opublikowane przez", "wydawca", "publicat de", "yayınlayan", "yayıncı",
  "опубликовано", "издатель", "опубліковано", "видавець", "نشر بواسطة", "نشرت بواسطة", "الناشر",
  "発行者", "发布者", "發佈者", "출판사",
];

/** Copyright footers: "© 2022 Acme News. All rights reserved." yields a publisher as a last resort. */
export const COPYRIGHT_LINE = /^(?:©|\(c\)|copyright|copyleft)\s*/iu;
export const RIGHTS_RESERVED = /[.,;]?\s*(all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|tutti i diritti riservati|все права защищены|todos os direitos reservados|جميع الحقوق محفوظة).*$/iu;

/**
 * Words of page furniture (sharing, navigation, ads, subscriptions). A line made only of these
 * words is boilerplate, whatever its order ("Share Tweet", "Print Email").
 */
export const UI_WORDS = new Set([
  // en
  "share", "shares", "tweet", "email", "e-mail", "print", "save", "saved", "copy", "link", "facebook", "twitter",
  "whatsapp", "linkedin", "pinterest", "reddit", "telegram", "messenger", "flipboard", "sms", "x",
  "advertisement", "advertising", "ad", "ads", "sponsored", "promoted", "menu", "search", "close", "open",
  "home", "login", "log", "in", "out", "sign", "up", "register", "subscribe", "subscribed", "newsletter",
  "newsletters", "more", "read", "next", "previous", "prev", "back", "to", "top", "comments", "comment",
  "reply", "follow", "us", "on", "like", "this", "article", "story", "page", "skip", "content", "main",
  "toggle", "navigation", "and", "or", "the", "our", "loading", "video", "photo", "photos", "gallery",
  "view", "show", "hide", "all", "expand", "collapse", "cookie", "cookies", "accept", "settings",
  // fr es pt it de ru
  "partager", "imprimer", "envoyer", "publicité", "fermer", "accueil", "lire", "aussi", "suite",
  "compartir", "imprimir", "publicidad", "cerrar", "inicio", "leer", "más", "compartilhar", "publicidade",
  "condividi", "stampa", "pubblicità", "chiudi", "teilen", "drucken", "werbung", "anzeige", "schließen",
  "поделиться", "печать", "реклама", "закрыть", "главная", "далее",
]);

/** Leads of cross-links and calls to action inside or around a body: the line is furniture. */
export const FURNITURE_LEADS = new RegExp(
  "^(?:" +
    [
      "read more", "read also", "also read", "read next", "see also", "related", "recommended", "more from",
      "click here", "sign up", "subscribe", "follow us", "follow", "advertisement", "sponsored", "share this",
      "image:", "photo:", "image credit", "photo credit", "credit:", "getty images", "watch:", "listen:",
      "lire aussi", "à lire aussi", "voir aussi", "lee también", "leer más", "ver también", "leia também",
      "veja também", "leggi anche", "lesen sie auch", "mehr zum thema", "читайте также", "смотрите также",
    ]
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|") +
    ")\\b",
  "iu",
);

/** Shapes of a date-or-time line when the date parser is unsure: a year, a clock time, d/m/y. */
export const DATE_SHAPE = /(?:\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b)/u;
