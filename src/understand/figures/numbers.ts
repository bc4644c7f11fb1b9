/**
 * Figures step: how each language writes numbers, as data. Values of number words, scale words
 * ("million", "млн"), words that stand for an approximate amount ("dozens", "une vingtaine"),
 * and the separators of digit groups.
 */

export interface NumberWords {
  /** Added to the running amount: "three", "vingt", "трёх", "ثلاثة". */
  units: Readonly<Record<string, number>>;
  /** Multiply the running amount: "hundred", "cent", "cento". */
  multipliers: Readonly<Record<string, number>>;
  /** Close a group and multiply it: "thousand", "millions", "тыс.". Also read after digits. */
  scales: Readonly<Record<string, number>>;
  /** Words worth 1 that are also articles: a number only inside a longer number ("vingt et un"). */
  weak: readonly string[];
  /** Words joining the parts of a written number: "and", "et", "y", "и", "و". */
  connectors: readonly string[];
  /** Nouns of approximate amounts, valued at the least they imply ("dozens" ≥ 24, "une vingtaine" ≈ 20). */
  approximate: Readonly<Record<string, number>>;
  /** Ordinal words (rank, not count). */
  ordinals: Readonly<Record<string, number>>;
  /** Numbers are written as one word ("dreiundzwanzig", "ventitré", "drieëntwintig"). */
  compounds?: boolean;
  /** "," is the decimal mark and "." groups thousands (most of Europe). */
  decimalComma: boolean;
}

/** Inflected forms listed as "value: form form form" keep the tables short for Slavic languages. */
function forms(table: Record<number, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [value, list] of Object.entries(table)) for (const form of list.split(" ")) out[form] = Number(value);
  return out;
}

const en: NumberWords = {
  units: forms({
    2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 11: "eleven",
    12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
    19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety",
    1: "one",
  }),
  multipliers: { hundred: 100, dozen: 12 },
  scales: { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, mln: 1e6, k: 1e3 },
  weak: ["one"],
  connectors: ["and"],
  approximate: { dozens: 24, scores: 40, hundreds: 200, thousands: 2000, millions: 2e6, billions: 2e9, tens: 20 },
  ordinals: forms({ 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth" }),
  decimalComma: false,
};

const fr: NumberWords = {
  units: forms({
    1: "un une", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf", 10: "dix",
    11: "onze", 12: "douze", 13: "treize", 14: "quatorze", 15: "quinze", 16: "seize", 20: "vingt", 30: "trente",
    40: "quarante", 50: "cinquante", 60: "soixante", 80: "quatre-vingt quatre-vingts",
  }),
  multipliers: { cent: 100, cents: 100 },
  scales: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, md: 1e9, mds: 1e9, mrd: 1e9 },
  weak: ["un", "une"],
  connectors: ["et"],
  approximate: {
    dizaine: 10, dizaines: 20, douzaine: 12, douzaines: 24, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40,
    cinquantaine: 50, soixantaine: 60, centaine: 100, centaines: 200, millier: 1000, milliers: 2000,
  },
  ordinals: forms({
    2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième", 6: "sixième", 7: "septième", 8: "huitième",
    9: "neuvième", 10: "dixième",
  }),
  decimalComma: true,
};

const es: NumberWords = {
  units: forms({
    1: "un uno una", 2: "dos", 3: "tres", 4: "cuatro", 5: "cinco", 6: "seis", 7: "siete", 8: "ocho", 9: "nueve", 10: "diez",
    11: "once", 12: "doce", 13: "trece", 14: "catorce", 15: "quince", 16: "dieciséis", 17: "diecisiete", 18: "dieciocho",
    19: "diecinueve", 20: "veinte", 21: "veintiuno veintiún veintiuna", 22: "veintidós", 23: "veintitrés",
    24: "veinticuatro", 25: "veinticinco", 26: "veintiséis", 27: "veintisiete", 28: "veintiocho", 29: "veintinueve",
    30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta", 80: "ochenta", 90: "noventa",
    100: "cien ciento", 200: "doscientos doscientas", 300: "trescientos trescientas", 400: "cuatrocientos cuatrocientas",
    500: "quinientos quinientas", 600: "seiscientos seiscientas", 700: "setecientos setecientas",
    800: "ochocientos ochocientas", 900: "novecientos novecientas",
  }),
  multipliers: {},
  scales: { mil: 1e3, millón: 1e6, millones: 1e6, billón: 1e12, billones: 1e12, mdd: 1e6 },
  weak: ["un", "uno", "una"],
  connectors: ["y"],
  approximate: { decenas: 20, docenas: 24, centenares: 200, cientos: 200, miles: 2000, decena: 10, docena: 12, veintena: 20, centenar: 100, millar: 1000, millares: 2000 },
  ordinals: forms({ 2: "segundo segunda", 3: "tercer tercero tercera", 4: "cuarto cuarta", 5: "quinto quinta", 6: "sexto sexta", 7: "séptimo séptima", 8: "octavo octava", 9: "noveno novena", 10: "décimo décima" }),
  decimalComma: true,
};

const de: NumberWords = {
  units: forms({
    1: "ein eine eins einen einem einer", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht",
    9: "neun", 10: "zehn", 11: "elf", 12: "zwölf", 13: "dreizehn", 14: "vierzehn", 15: "fünfzehn", 16: "sechzehn",
    17: "siebzehn", 18: "achtzehn", 19: "neunzehn", 20: "zwanzig", 30: "dreißig", 40: "vierzig", 50: "fünfzig",
    60: "sechzig", 70: "siebzig", 80: "achtzig", 90: "neunzig",
  }),
  multipliers: { hundert: 100 },
  scales: { tausend: 1e3, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9, "mio.": 1e6, mio: 1e6, "mrd.": 1e9, mrd: 1e9 },
  weak: ["ein", "eine", "eins", "einen", "einem", "einer"],
  connectors: ["und"],
  approximate: { dutzende: 24, dutzend: 12, hunderte: 200, tausende: 2000, zehntausende: 20000 },
  ordinals: forms({ 3: "dritte dritten dritter drittes", 4: "vierte vierten vierter", 5: "fünfte fünften fünfter", 10: "zehnte zehnten" }),
  compounds: true,
  decimalComma: true,
};

const ru: NumberWords = {
  units: {
    ...forms({
    1: "один одна одно одного одной", 2: "два две двух двум двумя", 3: "три трёх трех трём трем тремя",
    4: "четыре четырёх четырех четырём четырем", 5: "пять пяти пятью", 6: "шесть шести", 7: "семь семи", 8: "восемь восьми",
    9: "девять девяти", 10: "десять десяти", 11: "одиннадцать одиннадцати", 12: "двенадцать двенадцати",
    13: "тринадцать тринадцати", 14: "четырнадцать четырнадцати", 15: "пятнадцать пятнадцати",
    16: "шестнадцать шестнадцати", 17: "семнадцать семнадцати", 18: "восемнадцать восемнадцати",
    19: "девятнадцать девятнадцати", 20: "двадцать двадцати", 30: "тридцать тридцати", 40: "сорок сорока",
    50: "пятьдесят пятидесяти", 60: "шестьдесят шестидесяти", 70: "семьдесят семидесяти", 80: "восемьдесят восьмидесяти",
    90: "девяносто девяноста", 100: "сто ста", 200: "двести двухсот", 300: "триста трехсот трёхсот", 400: "четыреста четырехсот",
    500: "пятьсот пятисот", 600: "шестьсот шестисот", 700: "семьсот семисот", 800: "восемьсот восьмисот", 900: "девятьсот девятисот",
    }),
    // Collective numerals count people: "трое раненых".
    ...forms({ 2: "двое двоих", 3: "трое троих", 4: "четверо четверых", 5: "пятеро пятерых", 6: "шестеро шестерых", 7: "семеро семерых" }),
  },
  multipliers: {},
  scales: { ...forms({ 1000: "тысяча тысячи тысяч тысячу тыс", 1e6: "миллион миллиона миллионов млн", 1e9: "миллиард миллиарда миллиардов млрд" }) },
  weak: ["один", "одна", "одно", "одного", "одной"],
  connectors: ["и"],
  approximate: { десятки: 20, десятков: 20, сотни: 200, сотен: 200, десяток: 10, тысячи: 2000 },
  ordinals: {},
  decimalComma: true,
};

const uk: NumberWords = {
  units: forms({
    1: "один одна одне одного однієї", 2: "два дві двох двом", 3: "три трьох трьом", 4: "чотири чотирьох", 5: "п'ять п’ять п'яти п’яти",
    6: "шість шести", 7: "сім семи", 8: "вісім восьми", 9: "дев'ять дев’ять дев'яти дев’яти", 10: "десять десяти",
    11: "одинадцять одинадцяти", 12: "дванадцять дванадцяти", 13: "тринадцять тринадцяти", 14: "чотирнадцять чотирнадцяти",
    15: "п'ятнадцять п’ятнадцять п'ятнадцяти", 16: "шістнадцять шістнадцяти", 17: "сімнадцять сімнадцяти",
    18: "вісімнадцять вісімнадцяти", 19: "дев'ятнадцять дев’ятнадцять дев'ятнадцяти", 20: "двадцять двадцяти",
    30: "тридцять тридцяти", 40: "сорок сорока", 50: "п'ятдесят п’ятдесят п'ятдесяти", 60: "шістдесят шістдесяти",
    70: "сімдесят сімдесяти", 80: "вісімдесят вісімдесяти", 90: "дев'яносто дев’яносто дев'яноста", 100: "сто ста",
    200: "двісті двохсот", 300: "триста трьохсот", 400: "чотириста", 500: "п'ятсот п’ятсот",
  }),
  multipliers: {},
  scales: { ...forms({ 1000: "тисяча тисячі тисяч тисячу тис", 1e6: "мільйон мільйона мільйонів млн", 1e9: "мільярд мільярда мільярдів млрд" }) },
  weak: ["один", "одна", "одне", "одного", "однієї"],
  connectors: ["і", "й"],
  approximate: { десятки: 20, десятків: 20, сотні: 200, сотень: 200, десяток: 10, тисячі: 2000 },
  ordinals: {},
  decimalComma: true,
};

const ar: NumberWords = {
  units: forms({
    1: "واحد واحدة", 2: "اثنان اثنين اثنتان اثنتين", 3: "ثلاثة ثلاث", 4: "أربعة أربع", 5: "خمسة خمس", 6: "ستة ست",
    7: "سبعة سبع", 8: "ثمانية ثماني ثمان", 9: "تسعة تسع", 10: "عشرة عشر", 20: "عشرون عشرين", 30: "ثلاثون ثلاثين",
    40: "أربعون أربعين", 50: "خمسون خمسين", 60: "ستون ستين", 70: "سبعون سبعين", 80: "ثمانون ثمانين", 90: "تسعون تسعين",
  }),
  multipliers: { مائة: 100, مئة: 100 },
  scales: { ألف: 1e3, آلاف: 1e3, مليون: 1e6, ملايين: 1e6, مليار: 1e9, مليارات: 1e9 },
  weak: ["واحد", "واحدة"],
  connectors: [],
  approximate: { عشرات: 20, مئات: 200 },
  ordinals: {},
  decimalComma: false,
};

const it: NumberWords = {
  units: forms({
    1: "un uno una", 2: "due", 3: "tre tré", 4: "quattro", 5: "cinque", 6: "sei", 7: "sette", 8: "otto", 9: "nove", 10: "dieci",
    11: "undici", 12: "dodici", 13: "tredici", 14: "quattordici", 15: "quindici", 16: "sedici", 17: "diciassette",
    18: "diciotto", 19: "diciannove", 20: "venti vent", 30: "trenta trent", 40: "quaranta quarant", 50: "cinquanta cinquant",
    60: "sessanta sessant", 70: "settanta settant", 80: "ottanta ottant", 90: "novanta novant",
  }),
  multipliers: { cento: 100 },
  scales: { mille: 1e3, mila: 1e3, milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9, mln: 1e6, mld: 1e9 },
  weak: ["un", "uno", "una", "sei"],
  connectors: ["e"],
  approximate: { decine: 20, centinaia: 200, migliaia: 2000, dozzina: 12, ventina: 20, decina: 10 },
  ordinals: forms({ 3: "terzo terza", 4: "quarto quarta", 5: "quinto quinta", 10: "decimo decima" }),
  compounds: true,
  decimalComma: true,
};

const nl: NumberWords = {
  units: forms({
    1: "een één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen", 10: "tien",
    11: "elf", 12: "twaalf", 13: "dertien", 14: "veertien", 15: "vijftien", 16: "zestien", 17: "zeventien", 18: "achttien",
    19: "negentien", 20: "twintig", 30: "dertig", 40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig", 80: "tachtig",
    90: "negentig",
  }),
  multipliers: { honderd: 100 },
  scales: { duizend: 1e3, miljoen: 1e6, miljard: 1e9, mln: 1e6, mld: 1e9 },
  weak: ["een", "één"],
  connectors: ["en", "ën"],
  approximate: { tientallen: 20, honderden: 200, duizenden: 2000 },
  ordinals: forms({ 3: "derde", 4: "vierde", 5: "vijfde", 10: "tiende" }),
  compounds: true,
  decimalComma: true,
};

const pt: NumberWords = {
  units: forms({
    1: "um uma", 2: "dois duas", 3: "três", 4: "quatro", 5: "cinco", 6: "seis", 7: "sete", 8: "oito", 9: "nove", 10: "dez",
    11: "onze", 12: "doze", 13: "treze", 14: "catorze quatorze", 15: "quinze", 16: "dezesseis dezasseis", 17: "dezessete dezassete",
    18: "dezoito", 19: "dezenove dezanove", 20: "vinte", 30: "trinta", 40: "quarenta", 50: "cinquenta", 60: "sessenta",
    70: "setenta", 80: "oitenta", 90: "noventa", 100: "cem cento", 200: "duzentos duzentas", 300: "trezentos trezentas",
    400: "quatrocentos quatrocentas", 500: "quinhentos quinhentas",
  }),
  multipliers: {},
  scales: { mil: 1e3, milhão: 1e6, milhões: 1e6, bilhão: 1e9, bilhões: 1e9 },
  weak: ["um", "uma"],
  connectors: ["e"],
  approximate: { dezenas: 20, centenas: 200, milhares: 2000, dezena: 10, dúzia: 12 },
  ordinals: forms({ 3: "terceiro terceira", 4: "quarto quarta", 5: "quinto quinta", 10: "décimo décima" }),
  decimalComma: true,
};

export const NUMBER_WORDS: Readonly<Record<string, NumberWords>> = { en, fr, es, de, ru, uk, ar, it, nl, pt };

/** Digits of other scripts, mapped to 0-9 before parsing. */
export const DIGIT_ZEROS = [0x0660 /* Arabic-Indic */, 0x06f0 /* Persian */, 0x0966 /* Devanagari */];

/** Characters that group thousands in any language (the ambiguous "," and "." are decided per language). */
export const GROUP_SEPARATORS = " \u00a0\u202f\u2009'’٬";

/** Scale abbreviations valid in every language after digits ("$3bn", "€2m" needs a currency). */
export const SHARED_SCALES: Readonly<Record<string, number>> = { bn: 1e9, mn: 1e6, mln: 1e6, mio: 1e6, "mio.": 1e6, mrd: 1e9, "mrd.": 1e9, "млн": 1e6, "млрд": 1e9, "тыс.": 1e3, "тис.": 1e3 };

/** After a currency sign only: "$3m", "€10k". */
export const CURRENCY_SCALES: Readonly<Record<string, number>> = { m: 1e6, k: 1e3, b: 1e9 };
