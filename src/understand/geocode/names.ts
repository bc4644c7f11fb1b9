import { stripCombiningMarks } from "../../letters.ts";
/**
 * Geocode step: turning a place name as written into lookup keys. Normalisation (case, diacritics,
 * apostrophes, Arabic letter variants) and small, named rewriting rules (Russian/Ukrainian case
 * endings, French/Spanish/English articles and designators like "la région de", "Oblast").
 * A rewrite is only ever a guess: the caller keeps it only when the result is a known place.
 */

/** Letters NFKD leaves alone that readers treat as their base letter. */
const FOLDED_LETTERS: Record<string, string> = {
  ß: "ss", ł: "l", ø: "o", đ: "d", ð: "d", æ: "ae", œ: "oe", ı: "i", þ: "th", ħ: "h",
};

/** Arabic letter variants written interchangeably in news (hamza-carrying alefs, alef maqsura, teh marbuta). */
const ARABIC_VARIANTS: Record<string, string> = {
  "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": "",
};

const APOSTROPHES = /['’ʼʻ`´‘ʹ]/g;
const SEPARATORS = /[\s\-‐‑‒–—_/,;:()"«»“”„·.]+/gu;

/** The lookup key of a name: lower case, no diacritics or apostrophes, words separated by one space. */
export function nameKey(text: string): string {
  let s = stripCombiningMarks(text.normalize("NFKD")).toLowerCase();
  s = s.replace(/[ßłøđðæœıþħ]/g, (c) => FOLDED_LETTERS[c] ?? c);
  s = s.replace(/[أإآٱىةـ]/g, (c) => ARABIC_VARIANTS[c] ?? c);
  s = s.replace(APOSTROPHES, "").replace(SEPARATORS, " ");
  return s.trim();
}

/**
 * Case endings of Russian and Ukrainian nouns (locative, genitive, dative, instrumental) mapped to
 * the nominative endings they may come from. Tried on the last word only, longest ending first.
 */
export const SLAVIC_CASE_ENDINGS: ReadonlyArray<{ rule: string; ending: string; nominative: string[] }> = [
  { rule: "ru-uk-ii-to-iya", ending: "ии", nominative: ["ия"] }, // России -> Россия
  { rule: "uk-ii-to-iya", ending: "ії", nominative: ["ія"] }, // Росії -> Росія
  { rule: "ru-adjective-region", ending: "ская", nominative: [""] }, // Белгородская (область) -> Белгород
  { rule: "ru-adjective-region", ending: "ской", nominative: [""] },
  { rule: "ru-adjective-region", ending: "скую", nominative: [""] },
  { rule: "ru-adjective-region", ending: "цкая", nominative: ["цк"] }, // Донецкая -> Донецк
  { rule: "uk-adjective-region", ending: "ська", nominative: [""] }, // Харківська -> Харків
  { rule: "uk-adjective-region", ending: "ської", nominative: [""] },
  { rule: "uk-adjective-region", ending: "ській", nominative: [""] },
  { rule: "uk-adjective-region", ending: "цька", nominative: ["цьк"] }, // Донецька -> Донецьк
  { rule: "ru-instrumental", ending: "ом", nominative: [""] }, // Киевом -> Киев
  { rule: "ru-instrumental", ending: "ем", nominative: ["", "ь"] },
  { rule: "ru-instrumental", ending: "ой", nominative: ["а"] }, // Москвой -> Москва
  { rule: "uk-instrumental", ending: "ою", nominative: ["а"] },
  { rule: "ru-locative", ending: "е", nominative: ["", "а", "я", "ь"] }, // Минске -> Минск, Москве -> Москва
  { rule: "ru-uk-genitive", ending: "а", nominative: [""] }, // Киева -> Киев, Києва -> Києв (-> Київ)
  { rule: "ru-genitive", ending: "ы", nominative: ["а"] }, // Москвы -> Москва
  { rule: "ru-genitive-locative", ending: "и", nominative: ["а", "ь", "я", ""] }, // Праги -> Прага, Казани -> Казань
  { rule: "uk-locative", ending: "і", nominative: ["", "а", "ь"] }, // Києві -> Києв, Одесі -> Одеса
  { rule: "ru-uk-dative", ending: "у", nominative: ["", "а"] }, // Киеву -> Киев, Москву -> Москва
  { rule: "ru-uk-dative", ending: "ю", nominative: ["я", "ь"] },
];

/**
 * Ukrainian closed-syllable alternation: the nominative has і/ї where other cases have о/е/є
 * (Київ ~ Києва, Львів ~ Львова, Харків ~ Харкова). Applied to a stem's last vowel.
 */
export const UKRAINIAN_I_ALTERNATION: Record<string, string> = { "о": "і", "е": "і", "є": "ї" };

/** Words that may precede a place name and are not part of it (prepositions, articles), by language. */
export const LEADING_FUNCTION_WORDS = new Set([
  // Russian / Ukrainian / Belarusian prepositions
  "в", "во", "у", "из", "із", "з", "под", "під", "до", "на", "к", "от", "від", "для", "над", "около", "біля",
  // French
  "à", "a", "au", "aux", "en", "de", "du", "des", "d", "l", "le", "la", "les",
  // Spanish / Portuguese / Italian
  "el", "los", "las", "del", "em", "no", "na", "do", "da", "di", "il",
  // English / German
  "the", "of", "in", "im", "nach", "aus", "von",
]);

/**
 * Designator words naming a kind of place ("la région de Belgorod", "Belgorod Oblast", "city of X").
 * `region` ones make a region the preferred reading of what remains.
 */
export const DESIGNATOR_WORDS: Record<string, "region" | "city"> = {
  region: "region", région: "region", región: "region", regione: "region", região: "region", regio: "region",
  oblast: "region", óblast: "region", province: "region", provincia: "region", província: "region",
  state: "region", estado: "region", état: "region", governorate: "region", gouvernorat: "region", krai: "region",
  kray: "region", republic: "region", département: "region", departamento: "region", prefecture: "region",
  county: "region", comté: "region", condado: "region", district: "region",
  область: "region", области: "region", області: "region", край: "region", края: "region", краю: "region",
  республика: "region", республики: "region", регион: "region", региона: "region", регіон: "region",
  city: "city", ville: "city", ciudad: "city", cidade: "city", città: "city", stadt: "city", town: "city",
  город: "city", города: "city", городе: "city", г: "city", місто: "city", міста: "city", місті: "city", м: "city",
};

/** One way of reading a written name: the key to look up and what rewriting produced it. */
export interface NameReading {
  key: string;
  /** Names of the rules applied, empty for the name as written. */
  rules: string[];
  /** A designator said which kind of place is meant. */
  designator?: "region" | "city";
}

const WORD_SPLIT = /\s+/;

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;

/**
 * Readings of a written name, most literal first: as written; without leading prepositions,
 * articles and designators; without trailing designators; with Slavic case endings undone.
 */
export function readingsOf(text: string): NameReading[] {
  const readings: NameReading[] = [];
  const seen = new Set<string>();
  const add = (key: string, rules: string[], designator?: "region" | "city") => {
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    readings.push({ key, rules, designator });
  };

  const literal = nameKey(text);
  add(literal, []);

  // Strip function words and designators from both ends (NFC lower case so Cyrillic й/ї survive for endings).
  const surface = text.normalize("NFC").toLowerCase().replace(APOSTROPHES, " ").replace(SEPARATORS, " ").trim();
  let words = surface.split(WORD_SPLIT).filter((w) => w !== "");
  const rules: string[] = [];
  let designator: "region" | "city" | undefined;
  while (words.length > 1 && (LEADING_FUNCTION_WORDS.has(words[0]!) || DESIGNATOR_WORDS[words[0]!])) {
    designator ??= DESIGNATOR_WORDS[words[0]!];
    words = words.slice(1);
    if (!rules.includes("strip-leading")) rules.push("strip-leading");
  }
  while (words.length > 1 && DESIGNATOR_WORDS[words[words.length - 1]!]) {
    designator ??= DESIGNATOR_WORDS[words[words.length - 1]!];
    words = words.slice(0, -1);
    if (!rules.includes("strip-designator")) rules.push("strip-designator");
  }
  add(nameKey(words.join(" ")), [...rules], designator);

  // Undo a case ending on the last word (and the alternation it may reveal).
  if (CYRILLIC_LETTER.test(words[words.length - 1] ?? "")) {
    const last = words[words.length - 1]!;
    const head = words.slice(0, -1);
    for (const { rule, ending, nominative } of SLAVIC_CASE_ENDINGS) {
      if (!last.endsWith(ending) || last.length - ending.length < 2) continue;
      const stem = last.slice(0, -ending.length);
      for (const end of nominative) {
        const word = stem + end;
        add(nameKey([...head, word].join(" ")), [...rules, rule], designator);
        const alternated = alternateUkrainianVowel(word);
        if (alternated) add(nameKey([...head, alternated].join(" ")), [...rules, rule, "uk-i-alternation"], designator);
      }
    }
  }
  return readings;
}

/** Києв -> Київ, Львов -> Львів: the last vowel before a final consonant cluster, or undefined. */
function alternateUkrainianVowel(word: string): string | undefined {
  const match = /([оеє])([^аеєиіїоуюяьй]{1,2})$/u.exec(word);
  if (!match) return undefined;
  return word.slice(0, match.index) + UKRAINIAN_I_ALTERNATION[match[1]!] + match[2];
}
