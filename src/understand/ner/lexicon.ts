/**
 * NER step: word classes the tagger reads as features, learned from text or taken from CLDR,
 * so that capitalisation alone does not open a name: a capitalised word the language mostly
 * writes in lowercase ("Shares" opening a sentence) and calendar words (weekdays and months,
 * capitalised in English and German) are rarely names.
 */
import { SPEECH_LEXICONS, tokenMatcher } from "../quotes/lexicon.ts";

/**
 * News agencies, as credits, datelines and reports in any language write them ("( EFE )", "dpa",
 * "according to Reuters"): organisations wherever a story names them, introduced or not. Lowercase
 * only where the spelling is no editor's initials ("dpa", not "ap").
 */
export const NEWS_AGENCIES: ReadonlySet<string> = new Set([
  "Reuters", "Reuter", "AFP", "afp", "AP", "DPA", "dpa", "EFE", "Efe", "EFECOM", "ANSA", "Ansa", "Xinhua", "Kyodo", "Yonhap",
  "Itar-Tass", "Tass", "ТАСС", "Interfax", "Интерфакс", "Sputnik", "Bernama", "Antara", "Tanjug", "IRNA", "MENA", "PTI", "Lusa",
  "Europa Press", "Prensa Latina", "Notimex", "Colpisa", "Servimedia", "Télam", "ddp", "dapd", "epd", "KNA", "SID", "APA", "AFX",
]);

/**
 * Endings of adjectives, in languages that write them in lowercase after the capitalised head of a
 * name ("Parti libéral", "Banque centrale européenne", "Nations unies"): a lowercase word so ending,
 * after the head, is part of the name. Not the endings verbs share ("-ent", "-ant", "-é": "signalent",
 * "étant", "remaniée"), which OCR run-ons and the tagger's overlong spans are full of. Spanish and
 * Portuguese news capitalise their organisations' adjectives ("Partido Popular"): measured, no gain.
 */
export const NAME_ADJECTIVE_ENDINGS: Record<string, RegExp> = {
  fr: /(?:al|ale|ales|aux|ique|iques|ine|ines|ême|êmes|éen|éens|el|elle|els|elles|ien|ienne|iens|iennes|enne|ennes|ais|aise|aises|ois|oise|oises|aire|aires|if|ive|ifs|ives|ain|aine|ains|aines|eux|euse|euses|ier|ière|iers|ières|iste|istes|ente|entes|ante|antes|ieur|ieure|ieurs|ieures|ies|is)$/u,
  it: /(?:ale|ali|ico|ica|ici|iche|ese|esi|ano|ana|ani|ane|ista|isti|iste|ario|aria|ari|arie|ivo|iva|ivi|ive|ino|ina|ini|ine|eo|ea|ei|ee)$/u,
};

/**
 * Nouns that head the names of institutions, beside the organisation words the tagger reads
 * (ORGANISATION_WORDS, which a change there would make the trained models misread): after one, a
 * lowercase noun following a particle belongs to the name ("Musée des beaux-arts de Caen"), and one
 * capitalised alone names the institution ("le Gouvernement", "la Bourse").
 */
export const INSTITUTION_HEADS: Record<string, ReadonlySet<string>> = {
  fr: new Set([
    "musée", "école", "bibliothèque", "lycée", "collège", "orchestre", "front", "mouvement", "centre", "théâtre", "hôpital",
    "église", "armée", "département", "service", "direction", "haute", "autorité", "syndicat", "confédération", "chambre",
    "caisse", "académie", "observatoire", "conservatoire", "tribunal", "parquet", "préfecture", "mairie", "régie",
    "laboratoire", "entreprise", "gouvernement", "parlement", "bourse", "marine",
  ]),
  it: new Set([
    "partito", "banca", "consiglio", "camera", "ministero", "museo", "università", "istituto", "agenzia", "corte", "tribunale",
    "comitato", "commissione", "fondazione", "associazione", "federazione", "movimento", "unione", "lega", "procura", "guardia",
  ]),
};

/** The classes, one small integer each, mixed into feature hashes. */
export const WORD_CLASS = {
  other: 0,
  /** capitalised here, but written in lowercase in most of its occurrences elsewhere */
  capitalisedCommon: 1,
  calendar: 2,
  lowercase: 3,
  /** a title or role that precedes a person's name (Mr, President, porte-parole) */
  title: 4,
  /** a word that ends or opens organisation names (Inc, GmbH, Party, Ministry) */
  organisation: 5,
} as const;

/**
 * Title and role words per language, lowercase, without a final period. The class reaches the next
 * word through the class-pair features ("President X" -> X is likely a name).
 */
export const TITLE_WORDS: Record<string, readonly string[]> = {
  en: [
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "lady", "dame", "president", "minister", "premier", "chancellor",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "senator", "sen", "governor", "gov", "mayor", "king", "queen",
    "prince", "princess", "pope", "general", "gen", "colonel", "col", "captain", "capt", "lt", "sgt", "judge", "chairman",
    "chairwoman", "ceo", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "rep", "rev", "ambassador",
    "envoy", "commander", "director", "leader", "candidate", "deputy", "counterpart",
  ],
  fr: [
    "m", "mme", "mlle", "monsieur", "madame", "président", "présidente", "ministre", "porte-parole", "général", "maire",
    "sénateur", "sénatrice", "député", "députée", "chancelier", "chancelière", "roi", "reine", "pape", "secrétaire",
    "directeur", "directrice", "patron", "patronne", "juge", "entraîneur", "ambassadeur", "dirigeant", "chef", "candidat", "candidate",
  ],
  de: [
    "herr", "frau", "dr", "prof", "bundeskanzler", "bundeskanzlerin", "kanzler", "kanzlerin", "präsident", "präsidentin",
    "bundespräsident", "minister", "ministerin", "sprecher", "sprecherin", "bürgermeister", "bürgermeisterin", "general",
    "chef", "chefin", "trainer", "botschafter", "vorsitzende", "vorsitzender", "papst", "könig", "königin", "richter",
  ],
  es: [
    "sr", "sra", "srta", "señor", "señora", "don", "doña", "presidente", "presidenta", "ministro", "ministra", "portavoz",
    "alcalde", "alcaldesa", "general", "rey", "reina", "papa", "secretario", "secretaria", "juez", "jueza", "entrenador",
    "director", "directora", "embajador", "líder", "candidato", "candidata", "diputado", "diputada", "senador", "senadora",
  ],
  ru: [
    "президент", "президента", "президентом", "премьер", "премьера", "министр", "министра", "министром", "глава", "главы",
    "губернатор", "губернатора", "мэр", "мэра", "генерал", "генерала", "спикер", "представитель", "представителя",
    "пресс-секретарь", "пресс-секретаря", "господин", "г-н", "директор", "директора", "председатель", "председателя",
    "канцлер", "канцлера", "лидер", "лидера", "посол", "посла", "депутат", "депутата", "сенатор", "сенатора", "патриарх",
  ],
};

/** Organisation name heads and legal forms per language, lowercase, without a final period. */
export const ORGANISATION_WORDS: Record<string, readonly string[]> = {
  en: [
    "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "company", "group", "holdings", "gmbh", "ag", "sa", "nv", "bv",
    "party", "union", "council", "ministry", "bank", "university", "committee", "commission", "association", "federation",
    "agency", "institute", "club", "fc", "airlines", "airways", "parliament", "assembly", "court", "department", "board",
    "foundation", "organisation", "organization", "news", "times", "post", "league", "motors", "industries", "systems",
    "society", "office", "bureau", "fund", "exchange", "congress",
  ],
  fr: [
    "sa", "sas", "sarl", "parti", "union", "conseil", "ministère", "banque", "université", "comité", "commission",
    "association", "fédération", "agence", "institut", "club", "assemblée", "cour", "tribunal", "groupe", "fondation",
    "organisation", "office", "fonds", "ligue", "société", "compagnie", "sénat",
  ],
  de: [
    "gmbh", "ag", "kg", "se", "partei", "union", "rat", "ministerium", "bundesministerium", "bank", "universität", "ausschuss",
    "kommission", "verband", "verein", "bund", "agentur", "institut", "gruppe", "stiftung", "gericht", "bundestag", "amt",
  ],
  es: [
    "sa", "sl", "partido", "unión", "consejo", "ministerio", "banco", "universidad", "comité", "comisión", "asociación",
    "federación", "agencia", "instituto", "club", "asamblea", "tribunal", "corte", "grupo", "fundación", "organización",
    "fondo", "liga", "sociedad", "compañía", "congreso", "senado",
  ],
  ru: [
    "оао", "зао", "ооо", "пао", "ао", "партия", "партии", "союз", "совет", "совета", "министерство", "министерства", "мвд",
    "мид", "банк", "банка", "университет", "университета", "комитет", "комитета", "комиссия", "комиссии", "ассоциация",
    "федерация", "агентство", "агентства", "институт", "института", "клуб", "суд", "суда", "группа", "фонд", "фонда",
    "служба", "службы", "управление", "управления", "дума", "думы", "правительство", "правительства",
  ],
};

const titleCache = new Map<string, ReadonlySet<string>>();
const organisationCache = new Map<string, ReadonlySet<string>>();

function tableSet(table: Record<string, readonly string[]>, cache: Map<string, ReadonlySet<string>>, language: string): ReadonlySet<string> {
  let set = cache.get(language);
  if (!set) {
    set = new Set(table[language] ?? []);
    cache.set(language, set);
  }
  return set;
}

/** TITLE_WORDS of `language` as a set (empty where the language has none), built once. */
export const titleWords = (language: string): ReadonlySet<string> => tableSet(TITLE_WORDS, titleCache, language);
/** ORGANISATION_WORDS of `language` as a set (empty where the language has none), built once. */
export const organisationWords = (language: string): ReadonlySet<string> => tableSet(ORGANISATION_WORDS, organisationCache, language);

/**
 * The word classes of a language. `withTriggers` adds the title and organisation tables; models
 * trained before those classes existed must be read without them (their features would shift).
 */
export function wordClassesFor(language: string, common: ReadonlySet<string>, withTriggers: boolean): WordClasses {
  return {
    common,
    calendar: calendarWords(language),
    ...(withTriggers ? { titles: titleWords(language), organisations: organisationWords(language) } : {}),
  };
}

export interface WordClasses {
  /** lowercase forms of words mostly written in lowercase (model header `lowercaseWords`) */
  common: ReadonlySet<string>;
  /** lowercase weekday and month names of the language */
  calendar: ReadonlySet<string>;
  /** TITLE_WORDS of the language */
  titles?: ReadonlySet<string>;
  /** ORGANISATION_WORDS of the language */
  organisations?: ReadonlySet<string>;
}

const calendarCache = new Map<string, ReadonlySet<string>>();

/** Weekday and month names (standalone and in-date forms), lowercase, from the runtime's CLDR data. */
export function calendarWords(language: string): ReadonlySet<string> {
  let words = calendarCache.get(language);
  if (words) return words;
  const found = new Set<string>();
  try {
    const weekday = new Intl.DateTimeFormat(language, { weekday: "long", timeZone: "UTC" });
    for (let d = 0; d < 7; d++) found.add(weekday.format(new Date(Date.UTC(2024, 0, 1 + d))).toLowerCase());
    const month = new Intl.DateTimeFormat(language, { month: "long", timeZone: "UTC" });
    const inDate = new Intl.DateTimeFormat(language, { month: "long", day: "numeric", timeZone: "UTC" });
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2024, m, 15));
      found.add(month.format(date).toLowerCase());
      const part = inDate.formatToParts(date).find((p) => p.type === "month")?.value;
      if (part) found.add(part.toLowerCase());
    }
  } catch {
    // an unknown language tag: no calendar words
  }
  words = found;
  calendarCache.set(language, words);
  return words;
}

/** The class of one token. */
export function wordClass(word: string, classes: WordClasses | undefined): number {
  if (!classes) return WORD_CLASS.other;
  const lower = word.toLowerCase();
  if (classes.calendar.has(lower)) return WORD_CLASS.calendar;
  if (lower === word) return WORD_CLASS.lowercase;
  // Capitalised only: "the party said" must keep the strong lowercase cue (measured on en dev).
  if (classes.titles) {
    const bare = lower.endsWith(".") ? lower.slice(0, -1) : lower;
    if (classes.titles.has(bare)) return WORD_CLASS.title;
    if (classes.organisations!.has(bare)) return WORD_CLASS.organisation;
  }
  return classes.common.has(lower) ? WORD_CLASS.capitalisedCommon : WORD_CLASS.other;
}

/**
 * Words of saying of a language, one token at a time, read from the quotes step's lexicon (one list
 * per language for quote attribution and for the NER rules that type speakers).
 */
export interface SpeechWords {
  /** A verb of saying, its speaker before or after it ("X said", "said X"). */
  verb: (token: string) => boolean;
  /** A word naming its source after it ("según X"). */
  source: (token: string) => boolean;
  /** A word that attributes only right after a closing quote ("…“, so X"). */
  afterQuote: (token: string) => boolean;
}

const speechCache = new Map<string, SpeechWords | undefined>();

/** The SpeechWords of `language`, undefined where the quotes step has no lexicon for it; built once. */
export function speechWords(language: string): SpeechWords | undefined {
  if (speechCache.has(language)) return speechCache.get(language);
  const lexicon = SPEECH_LEXICONS[language];
  const prefix = lexicon?.verbPrefix ?? "";
  const words = lexicon && {
    verb: tokenMatcher(lexicon.verbs, prefix),
    source: tokenMatcher(lexicon.sources),
    afterQuote: tokenMatcher(lexicon.afterQuote),
  };
  speechCache.set(language, words);
  return words;
}
