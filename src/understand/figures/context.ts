/**
 * Figures step: the words around a number that say what it is, as data. Units and currencies
 * (one table for all languages: unit words rarely collide), and per language the words that mark
 * an approximate figure, a partitive ("23 de ces engins"), a relative that counts the previous
 * figure's noun ("dont 18"), the end of a counted noun phrase, month names and year cues.
 * Entries are regular-expression fragments matched case-insensitively as whole words.
 */

import type { FigureKind } from "../../schema.ts";

export interface UnitEntry {
  pattern: string;
  unit: string;
  kind: FigureKind;
}

/** Written after the number (after a scale word if any). Longest patterns first is not needed: the regex tries in order. */
export const UNITS_AFTER: readonly UnitEntry[] = [
  { pattern: "%|٪|per\\s?cent|pour\\s?cent|por\\s?ciento|por\\s?cento|per\\s?cento|prozent|procent|pct|процент(?:а|ов)?|відсот(?:ок|ки|ків|ка)|في\\s+المائة|في\\s+المئة|بالمائة|بالمئة", unit: "%", kind: "percent" },
  { pattern: "percentage\\s+points?|points?\\s+de\\s+pourcentage|prozentpunkte?|процентных\\s+пункт(?:а|ов)", unit: "pp", kind: "percent" },
  { pattern: "(?:us\\s+)?dollars?|dólar(?:es)?|dollari|dollaro|dólares|доллар(?:ов|а|ы)?|долл\\.|долар(?:ів|и|а)?|دولار(?:ا|ات)?|usd|us\\$|\\$", unit: "USD", kind: "money" },
  { pattern: "ca\\$|c\\$|cad", unit: "CAD", kind: "money" },
  { pattern: "au\\$|a\\$|aud", unit: "AUD", kind: "money" },
  { pattern: "r\\$|brl|reais|reales", unit: "BRL", kind: "money" },
  { pattern: "euros?|евро|євро|يورو|eur|€", unit: "EUR", kind: "money" },
  { pattern: "pounds?\\s+sterling|livres?\\s+sterling|sterline|sterlina|фунт(?:ов|а)?\\s+стерлинг(?:ов)?|gbp|£", unit: "GBP", kind: "money" },
  { pattern: "roubles?|rubles?|rublos?|rubel|рубл(?:ей|я|ь)|руб\\.|рубл(?:ів|і)|روبل|rub|₽", unit: "RUB", kind: "money" },
  { pattern: "hryvnias?|hryvnia|гривень|гривні|гривня|гривен|грн\\.?|uah|₴", unit: "UAH", kind: "money" },
  { pattern: "yuans?|юаней|cny", unit: "CNY", kind: "money" },
  { pattern: "yens?|иен|jpy|¥", unit: "JPY", kind: "money" },
  { pattern: "francs?\\s+suisses?|swiss\\s+francs?|franken|chf", unit: "CHF", kind: "money" },
  // Other measures keep their unit as written: "2 GB", "120 dB", "90 km/h".
  { pattern: "km/h|mph|knots|nœuds|км/ч", unit: "unit", kind: "measure" },
  { pattern: "[kmgt]b|[kmg]hz|db|[kmg]wh?|mbit/s|gbit/s", unit: "unit", kind: "measure" },
  { pattern: "km|kilom(?:è|e)tres?|kilometers?|kilometern?|kilómetros?|quil(?:ô|ó)metros?|chilometri|км|кілометр(?:ів|и|а)?|километр(?:ов|а)?|كيلومترا?(?:ات)?|كلم|كم", unit: "km", kind: "distance" },
  { pattern: "nautical\\s+miles?|nmi", unit: "nmi", kind: "distance" },
  { pattern: "miles?|mi", unit: "mi", kind: "distance" },
  { pattern: "cm|centim(?:è|e)tres?|centimeters?|zentimetern?|centímetros?|centimetri|см|сантиметр(?:ов|а|ів|и)?", unit: "cm", kind: "distance" },
  { pattern: "mm|millim(?:è|e)tres?|millimeters?|мм", unit: "mm", kind: "distance" },
  { pattern: "feet|foot|ft", unit: "ft", kind: "distance" },
  { pattern: "m(?:è|e)tres?|meters?|metern?|metros?|metri|метр(?:ов|а|ів|и)?|متر(?:ا|ات)?|m|м", unit: "m", kind: "distance" },
  { pattern: "kg|kilos?|kilogram(?:me)?s?|kilogramm|кг|كيلوغرام(?:ا|ات)?", unit: "kg", kind: "weight" },
  { pattern: "tonnes?|tons?|tonnen|toneladas?|tonnellate|тонн(?:ы|а)?|т|طن|أطنان", unit: "t", kind: "weight" },
  { pattern: "years?|ans|années|años|anni|anos|jahren?|jaar|jaren|лет|год(?:а|у)?|років|роки|рік|سنوات|سنة|أعوام|عاما|عامًا", unit: "year", kind: "duration" },
  { pattern: "months?|mois|meses|mesi|monaten?|maanden|месяц(?:а|ев)?|місяц(?:і|ів|ь)|أشهر|شهرا|شهور", unit: "month", kind: "duration" },
  { pattern: "weeks?|semaines|semanas|settimane|wochen|weken|недел(?:ь|и|ю)|тижн(?:і|ів|ень)|أسابيع", unit: "week", kind: "duration" },
  { pattern: "days?|jours|días|dias|giorni|tagen?|dagen|дн(?:я|ей)|день|дн(?:і|ів)|أيام|يوما", unit: "day", kind: "duration" },
  { pattern: "hours?|heures|horas|ore|stunden|uur|час(?:а|ов)?|годин(?:и)?|ساعات|ساعة", unit: "hour", kind: "duration" },
  { pattern: "minutes?|minutos|minuti|minuten|минут(?:ы)?|хвилин(?:и)?|دقائق|دقيقة", unit: "minute", kind: "duration" },
  { pattern: "seconds?|secondes?|segundos?|secondi|sekunden|seconden|секунд(?:ы|а)?|секунд(?:и)?|ثوان(?:ي)?|ثانية", unit: "second", kind: "duration" },
];

/** Written before the number. */
export const UNITS_BEFORE: readonly UnitEntry[] = [
  { pattern: "CA\\$|C\\$", unit: "CAD", kind: "money" },
  { pattern: "AU\\$|A\\$", unit: "AUD", kind: "money" },
  { pattern: "R\\$", unit: "BRL", kind: "money" },
  { pattern: "US\\$|\\$|USD", unit: "USD", kind: "money" },
  { pattern: "€|EUR", unit: "EUR", kind: "money" },
  { pattern: "£|GBP", unit: "GBP", kind: "money" },
  { pattern: "₽", unit: "RUB", kind: "money" },
  { pattern: "₴", unit: "UAH", kind: "money" },
  { pattern: "¥", unit: "JPY", kind: "money" },
  { pattern: "CHF", unit: "CHF", kind: "money" },
];

/** Suffixes of digit ordinals ("1st", "2e", "3ème", "3º", "3-й"), written right after the digits. */
export const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|er|ère|re|e|ème|eme|nd|nde|º|ª|°|-(?:й|го|я|е|му|м|ий|ій|а|ї))(?![\p{L}\p{N}])/u;

/** Duration units that read a clock time after "at" ("à 10 heures", "um 10 Uhr"). */
export const CLOCK_BEFORE = /(?:^|\s)(?:at|à|um|a\s+las|alle|om|às|в|о|о\s+)\s*$/iu;
export const CLOCK_AFTER = /^\s*(?:heures?|h\b|hours?|uhr|horas|ore|uur|час(?:а|ов)?|годин[иі]?)/iu;
/** Always a clock time, whatever precedes: "3 a.m.", "1200 UTC", "10 Uhr". */
export const CLOCK_SUFFIX = /^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|uhr\b|utc\b|gmt\b|cet\b|cest\b|eet\b|eest\b|msk\b|est\b|edt\b|pst\b|pdt\b)/iu;
/** An age, not a count: "at the age of 18", "âgé de 45 ans", "в возрасте 30 лет". */
export const AGE_BEFORE = /(?:age\s+of|aged|âgée?s?\s+de|à\s+l'âge\s+de|im\s+alter\s+von|a\s+la\s+edad\s+de|all'età\s+di|com|na\s+idade\s+de|op\s+\d*\s*leeftijd\s+van|в\s+возрасте|у\s+віці|عمر|يبلغ\s+من\s+العمر)\s*$/iu;

export interface FigureContext {
  /** Before the number: "at least", "plus de", "около". */
  approximators: readonly string[];
  /** Between number and noun: "of these", "de ces", "из". */
  partitives: readonly string[];
  /** Before the number: it counts part of the previous figure's noun ("dont 18", "of which 18"). */
  relatives: readonly string[];
  /** End a counted noun phrase: function words, auxiliaries, common verbs. */
  stops: readonly string[];
  /** Adjectives that may follow the head noun ("personnes blessées"). */
  adjectiveSuffixes?: RegExp;
  /** Words that precede the noun and may be taken with it ("Ukrainian soldiers", "ударных беспилотников"). */
  prenominalSuffixes?: RegExp;
  /** Language puts adjectives after the noun (Romance, Arabic). */
  nounFirst: boolean;
  months: readonly string[];
  /** Before a year: "in", "en", "since", "в". */
  yearBefore: readonly string[];
  /** After a year: "год", "року", "г.". */
  yearAfter: readonly string[];
}

const MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

const en: FigureContext = {
  approximators: ["at least", "about", "around", "nearly", "almost", "more than", "over", "up to", "some", "roughly", "approximately", "an estimated", "less than", "fewer than", "under", "close to", "as many as", "at most", "more then"],
  partitives: ["of these", "of those", "of them", "of the", "of their", "of its"],
  relatives: ["of which", "of whom", "including", "among them", "of them"],
  stops: ["of", "in", "on", "at", "to", "from", "by", "for", "with", "and", "or", "were", "was", "are", "is", "have", "has", "had", "will", "would", "could", "must", "can", "may", "might", "should", "shall", "did", "do", "does", "who", "which", "that", "than", "the", "a", "an", "as", "per", "each", "more", "less", "been", "be", "not", "after", "before", "during", "into", "over", "since"],
  prenominalSuffixes: /^(?:\p{Lu}\p{L}*(?:an|ian|ish|ese|i)|\p{L}+(?:ed|ing|al|ive|ous|ful|ary|ic|ian|an|ly))$/u,
  nounFirst: false,
  months: MONTHS_EN,
  yearBefore: ["in", "since", "of", "by", "until", "from", "to", "year", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall"],
  yearAfter: [],
};

const fr: FigureContext = {
  approximators: ["au moins", "environ", "près de", "presque", "quelque", "plus de", "moins de", "jusqu'à", "jusqu’à", "au plus", "pas moins de", "quasiment", "approximativement", "autour de"],
  partitives: ["de ces", "d'entre eux", "d’entre eux", "d'entre elles", "d’entre elles", "des", "de leurs", "de ses", "de nos"],
  relatives: ["dont", "parmi lesquels", "parmi lesquelles", "parmi eux", "parmi elles", "y compris"],
  stops: ["de", "du", "des", "d", "à", "au", "aux", "en", "dans", "sur", "par", "pour", "avec", "et", "ou", "ont", "sont", "a", "est", "été", "avaient", "étaient", "avait", "était", "qui", "que", "ne", "n", "le", "la", "les", "l", "un", "une", "selon", "contre", "face", "après", "avant", "depuis", "pendant", "lors", "ce", "ces", "se", "s"],
  adjectiveSuffixes: /(?:é|ée|és|ées|is|ise|ises|it|ite|its|ites|ique|iques|aire|aires|ien|ienne|iens|iennes|ais|aise|aises|ois|oise|oises|ain|aine|ains|aines|el|elle|els|elles|if|ive|ifs|ives|eux|euse|euses|al|ale|aux|ales|ant|ante|ants|antes|ent|ente|ents|entes|ure|ures|ère|ères|ier|iers|ière|ières|u|ue|us|ues)$/u,
  nounFirst: true,
  months: ["janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc"],
  yearBefore: ["en", "depuis", "de", "année", "an", "fin", "début", "mi", "dès", "avant", "après", "jusqu'en", "jusqu’en", "d'ici", "printemps", "été", "automne", "hiver"],
  yearAfter: [],
};

const es: FigureContext = {
  approximators: ["al menos", "unos", "unas", "cerca de", "más de", "casi", "alrededor de", "aproximadamente", "hasta", "menos de", "por lo menos", "como mínimo", "varias", "varios"],
  partitives: ["de estos", "de estas", "de ellos", "de ellas", "de los", "de las", "de sus"],
  relatives: ["de los cuales", "de las cuales", "entre ellos", "entre ellas", "incluidos", "incluidas"],
  stops: ["de", "del", "a", "al", "en", "por", "para", "con", "y", "o", "han", "ha", "fueron", "fue", "son", "es", "están", "estaban", "habían", "que", "el", "la", "los", "las", "un", "una", "según", "contra", "tras", "desde", "durante", "se"],
  adjectiveSuffixes: /(?:ado|ada|ados|adas|ido|ida|idos|idas|ico|ica|icos|icas|ano|ana|anos|anas|és|esa|eses|esas|al|ales|ar|ares|ivo|iva|ivos|ivas|oso|osa|osos|osas|ente|entes|ante|antes)$/u,
  nounFirst: true,
  months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre"],
  yearBefore: ["en", "desde", "de", "año", "hasta", "para", "finales", "principios", "mediados"],
  yearAfter: [],
};

const de: FigureContext = {
  approximators: ["mindestens", "etwa", "rund", "fast", "knapp", "mehr als", "über", "bis zu", "ungefähr", "circa", "ca.", "gut", "weniger als", "nahezu", "beinahe", "annähernd", "zirka", "einige", "mehrere"],
  partitives: ["von ihnen", "dieser", "der"],
  relatives: ["davon", "darunter", "von denen"],
  stops: ["der", "die", "das", "den", "dem", "des", "ein", "eine", "und", "oder", "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "vor", "zu", "zum", "zur", "für", "wurden", "wurde", "sind", "ist", "waren", "war", "haben", "hat", "hatten", "seien", "werden", "als", "wie", "seit", "gegen", "über", "unter"],
  nounFirst: false,
  months: ["januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
  yearBefore: ["im", "seit", "jahr", "jahre", "bis", "ab", "von", "anfang", "ende", "mitte", "frühjahr", "sommer", "herbst", "winter"],
  yearAfter: [],
};

const RU_ADJECTIVE = /(?:ых|их|ые|ие|ого|его|ому|ему|ый|ий|ой|ая|яя|ую|юю|ыми|ими|ом|ем|ое|ее)$/u;
const RU_VERB = /(?:ли|ла|ло|ть|ться|ся|сь|ет|ут|ют|ит|ат|ят|ны|ты|ено|ена|ена)$/u;

const ru: FigureContext = {
  approximators: ["около", "более", "свыше", "почти", "не менее", "примерно", "порядка", "до", "менее", "больше", "меньше", "по меньшей мере", "как минимум", "приблизительно", "несколько", "около"],
  partitives: ["из них", "из этих", "из", "из числа"],
  relatives: ["из них", "в том числе", "среди них", "из которых"],
  stops: ["в", "во", "на", "и", "а", "но", "с", "со", "по", "к", "у", "о", "об", "от", "до", "из", "за", "при", "под", "над", "что", "как", "были", "был", "была", "было", "будут", "это", "не", "уже", "также", "его", "их", "её", "ее", "для", "после", "перед", "через"],
  prenominalSuffixes: RU_ADJECTIVE,
  nounFirst: false,
  months: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
  yearBefore: ["в", "с", "до", "к", "году", "год", "года"],
  yearAfter: ["год", "года", "году", "годом", "г", "гг"],
};

const uk: FigureContext = {
  approximators: ["близько", "понад", "більше", "майже", "щонайменше", "приблизно", "до", "менше", "менш ніж", "не менше", "як мінімум", "кілька", "більш ніж"],
  partitives: ["з них", "із них", "з цих", "з", "із"],
  relatives: ["з них", "із них", "зокрема", "серед них", "у тому числі", "з яких"],
  stops: ["в", "у", "на", "і", "й", "та", "а", "але", "з", "із", "зі", "по", "до", "від", "за", "при", "під", "над", "про", "що", "як", "були", "був", "була", "було", "будуть", "це", "не", "вже", "також", "його", "їх", "її", "для", "після", "перед", "через"],
  prenominalSuffixes: /(?:их|іх|ими|іми|ого|ього|ому|ьому|ий|ій|ої|ою|ська|ський|ські|цькі|ені|ані)$/u,
  nounFirst: false,
  months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня", "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"],
  yearBefore: ["в", "у", "з", "до", "році", "рік", "року"],
  yearAfter: ["рік", "року", "році", "роком", "р"],
};

const ar: FigureContext = {
  approximators: ["نحو", "حوالي", "حوالى", "أكثر من", "ما لا يقل عن", "قرابة", "زهاء", "أقل من", "ما يقرب من", "ما يزيد عن", "ما يزيد على", "أكثر", "عدة"],
  partitives: ["من", "من هذه", "من بين"],
  relatives: ["منها", "منهم", "بينهم", "بينها", "من بينهم", "من بينها"],
  stops: ["في", "من", "على", "إلى", "عن", "مع", "و", "أو", "قد", "كان", "كانت", "تم", "التي", "الذي", "الذين", "أن", "إن", "بعد", "قبل", "خلال", "منذ"],
  adjectiveSuffixes: /^(?:ال\p{L}+|\p{L}+(?:ة|ية|ي|ين|ون))$/u,
  nounFirst: true,
  months: ["يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين"],
  yearBefore: ["عام", "سنة", "العام", "منذ", "في"],
  yearAfter: ["م", "هـ"],
};

const it: FigureContext = {
  approximators: ["almeno", "circa", "oltre", "quasi", "più di", "fino a", "meno di", "una", "alcune", "alcuni", "diverse", "diversi"],
  partitives: ["di questi", "di queste", "di loro", "dei", "delle", "degli"],
  relatives: ["di cui", "tra cui", "tra loro", "fra cui"],
  stops: ["di", "del", "della", "dei", "delle", "degli", "a", "al", "in", "nel", "su", "per", "con", "e", "o", "sono", "è", "erano", "era", "hanno", "ha", "stati", "state", "che", "il", "la", "i", "le", "gli", "un", "una", "secondo", "contro", "dopo", "da", "dal", "si"],
  adjectiveSuffixes: /(?:ato|ata|ati|ate|ito|ita|iti|ite|uto|uta|uti|ute|ico|ica|ici|iche|ano|ana|ani|ane|ese|esi|ale|ali|ivo|iva|ivi|ive|oso|osa|osi|ose|ente|enti|ante|anti)$/u,
  nounFirst: true,
  months: ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
  yearBefore: ["nel", "dal", "del", "anno", "fino al", "entro il", "dal"],
  yearAfter: [],
};

const nl: FigureContext = {
  approximators: ["minstens", "ongeveer", "bijna", "ruim", "meer dan", "zo'n", "zo’n", "tot", "minder dan", "circa", "ca.", "enkele", "tientallen"],
  partitives: ["van hen", "van deze", "van de"],
  relatives: ["waarvan", "onder wie", "onder hen", "waaronder"],
  stops: ["de", "het", "een", "en", "of", "in", "op", "aan", "bij", "met", "van", "voor", "naar", "uit", "over", "zijn", "is", "waren", "was", "werden", "werd", "hebben", "heeft", "die", "dat", "als", "tegen", "na", "tot", "à"],
  prenominalSuffixes: /(?:e|ische)$/u,
  nounFirst: false,
  months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  yearBefore: ["in", "sinds", "tot", "vanaf", "jaar", "begin", "eind", "medio"],
  yearAfter: [],
};

const pt: FigureContext = {
  approximators: ["pelo menos", "cerca de", "mais de", "quase", "aproximadamente", "até", "menos de", "perto de", "uns", "umas", "várias", "vários"],
  partitives: ["destes", "destas", "deles", "delas", "dos", "das"],
  relatives: ["dos quais", "das quais", "entre eles", "entre elas", "incluindo"],
  stops: ["de", "do", "da", "dos", "das", "a", "ao", "em", "no", "na", "por", "para", "com", "e", "ou", "foram", "foi", "são", "é", "estão", "tinham", "que", "o", "os", "as", "um", "uma", "segundo", "contra", "após", "desde", "durante", "se"],
  adjectiveSuffixes: /(?:ado|ada|ados|adas|ido|ida|idos|idas|ico|ica|icos|icas|ano|ana|anos|anas|ês|esa|eses|esas|al|ais|ivo|iva|ivos|ivas|oso|osa|osos|osas|ente|entes|ante|antes)$/u,
  nounFirst: true,
  months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
  yearBefore: ["em", "desde", "de", "ano", "até", "final", "início"],
  yearAfter: [],
};

export const FIGURE_CONTEXTS: Readonly<Record<string, FigureContext>> = { en, fr, es, de, ru, uk, ar, it, nl, pt };

/** Past forms that end a Russian/Ukrainian counted phrase ("23 беспилотника были сбиты"). */
export const SLAVIC_VERB_ENDING = RU_VERB;

/** Numbers from this range are years when the context says so (see findFigures). */
export const YEAR_RANGE = { min: 1800, max: 2100 };

/** The counted noun phrase has at most this many words. */
export const MAX_COUNTED_WORDS = 3;
