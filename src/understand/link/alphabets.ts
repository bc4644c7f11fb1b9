/**
 * Transliteration and spelling tables for name matching (link step). Hand-written on purpose:
 * libraries such as `transliteration`/`any-ascii` give one ASCII slug per string, but matching needs
 * per-language readings (Ukrainian г = h, French ou = u, German w = v) folded into one phonetic key,
 * and an Arabic consonant skeleton; those are a few dozen entries, kept here as data.
 */

/** Russian Cyrillic -> English-style romanisation (BGN/PCGN-like). */
export const RUSSIAN_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
  // Letters of other Cyrillic alphabets, read the Russian way when the text is not Ukrainian.
  і: "i", ї: "yi", є: "ye", ґ: "g", ў: "u", ј: "y", љ: "lj", њ: "nj", ћ: "ch", ђ: "dj", џ: "dzh",
};

/** Ukrainian differs from Russian in these letters (National 2010 romanisation). */
export const UKRAINIAN_LATIN: Record<string, string> = {
  ...RUSSIAN_LATIN,
  г: "h", и: "y", і: "i", ї: "yi", є: "ye", ґ: "g", й: "y",
};

/** Greek -> Latin; digraphs first (ου = u, μπ = b ...). */
export const GREEK_DIGRAPHS: Array<[string, string]> = [
  ["ου", "u"], ["αι", "e"], ["ει", "i"], ["οι", "i"], ["μπ", "b"], ["ντ", "d"], ["γκ", "g"], ["γγ", "ng"],
  ["τσ", "ts"], ["τζ", "dz"], ["αυ", "av"], ["ευ", "ev"],
];
export const GREEK_LATIN: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n",
  ξ: "ks", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "i", φ: "f", χ: "kh", ψ: "ps", ω: "o",
};

/**
 * Arabic (and Persian) letters -> consonant classes of the skeleton key (see SKELETON_CLASSES); long
 * vowels and letters usually silent in transcriptions (alif, waw, ya, ha, ain, hamza) are dropped.
 */
export const ARABIC_SKELETON: Record<string, string> = {
  ب: "b", پ: "b", ت: "t", ث: "t", ط: "t", د: "d", ذ: "d", ض: "d", ر: "r", ز: "s", س: "s", ص: "s", ظ: "s",
  ش: "x", ج: "x", چ: "x", ژ: "x", خ: "x", ف: "f", ڤ: "f", ق: "k", ك: "k", ک: "k", غ: "k", گ: "k", ل: "l",
  م: "m", ن: "n",
  ا: "", أ: "", إ: "", آ: "", ء: "", ؤ: "", ئ: "", و: "", ي: "", ى: "", ی: "", ة: "", ه: "", ح: "", ع: "",
};

/** Latin letters with a diacritic that stands for a digraph in English spelling (caught before NFD). */
export const LATIN_SPECIAL: Record<string, string> = {
  š: "sh", ž: "zh", č: "ch", ć: "ch", ś: "sh", ź: "zh", ż: "zh", ş: "sh", ș: "sh", ț: "ts", ř: "rzh",
  ł: "l", ø: "o", ß: "ss", æ: "ae", œ: "oe", đ: "d", ı: "i", þ: "th", ð: "d",
};

/** Languages whose Latin spelling reads j as English y (Selenskyj, Jelzin, Janukowytsch). */
export const J_AS_Y_LANGUAGES = new Set(["de", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "nl", "sv", "da", "no", "nb", "nn", "fi", "et", "lv", "lt", "hu"]);

/**
 * Spelling rules per language, applied in order before the generic ones: each rewrites one language's
 * reading of letters into English-style spelling (French "Loukachenko" -> "lukashenko").
 */
export const LANGUAGE_SPELLING: Record<string, Array<[RegExp, string]>> = {
  fr: [[/ou/g, "u"], [/tch/g, "ch"], [/ch/g, "sh"], [/j/g, "zh"], [/gu(?=[ei])/g, "g"], [/qu/g, "k"]],
  de: [[/tsch/g, "ch"], [/sch/g, "sh"], [/j/g, "y"], [/w/g, "v"], [/z/g, "ts"]],
  pl: [[/szcz/g, "shch"], [/sz/g, "sh"], [/cz/g, "ch"], [/rz/g, "zh"], [/j/g, "y"], [/w/g, "v"]],
  cs: [[/ch/g, "kh"], [/j/g, "y"], [/c/g, "ts"]],
  sk: [[/ch/g, "kh"], [/j/g, "y"], [/c/g, "ts"]],
  hr: [[/j/g, "y"], [/c/g, "ts"]],
  sr: [[/j/g, "y"], [/c/g, "ts"]],
  sl: [[/j/g, "y"], [/c/g, "ts"]],
  nl: [[/oe/g, "u"], [/sj/g, "sh"], [/tj/g, "ch"], [/j/g, "y"], [/w/g, "v"]],
  es: [[/j/g, "kh"], [/gu(?=[ei])/g, "g"], [/qu/g, "k"]],
  pt: [[/j/g, "zh"], [/nh/g, "ny"], [/qu/g, "k"]],
  it: [[/sc(?=[ei])/g, "sh"], [/gli/g, "ly"]],
};

/**
 * Generic folding after the language rules, in order: every spelling of one sound ends as one symbol.
 * "x" stands for the hushing/guttural class (sh, ch, zh, kh, j): transliterations swap them freely.
 */
export const GENERIC_SPELLING: Array<[RegExp, string]> = [
  [/[iy][jy]\b/g, "i"], // Zelenskyy, Selenskyj, Dmitrij, Dmitriy -> i
  [/\b[iyj](?=[aeou])/g, ""], // Yanukovych, Ianoukovitch, Jelzin: the onglide is written or not
  [/x/g, "ks"],
  [/ph/g, "f"],
  [/tsch|tch|shch|sch|sh|ch|zh|kh|dzh|j/g, "x"],
  [/th/g, "t"],
  [/dh/g, "d"],
  [/gh/g, "g"],
  [/ou/g, "u"],
  [/ck|q/g, "k"],
  [/c(?=[eiy])/g, "s"],
  [/c/g, "k"],
  [/ts|tz|z/g, "s"],
  [/w/g, "v"],
  [/y/g, "i"],
  [/h/g, ""],
  [/(?<=[^aeiou])e\b/g, ""], // French mute e: Poutine = Putin
  [/(.)\1+/g, "$1"],
];

/** Skeleton classes over a phonetic key: vowels go, consonants that scripts confuse merge. */
export const SKELETON_CLASSES: Record<string, string> = {
  a: "", e: "", i: "", o: "", u: "", p: "b", v: "f", g: "k", q: "k", c: "k", z: "s",
};

/**
 * Russian/Ukrainian case endings of names -> the nominative ending, longest first. A form is only
 * believed when the name table knows the result ("Путина" -> "Путин", "Зеленського" -> "Зеленський").
 */
export const CYRILLIC_CASE_ENDINGS: Array<[string, string]> = [
  ["ського", "ський"], ["ському", "ський"], ["ським", "ський"], ["ськім", "ський"],
  ["ского", "ский"], ["скому", "ский"], ["ским", "ский"], ["ском", "ский"],
  ["цкого", "цкий"], ["цкому", "цкий"], ["цким", "цкий"],
  ["ого", "ий"], ["ому", "ий"], ["ым", "ый"],
  ["ової", "ова"], ["овій", "ова"], ["ову", "ова"], ["овою", "ова"], ["евой", "ева"], ["овой", "ова"], ["иной", "ина"],
  ["ия", "ий"], ["ию", "ий"], ["ием", "ий"], ["ии", "ий"], ["ія", "ій"], ["ію", "ій"], ["ієм", "ій"], ["ії", "ій"],
  ["ея", "ей"], ["ею", "ей"], ["еем", "ей"], ["ее", "ей"], ["єм", "й"],
  ["ові", ""], ["еві", ""], ["ом", ""], ["ем", ""], ["ым", ""], ["им", ""],
  ["а", ""], ["у", ""], ["е", ""], ["і", ""], ["ю", "ь"], ["я", "ь"],
];

/** Greek nominative/genitive endings of names (Τσίπρα -> Τσίπρας). */
export const GREEK_CASE_ENDINGS: Array<[string, string]> = [["α", "ας"], ["η", "ης"], ["ου", "ος"], ["ο", "ος"]];

/** Case endings of Slavic languages written in Latin script (Polish "Putina", Czech "Putinem"). */
export const LATIN_SLAVIC_CASE_ENDINGS: Array<[string, string]> = [
  ["owi", ""], ["em", ""], ["om", ""], ["ie", ""], ["ego", "i"], ["iego", "i"], ["a", ""], ["u", ""], ["ovi", ""],
];
export const LATIN_SLAVIC_LANGUAGES = new Set(["pl", "cs", "sk", "sl", "hr", "sr", "bs"]);
