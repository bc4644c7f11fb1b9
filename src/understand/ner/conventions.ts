/**
 * NER step: news annotation conventions (CoNLL style) applied after tagging. The tagger learns
 * from WikiANN, whose mentions follow Wikipedia links, so it pulls titles and verbs into names
 * ("President Boris Yeltsin", "Leicestershire beat Somerset"), types country names by their
 * link targets (national teams, governments: ORG) and has no MISC class. In news annotation:
 * - a title before a name is not part of it, and the name is a person;
 * - a common lowercase word or a bare number inside a span separates two names;
 * - a country or world-region name standing alone is LOC, a nationality, language or faith word
 *   standing alone is MISC, and so is an event named by its head word ("World Cup", "U.S. Open"),
 *   a creed's members ("Moslems", "Republicans"), a name made an attribute ("pro-Israeli",
 *   "New York-based") and a time zone ("GMT");
 * - a possessive, "of" and a country, or "v" between names separates them ("Ohio 's Dan
 *   Price", "Tom Brack of Kenya", "CHILE V PERU"); offices, table headers and
 *   common abbreviations are no names ("Secretary of State", "W L T PCT", "GDP");
 * - results and scorecards name people and teams in fixed shapes ("Tom Brack ( Kenya ) 13:05.21",
 *   "c Hale b Okafor"), and a list of names mostly of people is a list of people;
 * - in a document, an organisation is named in full once and then by its first word, and is
 *   referred back to with "its" where a person is with "he".
 * Name lists come from data/ner/conventions.json.gz (scripts/train-ner.ts builds it from the
 * geocoding gazetteer and ../shared), the word lists below are closed-class words per language.
 */
import { spanEndAfter, spansFromTags, type TokenSpan } from "./model.ts";
import { calendarWords, INSTITUTION_HEADS, NAME_ADJECTIVE_ENDINGS, NEWS_AGENCIES, organisationWords, speechWords, titleWords, type SpeechWords } from "./lexicon.ts";
import { isShouting } from "./truecase.ts";
import { harmonizeDocument } from "./document.ts";
import { applyEastSlavicConventions } from "./conventions-ru.ts";
import { applyFrenchConventions, trimFrenchClosedClassWords, untagLoneCommonNouns } from "./conventions-fr.ts";
import { applySpanishConventions } from "./conventions-es.ts";
import { applyGermanConventions } from "./conventions-de.ts";
import { GAZETTEER_KINDS, MAX_ENTRY_TOKENS, NameList, type NameListData } from "./gazetteer.ts";
import { loadGazetteer } from "./data.ts";
import { hasLetter, hasLetterOrDigit, hasLowercase, isAcronym, isCapitalised, isLowercaseWord, isLowerLatin, isNumber, startsCapitalThenLowercase, startsWithLetter } from "../../letters.ts";

/** What a conventions-lexicon entry names; one letter each, an entry may hold several. */
export const NAME_KINDS = {
  country: "K",
  /** continent or multi-country area (Europe, Middle East) */
  area: "A",
  /** first-level region (US state, UK nation) */
  region: "R",
  demonym: "D",
  language: "G",
  /** religion or faith adjective (Muslim, Catholic) */
  faith: "F",
  /** given name ("Linda", "Saeed"), learnt from the person names of the training data */
  givenName: "P",
} as const;

export interface ConventionsData extends NameListData {
  /**
   * Per language, the words a spelling dictionary knows only in lowercase ("soccer", "division";
   * not "turkey", which it also has as "Turkey"): capitalised by their position alone, they are
   * no names. Plurals and possessives are read back to these stems.
   */
  commonWords?: Record<string, string[]>;
  /** Per language, the names its dictionary writes with a capital and an article: regions, rivers, seas ("Bretagne", "Léman"). */
  placeNames?: Record<string, string[]>;
}

const LOCATION_KINDS = /[KAR]/;

/** Russian and Ukrainian case endings of place names and the nominative endings they may come from. */
const SLAVIC_CASE_ENDINGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["ии", ["ия"]], ["ией", ["ия"]], ["ию", ["ия"]], ["ії", ["ія"]], ["ією", ["ія"]], ["ію", ["ія"]],
  ["ы", ["а"]], ["и", ["а", "я", "ь"]], ["е", ["а", "я", "", "ь"]], ["у", ["а", ""]], ["ю", ["я", "ь"]], ["ой", ["а"]], ["ей", ["я", "ь"]],
  ["ом", [""]], ["ем", ["ь", "й"]], ["я", ["ь", "й"]], ["а", [""]], ["і", ["а", "я", "", "ь"]],
];
const MISC_KINDS = /[DGF]/;

/**
 * Lowercase words that sit inside names ("Bank of England", "Brandenburg an der Havel"); any other
 * lowercase Latin word inside a span separates two names.
 */
const NAME_PARTICLES: Record<string, ReadonlySet<string>> = {
  en: new Set(["of", "the", "and", "for", "on", "upon", "de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "del", "dos", "das", "y", "bin", "ibn", "al", "el", "bint", "zu", "ter"]),
  de: new Set(["für", "und", "an", "am", "der", "die", "das", "des", "dem", "den", "von", "vom", "zu", "zum", "zur", "im", "in", "auf", "bei", "ob", "of", "the", "de", "la", "van"]),
  es: new Set(["de", "del", "la", "las", "los", "el", "y", "e", "en", "por", "para", "a", "al", "of", "the", "and", "da", "do", "dos", "das", "von", "van"]),
  fr: new Set([
    "de", "du", "des", "la", "le", "les", "l'", "d'", "et", "en", "sur", "sous", "à", "au", "aux", "pour", "par", "of", "the", "and",
    "von", "van", "der", "den", "da", "di", "del", "dos", "y", "ben", "bin", "ibn", "al", "el",
  ]),
  it: new Set(["di", "del", "della", "dei", "delle", "da", "e", "la", "il", "lo", "de", "of", "the"]),
  pt: new Set(["de", "da", "do", "das", "dos", "e", "a", "o", "of", "the"]),
};

/**
 * Words that end the name of an event (sports competitions, holidays, wars), English only: the
 * head comes last there ("World Cup", "Labour Day"), and WikiANN tags events as ORG or not at all.
 */
const EVENT_HEADS: Record<string, ReadonlySet<string>> = {
  en: new Set(["cup", "open", "championship", "championships", "games", "olympics", "olympiad", "prix", "tournament", "trophy", "classic", "masters", "series", "rally", "marathon", "festival", "war", "day", "award", "awards", "prize", "derby", "slam", "tour", "invitational", "league", "act", "revolution", "rising", "uprising", "protocol", "treaty"]),
};

/** Events named by one word, and their adjectives ("the Olympics", "an Olympic champion"). */
const EVENT_NAMES = new Set(["olympics", "olympic", "paralympics", "paralympic", "olympiad"]);

/** Words that open the name of an event or a document when "of" follows ("Treaty of Versailles", "Tour of Flanders"), English. */
const EVENT_OPENERS: Record<string, ReadonlySet<string>> = {
  en: new Set(["treaty", "war", "battle", "siege", "tour", "congress", "peace", "revolution"]),
};

/** A compound that makes a name an attribute ("New York-based", "Surinamese-born"): MISC in news annotation. */
const NAME_COMPOUND = /^\p{Lu}[\p{L}.']*(?:-\p{Lu}[\p{L}.']*)*-(?:based|born|bound|led|backed|sponsored|owned|made|run|controlled|style|era|listed|registered)$/u;

/** A name made an attribute by a prefix ("pro-Israeli", "trans-Atlantic", "ex-England", "then-U.S."): MISC in news annotation. */
const PREFIXED_NAME = /^(?:anti|pro|pre|post|trans|mid|ex|non|pan|neo|then|inter|intra|sub|ultra|semi|pseudo|quasi|cross)-\p{Lu}/u;

/** First parts of compounds of nationalities ("Franco-German", "Anglo-Irish", "Sino-Soviet"). */
const COMBINING_FORMS = new Set(["Franco", "Anglo", "Sino", "Indo", "Afro", "Euro", "Russo", "Greco", "Austro", "Italo", "Judeo", "Turco", "Hispano", "Luso", "Serbo", "Czecho", "Polono", "Germano"]);

/** A currency written with its country's abbreviation ("C$", "US$", "HK$"): MISC, like the nationality it holds. */
const COUNTRY_CURRENCY = /^\p{Lu}{1,3}\$$/u;

/**
 * Short names of organisations that news name without introducing them, beside the news agencies:
 * the broadcasters, international bodies and central banks they report on daily. English.
 */
const WELL_KNOWN_ORGANISATIONS: Record<string, ReadonlySet<string>> = {
  en: new Set(["BBC", "CNN", "Fed", "U.N.", "NATO", "Nato", "IMF", "OPEC", "WTO", "OSCE", "UNICEF", "UNESCO", "UNHCR"]),
};

/**
 * Sports named in a report's headline slug ("CRICKET - ...", "Soccer: ..."), English: a report
 * on a sport names teams by their towns and regions, and a team is an organisation.
 */
const SPORTS: Record<string, ReadonlySet<string>> = {
  en: new Set([
    "soccer", "football", "cricket", "baseball", "basketball", "tennis", "golf", "rugby", "hockey", "ice hockey", "athletics",
    "boxing", "cycling", "motor racing", "motorcycling", "formula one", "squash", "badminton", "swimming", "skiing", "sailing",
    "horse racing", "racing", "volleyball", "handball", "snooker", "rowing", "judo", "wrestling", "nfl", "nba", "nhl",
    "american football", "rugby union", "rugby league", "table tennis", "equestrianism", "triathlon", "sport", "sports",
  ]),
};

/** Words before a place that make it the place where something happens, not a team ("at Lord's", "in Leeds"). */
const LOCATIVE_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(["in", "at", "near", "outside", "around", "of"]),
};

/** The UK's nations, regions in the gazetteer, field national teams: news annotation keeps them LOC like countries. */
const NATIONAL_TEAM_REGIONS = new Set(["england", "scotland", "wales", "northern ireland"]);

/** Tokens after which a word is capitalised by its position: sentence and list-item openers. */
const SENTENCE_OPENERS = new Set(['"', "'", "“", "«", "„", "(", "-", "–", "—", ":", "‘", "--", "*", "•"]);

/** A score or a result after a team's name ("Kent 108-3", "Chicago 67 60 .528"). */
const SCORE = /^\d+(-\d+)?$/;
const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

/** Words around a town's name that make it a team: opponents, results, team members. */
const TEAM_CONTEXT: Record<string, { before: ReadonlySet<string>; after: ReadonlySet<string> }> = {
  en: {
    before: new Set(["v", "vs", "vs.", "beat", "beating", "against", "over", "defeated", "edged", "routed", "thrashed", "drew", "host", "hosts", "visiting", "champions", "for", "joined", "join", "joining", "signed", "former", "face", "faces", "facing", "play", "plays", "played", "meet", "meets"]),
    after: new Set(["beat", "beats", "drew", "draw", "lost", "won", "win", "wins", "v", "vs", "vs.", "defeated", "captain", "coach", "manager", "striker", "midfielder", "goalkeeper", "defender", "batsman", "bowler", "pitcher", "opener", "forward", "team", "side", "squad", "players", "fans", "supporters", "chairman", "reached", "closed", "made", "scored", "were", "are", "have", "had", "will", "lead", "led", "trail", "trailed", "play", "played", "host", "hosted", "face", "faced"]),
  },
};

/** Languages whose lone places next to a verb of saying are people (typeSpeakers); measured, French, German and Russian lose. */
const SPEAKING_PLACE_LANGUAGES = new Set(["en"]);

/** What makes a word next to a verb of saying its speaker, per language (the verbs: the quotes step's lexicon). */
export interface SpeakerRule {
  speech: SpeechWords;
  /** Whether the word at `i` may be a speaker the rule retypes: a lone name, as the language's rules see it. */
  isCandidate: (words: readonly string[], tags: readonly string[], i: number) => boolean;
  /** A name after its verb must end the clause ("said Parnevik ."): one that goes on may open the next clause. */
  afterVerbEndsClause: boolean;
}

/**
 * "Parnevik said", "said Parnevik .", "según Galván": a lone name next to a verb of saying (before or
 * after it), or after a word naming a source, is its speaker, a person.
 */
export function typeSpeakers(words: readonly string[], tags: string[], rule: SpeakerRule): void {
  for (let v = 0; v < words.length; v++) {
    const verb = rule.speech.verb(words[v]!);
    if (!verb && !rule.speech.source(words[v]!)) continue;
    if (verb && v > 0 && rule.isCandidate(words, tags, v - 1)) writeSpan(tags, v - 1, v, "PER");
    const after = v + 1;
    if (after < words.length && rule.isCandidate(words, tags, after) && !(verb && rule.afterVerbEndsClause && startsWithLetter(words[after + 1] ?? "."))) writeSpan(tags, after, after + 1, "PER");
  }
}

/** Words before "to" and "with" that make what follows an opponent ("lost to", "drew with"). */
const LOSING = new Set(["lost", "lose", "loses", "losing", "beaten", "home", "away"]);
const DRAWING = new Set(["drew", "draw", "draws", "drawn", "drawing", "level", "tied"]);

/** Articles that news annotation leaves outside a name ("the Commerce Department"). */
const LEADING_ARTICLES: Record<string, ReadonlySet<string>> = {
  en: new Set(["the"]),
};

/** Nouns after a town's name that make it the place ("Belgrade airport", "the Chicago area"). */
const PLACE_NOUNS: Record<string, ReadonlySet<string>> = {
  en: new Set(["airport", "port", "harbour", "harbor", "area", "region", "district", "province", "suburb", "suburbs", "outskirts", "residents", "city", "town", "village", "county", "state", "newsdesk", "newsroom"]),
};

/** Legal forms that end a firm's name ("Daniels Pharmaceuticals Inc"). */
const LEGAL_FORMS = new Set(["inc", "inc.", "corp", "corp.", "ltd", "ltd.", "co", "co.", "plc", "llc", "ag", "sa", "nv", "bv", "gmbh", "spa"]);

/** Nouns after a company's name ("Magna shares", "Cofinec 's chairman"). */
const BUSINESS_NOUNS: Record<string, ReadonlySet<string>> = {
  en: new Set(["shares", "stock", "stocks", "shareholders", "stockholders", "subsidiary", "subsidiaries", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "chairman", "ceo", "earnings", "profit", "profits", "revenue", "revenues", "sales", "unit", "board", "executives"]),
};

/** Nouns after an outlet's name. */
const MEDIA_NOUNS: Record<string, ReadonlySet<string>> = {
  en: new Set(["newspaper", "daily", "weekly", "magazine", "agency", "radio", "television", "tv", "broadcaster", "newsletter", "website"]),
};

/**
 * Words that tell an organisation from a person named by one word: the possessive pronoun that
 * refers back to it ("Velotex said its output rose"), the nouns that introduce it ("retail group
 * Velotex"), against the pronouns and titles of a person.
 */
const REFERENCE_WORDS: Record<string, { organisation: ReadonlySet<string>; person: ReadonlySet<string>; organisationNouns: ReadonlySet<string> }> = {
  en: {
    organisation: new Set(["its", "itself"]),
    person: new Set(["he", "she", "his", "her", "him", "himself", "herself"]),
    organisationNouns: new Set(["company", "group", "firm", "maker", "manufacturer", "producer", "carrier", "airline", "bank", "retailer", "insurer", "brewer", "conglomerate", "chain", "operator", "supplier", "giant", "concern", "miner", "agency", "newspaper", "daily", "club"]),
  },
};

/**
 * Languages whose news name an organisation by its first word after naming it in full ("Velotex"
 * after "Velotex Mining Corp"); elsewhere the short form is often inflected or taken from the end.
 */
const SHORT_NAME_LANGUAGES = new Set(["en"]);

/** Prepositions, conjunctions and adverbs that open a sentence, capitalised by position only, English. */
const LEADING_FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set([
    "at", "in", "on", "for", "from", "with", "by", "after", "before", "during", "since", "until", "against", "under", "over", "without",
    "when", "while", "if", "but", "and", "or", "as", "so", "then", "also", "instead", "meanwhile", "however", "still", "now", "only",
    "last", "next", "earlier", "later", "yesterday", "today", "tomorrow", "unlike", "like", "despite", "although", "though", "because",
  ]),
};

/** Cricket scorecard words around the names of batsmen and bowlers: caught, bowled, stumped, leg before wicket. */
const SCORECARD_WORDS = new Set(["c", "b", "st", "lbw"]);
/** A bowler's overs, maidens, runs and wickets. */
const BOWLING_FIGURES = /^\d+(?:\.\d)?-\d+-\d+-\d+$/;

/** Heads of the names of a government's bodies ("Foreign Ministry", "Supreme Court"), English. */
const GOVERNMENT_BODIES = new Set(["ministry", "office", "court", "department", "parliament", "cabinet", "government"]);

/** Counts that open a span by position, not as part of a name ("Three Russian", "Seven Iraqis"). */
const NUMBER_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens", "hundreds", "thousands", "several", "some", "many", "all", "both"]),
};

const DATE_TOKEN = /^\d{4}-\d\d-\d\d$|^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

/** Abbreviated months and weekdays ("Dec 6", "Sept. 21", "Thurs"), which the runtime's calendar names lack. */
const CALENDAR_ABBREVIATIONS: Record<string, ReadonlySet<string>> = {
  en: new Set(["jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "thu", "thur", "thurs", "fri"]),
};

/**
 * Abbreviations of common nouns written in capitals ("GDP", "CEO", "IPO"): no organisations. Time
 * zones ("GMT", "EST") are named standards: MISC in news annotation.
 */
const COMMON_ABBREVIATIONS: Record<string, ReadonlySet<string>> = {
  en: new Set(["GDP", "GNP", "CPI", "PPI", "PMI", "CEO", "CFO", "COO", "IPO", "VAT", "AIDS", "HIV", "DNA", "ISDN", "ATM", "PC", "TV", "MP", "MPs", "PR", "VIP", "OK", "FAQ", "ADR", "ADRs", "ADS", "NGO", "NGOs", "MLN", "BLN", "PCT", "YTD", "CAPS"]),
};
const TIME_ZONES: Record<string, ReadonlySet<string>> = {
  en: new Set(["GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "EET"]),
};

/** Languages that name tournaments "Open" ("the U.S. Open"). */
const OPEN_TOURNAMENT: Record<string, boolean> = { en: true };

/**
 * Heads of event names that a shouted headline's truecasing would lowercase with the common word
 * before them ("WORLD CUP", "GRAND PRIX"), English.
 */
const SHOUTED_EVENT_HEADS: Record<string, ReadonlySet<string>> = {
  en: new Set(["cup", "championship", "championships", "prix", "trophy", "series", "league", "olympics", "games"]),
};

/** Words that are never a name alone though always capitalised. */
const NEVER_ALONE: Record<string, ReadonlySet<string>> = {
  en: new Set(["I"]),
};

const INITIAL = /^\p{Lu}\.$/u;

const isInitial = (word: string): boolean => INITIAL.test(word);

const CYRILLIC_WORD = /^\p{Script=Cyrillic}+$/u;
/** A list item number ("1.", "2)"). */
const LIST_NUMBER = /^\p{N}+[.)]?$/u;
/** A country written as 2 or 3 capitals ("US", "U.K."). */
const COUNTRY_ABBREVIATION = /^(?:\p{Lu}\.?){2,3}$/u;
const CAPITALISED_WORD = /^\p{Lu}[\p{L}'-]+$/u;

export class Conventions extends NameList {
  private readonly commonWords = new Map<string, ReadonlySet<string>>();
  private readonly placeNames = new Map<string, ReadonlySet<string>>();

  constructor(data: ConventionsData) {
    super(data);
    for (const [language, words] of Object.entries(data.commonWords ?? {})) this.commonWords.set(language, new Set(words));
    for (const [language, names] of Object.entries(data.placeNames ?? {})) this.placeNames.set(language, new Set(names.map((name) => name.toLowerCase())));
  }

  /** Whether the language's dictionary writes `word` as a place that takes an article ("Bretagne", "Léman"). */
  isDictionaryPlace(word: string, language: string): boolean {
    return this.placeNames.get(language)?.has(word.toLowerCase()) ?? false;
  }

  /** Whether `word` is a listed given name and nothing else ("Linda"). */
  private isGivenName(word: string): boolean {
    return this.entries.get(word.toLowerCase()) === NAME_KINDS.givenName;
  }

  /** Whether some listed name starts with `word` ("sri" of "Sri Lanka"): such a word keeps its capital in a shouted line. */
  startsListedName(word: string): boolean {
    return this.firstTokens.has(word.toLowerCase());
  }

  /** Whether `word` is one of the language's lowercase-only dictionary words, or a plural of one. */
  isCommonWord(word: string, language: string): boolean {
    const words = this.commonWords.get(language);
    return !!words && hasWordOrStem(words, word.toLowerCase());
  }

  /** The kinds the gazetteer and these lists give one word ("C" a town, "K" a country...), "" when neither knows it. */
  knownKinds(word: string): string {
    return (loadGazetteer().kindsOf(word.toLowerCase()) ?? "") + (this.match([word], 0)?.[1] ?? "");
  }

  /** Whether the gazetteer or these lists know `word` as a town, country, area or region. */
  isKnownPlace(word: string): boolean {
    const kinds = this.knownKinds(word);
    return kinds.includes(GAZETTEER_KINDS.city) || [NAME_KINDS.country, NAME_KINDS.area, NAME_KINDS.region].some((k) => kinds.includes(k));
  }

  /** Longest entry starting at `i` (capitalised start), as [length, kinds], or undefined. */
  match(words: readonly string[], i: number): [number, string] | undefined {
    if (!isCapitalised(words[i]!)) return undefined;
    if (!this.firstTokens.has(words[i]!.toLowerCase())) {
      const kinds = this.inflectedPlace(words[i]!);
      return kinds ? [1, kinds] : undefined;
    }
    let found: [number, string] | undefined;
    let key = "";
    for (let len = 1; len <= MAX_ENTRY_TOKENS && i + len <= words.length; len++) {
      key = len === 1 ? words[i]!.toLowerCase() : `${key} ${words[i + len - 1]!.toLowerCase()}`;
      const kinds = this.entries.get(key);
      if (kinds) found = [len, kinds];
    }
    return found;
  }

  /**
   * Kinds of a one-word place name in a Slavic case form ("Турции", "Израиля", "Европы"): the
   * nominative guessed by swapping the commonest case endings, place kinds only.
   */
  private inflectedPlace(word: string): string | undefined {
    if (!CYRILLIC_WORD.test(word)) return undefined;
    const lower = word.toLowerCase();
    for (const [ending, replacements] of SLAVIC_CASE_ENDINGS) {
      if (!lower.endsWith(ending) || lower.length < ending.length + 3) continue;
      const stem = lower.slice(0, -ending.length);
      for (const replacement of replacements) {
        const kinds = this.entries.get(stem + replacement);
        if (kinds && LOCATION_KINDS.test(kinds)) return kinds.replace(/[^KAR]/g, "");
      }
    }
    return undefined;
  }

  /**
   * Rewrite one sentence's IOB2 `tags` in place to news conventions. `commonWords` are the
   * language's mostly-lowercase words (a capitalised one is not a faith word: "Bishop").
   */
  apply(words: readonly string[], tags: string[], language: string, commonWords: ReadonlySet<string>): void {
    untagTableHeader(words, tags);
    trimLeadingWords(words, tags, LEADING_ARTICLES[language], calendarWords(language), NUMBER_WORDS[language], CALENDAR_ABBREVIATIONS[language]);
    typeDateline(words, tags);
    untagPronounI(words, tags, commonWords);
    splitAtInnerWords(words, tags, language, (word) => this.isCommonWord(word, language) || commonWords.has(word.toLowerCase()));
    splitOffTitles(words, tags, titleWords(language), organisationWords(language));
    if (language === "en") {
      this.typeScorecardPeople(words, tags, commonWords);
      this.splitAtPossessives(words, tags, organisationWords(language));
      this.splitOfPlaces(words, tags, commonWords);
      this.splitOfAffiliations(words, tags, commonWords);
    }
    this.trimTrailingTitles(words, tags, titleWords(language), commonWords);
    untagOffices(words, tags, titleWords(language), commonWords);
    this.splitLeadingPlaces(words, tags);
    // Per-language trimming first, so a whole span is the listed name ("de France").
    if (language === "fr") trimFrenchClosedClassWords(words, tags);
    this.typeKnownNames(words, tags, commonWords);
    this.typeDemonymRuns(words, tags, commonWords);
    this.typeMedia(words, tags, MEDIA_NOUNS[language]);
    this.typePersonNames(words, tags, organisationWords(language), commonWords);
    if (language === "en") typePersonLists(words, tags);
    joinInvertedName(words, tags);
    tagAcronyms(words, tags, commonWords, COMMON_ABBREVIATIONS[language], (word) => this.isKnownPlace(word));
    typeAbbreviations(words, tags, COMMON_ABBREVIATIONS[language], TIME_ZONES[language]);
    typeNewsAgencies(words, tags);
    typeWellKnownOrganisations(words, tags, WELL_KNOWN_ORGANISATIONS[language]);
    const heads = EVENT_HEADS[language];
    if (heads) markEvents(words, tags, heads, EVENT_OPENERS[language]!);
    if (language === "en") this.markCompounds(words, tags);
    const never = NEVER_ALONE[language];
    if (never) untagNeverAlone(words, tags, never);
    if (language === "ru" || language === "uk") applyEastSlavicConventions(words, tags, this);
    if (language === "fr") applyFrenchConventions(words, tags, this);
    if (language === "es") applySpanishConventions(words, tags, this);
    if (language === "de") applyGermanConventions(words, tags, this);
  }

  /**
   * Document-level conventions, after every sentence went through `apply`: common words capitalised
   * by position untagged, towns before place nouns LOC, teams in sports reports ORG (or people
   * speaking, surnames), then the document harmonised again so each string keeps one type.
   */
  applyToDocument(
    sentences: ReadonlyArray<readonly string[]>,
    tags: string[][],
    language: string,
    modelCommonWords: ReadonlySet<string> = new Set(),
    isTown: (name: string) => boolean = () => false,
  ): void {
    this.untagPositionalCapitals(sentences, tags, language, modelCommonWords);
    if (language === "fr") untagLoneCommonNouns(sentences, tags, this);
    const placeNouns = PLACE_NOUNS[language];
    if (placeNouns) typeTownsBeforePlaceNouns(sentences, tags, placeNouns, isTown);
    const businessNouns = BUSINESS_NOUNS[language];
    if (businessNouns) this.typeCompanies(sentences, tags, businessNouns, isTown);
    const places = this.typeTeams(sentences, tags, language);
    const references = REFERENCE_WORDS[language];
    if (references) typeByReference(sentences, tags, references, (word) => this.isGivenName(word));
    if (SHORT_NAME_LANGUAGES.has(language)) typeShortNames(sentences, tags, (word) => isTown(word) || !!this.match([word], 0) || hasWordOrStem(modelCommonWords, word.toLowerCase()) || this.isCommonWord(word, language));
    typeSurnames(sentences, tags, (word) => isAcronym(word) || /[KA]/.test(this.match([word], 0)?.[1] ?? ""));
    // Once more, so each string keeps the type the conventions gave most of its mentions.
    harmonizeDocument(sentences, tags, modelCommonWords);
    sentences.forEach((words, s) => typeDateline(words, tags[s]!));
    // ... but a place where a match is played stays one ("at Chicago", datelines), though its team is named alike.
    for (const { sentence, span } of places) if (spansFromTags(tags[sentence]!).some((t) => t.start === span.start && t.end === span.end)) writeSpan(tags[sentence]!, span.start, span.end, "LOC");
    const never = NEVER_ALONE[language];
    if (never) sentences.forEach((words, s) => untagNeverAlone(words, tags[s]!, never));
    const speech = SPEAKING_PLACE_LANGUAGES.has(language) ? speechWords(language) : undefined;
    if (speech) {
      // A lone unknown word the tagger read as a place, speaking, is a person: places speak through
      // their names only as countries, which the lists know.
      const rule: SpeakerRule = {
        speech,
        isCandidate: (words, tags, i) => tags[i] === "B-LOC" && !(tags[i + 1] ?? "").startsWith("I-") && !this.match(words, i),
        afterVerbEndsClause: true,
      };
      sentences.forEach((words, s) => typeSpeakers(words, tags[s]!, rule));
    }
    // A capital letter alone is no name ("X / Y"), nor is a garbled span, whatever the document's other steps made of them.
    sentences.forEach((words, s) => {
      for (const span of spansFromTags(tags[s]!)) {
        if ((span.end - span.start === 1 && /^[A-Z]$/.test(words[span.start]!)) || isGarbled(words.slice(span.start, span.end), span.type)) {
          for (let i = span.start; i < span.end; i++) tags[s]![i] = "O";
        }
      }
    });
  }

  /**
   * A lone common word capitalised only by its position (a sentence's or a list item's first word,
   * a shouted headline: "SOCCER -", "Scorers :", "Division one") is no name, unless the document
   * also capitalises it mid-sentence, where case means something ("Apple said ... at Apple").
   */
  private untagPositionalCapitals(sentences: ReadonlyArray<readonly string[]>, tags: string[][], language: string, modelCommonWords: ReadonlySet<string>): void {
    // The dictionary lacks some function words ("under"), which the model's vocabulary has.
    // English plurals ("Forwards") are read back to their stems.
    const isModelWord = (lower: string): boolean => (language === "en" ? hasWordOrStem(modelCommonWords, lower) : modelCommonWords.has(lower));
    // Titles in the plural head lists ("Forwards - ...").
    const titles = titleWords(language);
    const isCommon = (w: string): boolean => this.isCommonWord(w, language) || isModelWord(w.toLowerCase()) || (language === "en" && hasWordOrStem(titles, w.toLowerCase()));
    const shouting = sentences.map((words) => isShouting(words));
    const positional = (words: readonly string[], i: number, s: number): boolean =>
      shouting[s]! || i === 0 || SENTENCE_OPENERS.has(words[i - 1]!) || LIST_NUMBER.test(words[i - 1]!);
    const capitalisedInText = new Set<string>();
    sentences.forEach((words, s) => {
      for (let i = 1; i < words.length; i++) if (isCapitalised(words[i]!) && !positional(words, i, s)) capitalisedInText.add(words[i]!.toLowerCase());
    });
    const positionalCommon = (w: string): boolean => isCapitalised(w) && isCommon(w) && !capitalisedInText.has(w.toLowerCase());
    const functionWords = LEADING_FUNCTION_WORDS[language];
    sentences.forEach((words, s) => {
      // A preposition or adverb opening a span by position is no part of the name ("At Leeds", "Instead Price").
      for (const span of spansFromTags(tags[s]!)) {
        if (span.end - span.start < 2 || !positional(words, span.start, s) || !functionWords?.has(words[span.start]!.toLowerCase())) continue;
        // Not in a title of a work, which has lowercase words ("Gone with the Wind", "In the Heat of the Night").
        const rest = words.slice(span.start + 1, span.end);
        const title = rest.some((w) => isLowerLatin(w) || w === "'s") || (rest[0] !== "The" && isCommon(rest[0]!));
        if (!title) {
          tags[s]![span.start] = "O";
          writeSpan(tags[s]!, span.start + 1, span.end, span.type);
        }
      }
      for (const span of spansFromTags(tags[s]!)) {
        if (!positional(words, span.start, s) || this.match(words, span.start)) continue;
        const spanWords = words.slice(span.start, span.end).filter((w) => hasLetter(w) && w !== "'s");
        if (spanWords.length === 0) continue;
        if ((spanWords.length === 1 || shouting[s]) && spanWords.every(positionalCommon)) {
          for (let i = span.start; i < span.end; i++) tags[s]![i] = "O";
          continue;
        }
        // A plural common noun and "of" opening a span by position are no part of the name ("Results of
        // English", "Shares of Microsoft"); a singular head stays ("Bank of England").
        const first = words[span.start]!;
        if (shouting[s] || !positionalCommon(first)) continue;
        const next = words[span.start + 1]!;
        // ... and so is one before a name the lists know ("Top Belarus politician", "Ruling Moslem party").
        const knownFrom = (at: number): string | undefined => {
          const known = this.match(words, at);
          return known && at + known[0] === span.end ? knownType(known[1]) : undefined;
        };
        // ... and so is a descriptor before a person's given name ("Winger Dan Price").
        const descriptor = this.isGivenName(next) && this.isCommonWord(first, language) && !/^(?:saints?|st\.?)$/i.test(first);
        const cut = knownFrom(span.start + 1) || descriptor ? 1 : next === "of" && /s$/.test(first) && isCapitalised(words[span.start + 2] ?? "") ? 2 : 0;
        if (cut === 0 || span.start + cut >= span.end) continue;
        for (let i = span.start; i < span.start + cut; i++) tags[s]![i] = "O";
        writeSpan(tags[s]!, span.start + cut, span.end, knownFrom(span.start + cut) ?? span.type);
      }
    });
  }

  /**
   * A name the tagger read as a place or person, before a company noun ("Cofinec shares", "Magna 's
   * stock"), is the company, unless it is a known place ("Tokyo shares" are the market's).
   */
  private typeCompanies(sentences: ReadonlyArray<readonly string[]>, tags: string[][], nouns: ReadonlySet<string>, isTown: (name: string) => boolean): void {
    sentences.forEach((words, s) => {
      for (const span of spansFromTags(tags[s]!)) {
        if (span.type === "ORG" || span.type === "MISC") continue;
        const next = words[span.end] === "'s" ? words[span.end + 1] : words[span.end];
        if (!nouns.has(next?.toLowerCase() ?? "") || this.match(words, span.start) || isTown(words.slice(span.start, span.end).join(" "))) continue;
        writeSpan(tags[s]!, span.start, span.end, "ORG");
      }
    });
  }

  /**
   * In a sports report (headline slug or result lines), towns and regions that play are teams: ORG.
   * Returns the places that stay places there, by the words around them ("at Leeds", datelines).
   */
  private typeTeams(sentences: ReadonlyArray<readonly string[]>, tags: string[][], language: string): { sentence: number; span: TokenSpan }[] {
    const sports = SPORTS[language];
    // A sports report says so in its slug, or shows a result line.
    if (!sports || sentences.length === 0) return [];
    const resultSides = sentences.map(resultLineSides);
    if (!isSportsSlug(sentences[0]!, sports) && resultSides.every((sides) => sides.length === 0)) return [];
    const places: { sentence: number; span: TokenSpan }[] = [];
    const locative = LOCATIVE_WORDS[language] ?? new Set<string>();
    const teamWords = TEAM_CONTEXT[language]!;
    const candidates: { sentence: number; span: TokenSpan; key: string }[] = [];
    const teams = new Set<string>();
    const keyOf = (words: readonly string[], span: TokenSpan): string => words.slice(span.start, span.end).join(" ").toLowerCase();
    const isNation = (words: readonly string[], span: TokenSpan): boolean => {
      const known = this.match(words, span.start);
      return !!known && known[0] === span.end - span.start && (/[KA]/.test(known[1]) || NATIONAL_TEAM_REGIONS.has(keyOf(words, span)));
    };
    sentences.forEach((words, s) => {
      // A result line, "Aston Villa 2 Everton 0": whatever the tagger read, both sides are teams.
      // ... and so is the name opening a standings row ("Chicago 67 60 .528 4"), unless a person's.
      for (const side of [...resultSides[s]!, ...standingsRowName(words, (w) => isInitial(w) || this.isGivenName(w))]) {
        const nation = isNation(words, side);
        if (!nation) teams.add(keyOf(words, side));
        if (!nation || tags[s]![side.start] === "O") writeSpan(tags[s]!, side.start, side.end, nation ? "LOC" : "ORG");
      }
      for (const span of spansFromTags(tags[s]!)) {
        if (span.type === "MISC" || isNation(words, span)) continue;
        const key = keyOf(words, span);
        const before = words[span.start - 1]?.toLowerCase() ?? "";
        const after = words[span.end]?.toLowerCase() ?? "";
        // "Leeds 's coach", "lost to Leeds", "drew 1-1 with Leeds"
        const afterPossessive = after === "'s" ? (words[span.end + 1]?.toLowerCase() ?? "") : after;
        const twoBefore = words[span.start - 2]?.toLowerCase() ?? "";
        const opponent = (before === "to" && LOSING.has(twoBefore)) || (before === "with" && (SCORE.test(twoBefore) || DRAWING.has(twoBefore)));
        // A score after a name makes a place a team; the tagger's organisations need words (a score follows bowlers too).
        const teamWordsAround = teamWords.before.has(before) || teamWords.after.has(afterPossessive) || opponent;
        if ((span.type === "LOC" && (SCORE.test(after) || teamWordsAround)) || (span.type === "ORG" && teamWordsAround)) teams.add(key);
        // A player's club in brackets after the name ("Ali Khan ( Rovers )", "( Rovers , Kenya )").
        if (span.type !== "PER" && before === "(" && tags[s]![span.start - 2]?.endsWith("-PER") && (after === ")" || after === ",")) {
          writeSpan(tags[s]!, span.start, span.end, "ORG");
          continue;
        }
        if (locative.has(before) || before === "(" || after === ":" || ISO_DATE.test(after)) {
          // A venue ("at Leeds", "in Leeds") is the place whatever the tagger read; "of" may name a team's home.
          const venue = (before === "at" || before === "in") && span.type === "ORG";
          if ((span.type === "LOC" && (locative.has(before) || ISO_DATE.test(after))) || venue) places.push({ sentence: s, span });
          continue;
        }
        candidates.push({ sentence: s, span, key });
      }
    });
    for (const { sentence, span, key } of candidates) if (teams.has(key)) writeSpan(tags[sentence]!, span.start, span.end, "ORG");
    return places;
  }

  /** A name the lists don't know followed by a media noun is the outlet ("the Sun newspaper", "Tanjug agency"). */
  private typeMedia(words: readonly string[], tags: string[], nouns: ReadonlySet<string> | undefined): void {
    if (!nouns) return;
    for (const span of spansFromTags(tags)) {
      // "the Xinhua news agency": a "news" or "press" before the noun.
      const next = words[span.end]?.toLowerCase() ?? "";
      const noun = next === "news" || next === "press" ? (words[span.end + 1]?.toLowerCase() ?? "") : next;
      if (span.type === "ORG" || !nouns.has(noun) || this.match(words, span.start)) continue;
      writeSpan(tags, span.start, span.end, "ORG");
    }
  }

  /**
   * A span not read as a person ending in a title is an office, not a name ("Polish Foreign Minister", "U.S. Trade
   * Representative"): the title and the capitalised common words before it are cut off, and what is
   * left takes its type from the name lists ("Polish" MISC).
   */
  private trimTrailingTitles(words: readonly string[], tags: string[], titleSet: ReadonlySet<string>, commonWords: ReadonlySet<string>): void {
    if (titleSet.size === 0) return;
    for (const span of spansFromTags(tags)) {
      // A person span ending so is a name ("Martin Luther King").
      if (span.type === "PER" || !titleSet.has(words[span.end - 1]!.toLowerCase().replace(/\.$/, ""))) continue;
      let end = span.end - 1;
      while (end > span.start && (titleSet.has(words[end - 1]!.toLowerCase()) || commonWords.has(words[end - 1]!.toLowerCase()))) end--;
      for (let i = end; i < span.end; i++) tags[i] = "O";
      if (end === span.start) continue;
      const known = this.match(words, span.start);
      const type = known && known[0] === end - span.start ? knownType(known[1]) : undefined;
      writeSpan(tags, span.start, end, type ?? span.type);
    }
  }

  /**
   * A person span opening with a place, a nationality or an acronym and followed by a full name is an
   * affiliation and a person ("президент РФ Дмитрий Медведев", "премьер Японии Наото Кан", "Mexican Ariel Cruz");
   * so is any span opening with a nationality before a given name ("American Dan Price", whatever the tagger read).
   */
  private splitLeadingPlaces(words: readonly string[], tags: string[]): void {
    for (const span of spansFromTags(tags)) {
      const place = this.match(words, span.start);
      const known = place && (LOCATION_KINDS.test(place[1]) || MISC_KINDS.test(place[1]));
      const rest = span.end - span.start - (known ? place[0] : 0);
      const person = known && place[1] === NAME_KINDS.demonym && rest >= 2 && this.isGivenName(words[span.start + place[0]]!);
      // A nationality before a government body named by common words ("Danish Foreign Ministry") is an attribute of it.
      if (known && /D/.test(place[1]) && span.type === "ORG" && rest === 2 && GOVERNMENT_BODIES.has(words[span.end - 1]!.toLowerCase())) {
        writeSpan(tags, span.start, span.start + place[0], "MISC");
        writeSpan(tags, span.start + place[0], span.end, "ORG");
        continue;
      }
      if (!person && (span.type !== "PER" || span.end - span.start < 3)) continue;
      const length = known ? place[0] : isAcronym(words[span.start]!) ? 1 : 0;
      if (length === 0 || (!person && span.end - span.start - length < 2)) continue;
      writeSpan(tags, span.start, span.start + length, !known ? "ORG" : LOCATION_KINDS.test(place[1]) ? "LOC" : "MISC");
      writeSpan(tags, span.start + length, span.end, "PER");
    }
  }

  /**
   * Sports results name people in fixed shapes: an athlete and a country in brackets ("Tom Brack
   * ( Kenya ) 13:05.21"), a cricket scorecard ("Ali Khan c Hale b Okafor 33", "Okafor
   * 10-0-59-1"). A span of two to four name words in such a place is a person, unless it ends in an
   * organisation word or, before a country, holds a common word ("Royal Star ( Kenya )" is a club).
   * The name after the athlete's country and a comma is the team ("( Kenya ) , Talbot Ford ,").
   */
  private typeScorecardPeople(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>): void {
    const organisational = organisationWords("en");
    const isCountry = (at: number): boolean => /[KR]/.test(this.match(words, at)?.[1] ?? "") || COUNTRY_ABBREVIATION.test(words[at] ?? "");
    for (let i = 0; i < words.length; i++) {
      if (tags[i] !== "O" || !CAPITALISED_WORD.test(words[i]!) || commonWords.has(words[i]!.toLowerCase())) continue;
      // An untagged bowler or batsman ("Okafor 7-0-29-0", "lbw b Okafor 21").
      if (BOWLING_FIGURES.test(words[i + 1] ?? "") || (SCORECARD_WORDS.has(words[i - 1] ?? "") && /^\d+$/.test(words[i + 1] ?? ""))) tags[i] = "B-PER";
      // An untagged team after a rider and the country ("Tom Brack ( Kenya ) Velotex 20:36:54").
      else if (words[i - 1] === ")" && words[i - 3] === "(" && isCountry(i - 2) && tags[i - 4]?.endsWith("-PER") && !startsWithLetter(words[i + 1] ?? "1")) tags[i] = "B-ORG";
    }
    for (const span of spansFromTags(tags)) {
      if (span.type === "MISC") continue;
      const length = span.end - span.start;
      const name = words.slice(span.start, span.end);
      if (length > 4 || !name.every((w) => isCapitalised(w)) || organisational.has(name[length - 1]!.toLowerCase())) continue;
      const before = words[span.start - 1] ?? "";
      const after = words[span.end] ?? "";
      const inBrackets = after === "(" && words[span.end + 2] === ")" ? words[span.end + 1]! : "";
      const bracketed = inBrackets ? this.match(words, span.end + 1) : undefined;
      const country = (bracketed?.[0] === 1 && /[KR]/.test(bracketed[1])) || COUNTRY_ABBREVIATION.test(inBrackets);
      const cricket = SCORECARD_WORDS.has(before) || SCORECARD_WORDS.has(after) || BOWLING_FIGURES.test(after);
      const nameWords = name.every((w) => !commonWords.has(w.toLowerCase()) && !this.isCommonWord(w, "en"));
      // The team after an athlete and a country ("Tom Brack ( Kenya ) , Talbot Ford , 51.200").
      const countryBefore = words[span.start - 4] === "(" && isCountry(span.start - 3);
      if (before === "," && words[span.start - 2] === ")" && countryBefore && tags[span.start - 5]?.endsWith("-PER") && after === ",") {
        writeSpan(tags, span.start, span.end, "ORG");
        continue;
      }
      if (span.type !== "PER" && (cricket || (country && length >= 2 && nameWords && !this.match(words, span.start)))) {
        writeSpan(tags, span.start, span.end, "PER");
      }
    }
  }

  /**
   * A possessive inside a span between a country or region and an institution, or before a person's
   * full name, joins two names ("Britain 's Office of Rail", "Ohio 's Dan Price"), and the "'s" is none. A
   * name ending in an organisation word keeps its possessive ("McDonald 's Corp"); one opening a
   * span is dropped ("'s Sun").
   */
  private splitAtPossessives(words: readonly string[], tags: string[], organisational: ReadonlySet<string>): void {
    for (const span of spansFromTags(tags)) {
      if (words[span.start] === "'s" && span.end - span.start > 1) {
        tags[span.start] = "O";
        writeSpan(tags, span.start + 1, span.end, span.type);
        continue;
      }
      const at = words.indexOf("'s", span.start + 1);
      if (at < 0 || at >= span.end - 1 || !isCapitalised(words[at + 1]!)) continue;
      const known = this.match(words, span.start);
      const person = this.isGivenName(words[at + 1]!) && span.end - at > 2;
      const institution = words.slice(at + 1, span.end).some((w) => organisational.has(w.toLowerCase()));
      const place = known && span.start + known[0] === at && (person || institution) ? knownType(known[1]) : undefined;
      if (!place && (!person || organisational.has(words[span.end - 1]!.toLowerCase().replace(/\.$/, "")))) continue; // a name of its own ("St. Mary 's College", "Britain 's Got Talent")
      writeSpan(tags, span.start, at, place ?? span.type);
      tags[at] = "O";
      writeSpan(tags, at + 1, span.end, person ? "PER" : span.type);
    }
  }

  /**
   * "Tom Brack of Kenya", "Rovers Vale of Wales": a name of two words or more, "of" and a
   * country is a name and where it comes from, two names; a common word, a title or a numeral before
   * "of" makes one name ("Bank of England", "Republic of Ireland", "Louis XIV of France").
   */
  private splitOfPlaces(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>): void {
    for (const span of spansFromTags(tags)) {
      const of = words.indexOf("of", span.start + 1);
      if (of < 0 || of >= span.end - 1) continue;
      const place = this.match(words, of + 1);
      if (!place || of + 1 + place[0] !== span.end || !/K/.test(place[1])) continue;
      // One word before "of" is a royal's or a title's name ("Sophia of Spain", "Kingdom of Spain").
      const before = words.slice(span.start, of);
      if (before.length < 2) continue;
      const nameLike = (w: string): boolean =>
        startsCapitalThenLowercase(w) && !commonWords.has(w.toLowerCase()) && !this.isCommonWord(w, "en") && !organisationWords("en").has(w.toLowerCase()) && !titleWords("en").has(w.toLowerCase());
      if (!before.every(nameLike)) continue;
      writeSpan(tags, span.start, of, span.type);
      tags[of] = "O";
      writeSpan(tags, of + 1, span.end, "LOC");
    }
  }

  /**
   * "Lynn Reaser of Barnett Banks Inc.", "Daniels Pharmaceuticals Inc of St. Petersburg": a person's full
   * name (opening with a given name), or a firm's name ending in its legal form, then "of" and a name,
   * are two names: the person (or firm) and where they come from, an organisation or a listed place.
   */
  private splitOfAffiliations(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>): void {
    const titles = titleWords("en");
    const nameLike = (w: string): boolean => startsCapitalThenLowercase(w) && !commonWords.has(w.toLowerCase()) && !titles.has(w.toLowerCase());
    for (const span of spansFromTags(tags)) {
      const of = words.indexOf("of", span.start + 1);
      if (of < 0 || of >= span.end - 1 || !isCapitalised(words[of + 1]!)) continue;
      const before = words.slice(span.start, of);
      const person = before.length >= 2 && before.length <= 3 && this.isGivenName(before[0]!) && before.every(nameLike);
      const firmName = before.length >= 2 && LEGAL_FORMS.has(before[before.length - 1]!.toLowerCase());
      if (!person && !firmName) continue;
      const place = this.match(words, of + 1);
      const town = loadGazetteer().kindsOf(words.slice(of + 1, span.end).join(" ").toLowerCase())?.includes(GAZETTEER_KINDS.city) ?? false;
      const listedPlace = town || (!!place && of + 1 + place[0] === span.end && LOCATION_KINDS.test(place[1]));
      // A firm is split off only from a listed place.
      if (!person && !listedPlace) continue;
      writeSpan(tags, span.start, of, person ? "PER" : "ORG");
      tags[of] = "O";
      writeSpan(tags, of + 1, span.end, listedPlace ? "LOC" : "ORG");
    }
  }

  /**
   * "New York-based", "German-Israeli", "pro-Western", "US$": a name made an attribute by a hyphenated
   * ending or prefix, two nationalities joined, or a country's currency, is MISC on its own, split
   * from a name it precedes ("Bergamo-based Atalanta").
   */
  private markCompounds(words: readonly string[], tags: string[]): void {
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!word.includes("-") && !word.includes("$")) continue; // every shape below has a hyphen or a dollar sign
      const parts = word.split("-");
      const demonyms = parts.length > 1 && parts.every((part, p) => /D/.test(this.match([part], 0)?.[1] ?? "") || (p < parts.length - 1 && COMBINING_FORMS.has(part)));
      if (!NAME_COMPOUND.test(word) && !demonyms && !PREFIXED_NAME.test(word) && !COUNTRY_CURRENCY.test(word)) continue;
      // Joined nationalities inside a name stay in it ("Franco-Prussian War"); an attribute does not ("Bergamo-based Atalanta").
      if (demonyms && tags[i + 1]?.startsWith("I-")) continue;
      if (tags[i + 1]?.startsWith("I-")) tags[i + 1] = "B-" + tags[i + 1]!.slice(2);
      if (tags[i]!.startsWith("I-")) {
        // The end of a longer span: a short name of capitalised words before it is the compound's ("Red Cross-sponsored").
        let start = i;
        while (start > 0 && tags[start]!.startsWith("I-")) start--;
        if (i - start <= 2 && words.slice(start, i).every(isCapitalised)) writeSpan(tags, start, i + 1, "MISC");
        continue;
      }
      // The name may start before the compound ("New York-based"): a span of capitalised words just before joins it.
      let start = i;
      if (i > 0 && tags[i - 1] !== "O" && isCapitalised(word)) {
        while (start > 0 && tags[start - 1] !== "O" && isCapitalised(words[start - 1]!) && i - start < 2) start--;
        if (!tags[start]!.startsWith("B-")) start = i;
      }
      writeSpan(tags, start, i + 1, "MISC");
    }
  }

  /**
   * A short span read as an organisation or place that opens with initials ("J. Adams") or a given
   * name ("Linda Wild", "Saeed Anwar") and ends in no organisation word is a person; an untagged
   * initial before a capitalised word that is no common word is one too ("( P. Simmons 4-38 )").
   */
  private typePersonNames(words: readonly string[], tags: string[], organisational: ReadonlySet<string>, commonWords: ReadonlySet<string>): void {
    for (const span of spansFromTags(tags)) {
      const length = span.end - span.start;
      if (span.type === "PER" || span.type === "MISC" || length < 2 || length > 3) continue;
      const first = words[span.start]!;
      const last = words[span.end - 1]!;
      if (!isCapitalised(last) || organisational.has(last.toLowerCase().replace(/\.$/, ""))) continue;
      const opensWithName = isInitial(first) || (this.isGivenName(first) && !this.match(words.slice(span.start + 1, span.end), 0));
      if (opensWithName) writeSpan(tags, span.start, span.end, "PER");
    }
    for (let i = 0; i + 1 < words.length; i++) {
      if (!isInitial(words[i]!) || tags[i] !== "O") continue;
      let end = i + 1;
      while (end < words.length && isInitial(words[end]!) && tags[end] === "O") end++;
      const surname = words[end];
      if (surname === undefined || tags[end] !== "O" || !startsCapitalThenLowercase(surname) || commonWords.has(surname.toLowerCase()) || this.match(words, end)) continue;
      writeSpan(tags, i, end + 1, "PER");
      i = end;
    }
  }

  /**
   * A span made only of nationality words ("Iraqi Kurds", "Bosnian Serbs") is MISC like each of them,
   * and so is a short one ending in a creed's members ("Free Democrats", "Young Republicans").
   */
  private typeDemonymRuns(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>): void {
    for (const span of spansFromTags(tags)) {
      if (span.type === "MISC" || span.end - span.start < 2) continue;
      const last = words[span.end - 1]!;
      const creed = span.type !== "PER" && span.end - span.start <= 3 && /s$/.test(last) && this.match([last], 0)?.[1] === NAME_KINDS.faith;
      if (creed && !commonWords.has(last.toLowerCase()) && words.slice(span.start, span.end).every(isCapitalised)) {
        writeSpan(tags, span.start, span.end, "MISC");
        continue;
      }
      let i = span.start;
      while (i < span.end) {
        const found = this.match(words, i);
        if (!found || i + found[0] > span.end || !/D/.test(found[1])) break;
        i += found[0];
      }
      if (i === span.end) writeSpan(tags, span.start, span.end, "MISC");
    }
  }

  /** Country, area, nationality, language and faith names alone (untagged or a whole span) take their type. */
  private typeKnownNames(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>): void {
    for (let i = 0; i < words.length; i++) {
      const found = this.match(words, i);
      if (!found) continue;
      const [length, kinds] = found;
      const end = i + length;
      const type = knownType(kinds);
      if (!type || (kinds === NAME_KINDS.faith && commonWords.has(words[i]!.toLowerCase()))) continue;
      const untagged = tags.slice(i, end).every((t) => t === "O");
      const wholeSpan = tags[i]!.startsWith("B-") && tags.slice(i + 1, end).every((t) => t.startsWith("I-")) && !tags[end]?.startsWith("I-");
      if (untagged || wholeSpan) writeSpan(tags, i, end, type);
      i = end - 1;
    }
  }
}

/** A town the tagger read as an organisation, before a place noun, is the place ("Belgrade airport"). */
function typeTownsBeforePlaceNouns(sentences: ReadonlyArray<readonly string[]>, tags: string[][], nouns: ReadonlySet<string>, isTown: (name: string) => boolean): void {
  sentences.forEach((words, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      if (span.type !== "ORG" || !nouns.has(words[span.end]?.toLowerCase() ?? "") || !isTown(words.slice(span.start, span.end).join(" "))) continue;
      writeSpan(tags[s]!, span.start, span.end, "LOC");
    }
  });
}

/**
 * A lone word that ends a person's full name elsewhere in the document is that person ("Bill
 * Clinton" ... "Clinton said"), whatever place or country the word also names: reporters name a
 * person in full once, then by surname. Acronyms and names of countries and world areas are
 * left alone: a person span ending in one is the tagger's error ("... КНДР").
 */
function typeSurnames(sentences: ReadonlyArray<readonly string[]>, tags: string[][], knownOtherwise: (word: string) => boolean): void {
  const surnames = new Set<string>();
  sentences.forEach((words, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      if (span.type !== "PER" || span.end - span.start < 2) continue;
      // The family name ends a name in most languages and opens it in East Asian ones ("Wang Dan"):
      // of a two-word name both words are kept; either alone elsewhere means the person.
      const candidates = span.end - span.start === 2 ? [words[span.start]!, words[span.end - 1]!] : [words[span.end - 1]!];
      for (const word of candidates) if (isCapitalised(word) && word.length > 2 && !/\.$/.test(word) && !knownOtherwise(word)) surnames.add(word);
    }
  });
  if (surnames.size === 0) return;
  sentences.forEach((words, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      if (span.type !== "PER" && span.end - span.start === 1 && surnames.has(words[span.start]!)) writeSpan(tags[s]!, span.start, span.end, "PER");
    }
  });
}

/**
 * A name the tagger read as a person's that the document refers back to as an organisation ("Velotex
 * said its output ...", "Dutch retail group Velotex") and never as a person ("he", "his") is an
 * organisation, in all its mentions. The first pronoun after a mention in its sentence, before another name, is taken to refer to it;
 * a name opening with a given name is left alone.
 */
function typeByReference(sentences: ReadonlyArray<readonly string[]>, tags: string[][], words: (typeof REFERENCE_WORDS)[string], isGivenName: (word: string) => boolean): void {
  const evidence = new Map<string, { organisation: number; person: number }>();
  const keyOf = (sentence: readonly string[], span: TokenSpan): string => sentence.slice(span.start, span.end).join(" ");
  sentences.forEach((sentence, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      if (span.type !== "PER" || isGivenName(sentence[span.start]!)) continue;
      const key = keyOf(sentence, span);
      const counts = evidence.get(key) ?? { organisation: 0, person: 0 };
      evidence.set(key, counts);
      if (words.organisationNouns.has(sentence[span.start - 1]?.toLowerCase() ?? "")) counts.organisation++;
      // ... unless another name comes between ("Smith said Acme had its ...").
      const nextName = tags[s]!.findIndex((t, i) => i >= span.end && t.startsWith("B-"));
      const pronoun = sentence.slice(span.end, nextName < 0 ? undefined : nextName).find((w) => words.organisation.has(w.toLowerCase()) || words.person.has(w.toLowerCase()));
      if (pronoun) counts[words.organisation.has(pronoun.toLowerCase()) ? "organisation" : "person"]++;
    }
  });
  sentences.forEach((sentence, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      const counts = evidence.get(keyOf(sentence, span));
      // A full name needs more than one sign: "its" may refer to something else than a person just named.
      const needed = span.end - span.start === 1 ? 1 : 2;
      if (span.type === "PER" && counts && counts.organisation >= needed && counts.person === 0) writeSpan(tags[s]!, span.start, span.end, "ORG");
    }
  });
}

const TITLECASE_WORD = /^\p{Lu}\p{Ll}+$/u;

/**
 * A lone word that opens an organisation's longer name elsewhere in the document is that organisation
 * ("Velotex Mining Corp" ... "Velotex said", "Rovers Vale" ... "Rovers scored"): reporters name a
 * company or club in full once, then by its first word. Words that mean something alone (places,
 * common words, anything `meansOtherwise`) and words of full person names in the document are left alone.
 */
function typeShortNames(sentences: ReadonlyArray<readonly string[]>, tags: string[][], meansOtherwise: (word: string) => boolean): void {
  if (sentences.length < 2) return; // a sentence alone names in full
  const shortNames = new Set<string>();
  const personWords = new Set<string>();
  sentences.forEach((words, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      if (span.type === "PER" && span.end - span.start > 1) for (let i = span.start; i < span.end; i++) personWords.add(words[i]!);
      const first = words[span.start]!;
      if (span.type === "ORG" && span.end - span.start >= 2 && TITLECASE_WORD.test(first) && isCapitalised(words[span.start + 1]!)) shortNames.add(first);
    }
  });
  for (const word of shortNames) if (personWords.has(word) || meansOtherwise(word)) shortNames.delete(word);
  if (shortNames.size === 0) return;
  sentences.forEach((words, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      if (span.type !== "ORG" && span.type !== "MISC" && span.end - span.start === 1 && shortNames.has(words[span.start]!)) writeSpan(tags[s]!, span.start, span.end, "ORG");
    }
  });
}

/**
 * The two sides of a result line, whatever the tagger made of them: capitalised words, a score,
 * capitalised words, a score, nothing after but punctuation; each score may be followed by a
 * parenthesis (scorers, "( OT )"): "Aston Villa 2 ( Yorke 8 ) Everton 0".
 */
function resultLineSides(words: readonly string[]): TokenSpan[] {
  const sides: TokenSpan[] = [];
  let i = 0;
  const skipParenthesis = (): void => {
    if (words[i] !== "(") return;
    const close = words.indexOf(")", i);
    i = close < 0 ? words.length : close + 1;
  };
  for (let side = 0; side < 2; side++) {
    const start = i;
    while (i < words.length && isCapitalised(words[i]!)) i++;
    if (i === start || !/^\d+$/.test(words[i] ?? "")) return [];
    sides.push({ start, end: i, type: "ORG" });
    i++;
    skipParenthesis();
  }
  return words.slice(i).every((w) => !hasLetterOrDigit(w)) ? sides : [];
}

/** Cells of a standings table: counts, records, percentages, goal differences. */
const TABLE_CELL = /^(?:[+-]?\d+(?:[.,:]\d+)?|\.\d+|-|\d+-\d+|\d+\/\d+)$/;

/** The name opening a standings row: capitalised words then three table cells or more, up to the end. */
function standingsRowName(words: readonly string[], opensPersonName: (word: string) => boolean): TokenSpan[] {
  const start = /^\d+[.)]?$/.test(words[0] ?? "") ? 1 : 0;
  let i = start;
  while (i < words.length && isCapitalised(words[i]!)) i++;
  if (i === start || opensPersonName(words[start]!)) return [];
  const cells = words.slice(i).filter((w) => hasLetterOrDigit(w));
  return cells.length >= 3 && cells.every((w) => TABLE_CELL.test(w)) ? [{ start, end: i, type: "ORG" }] : [];
}

const HYPHEN_BETWEEN_LETTERS = /(?<=\p{L})(-)(?=\p{L})/u;

/** A headline opening with a sport's name and a dash or colon ("SOCCER - JAPAN GET LUCKY WIN"). */
function isSportsSlug(words: readonly string[], sports: ReadonlySet<string>): boolean {
  // A dash may be glued to the slug ("FOOTBALL-STANDINGS").
  const headline = words.slice(0, 6).flatMap((w) => w.split(HYPHEN_BETWEEN_LETTERS));
  const separator = headline.findIndex((w) => w === "-" || w === ":" || w === "--");
  if (separator < 1 || separator > 4) return false;
  // "NHL ICE HOCKEY -", "NBA BASKETBALL -": any word or pair of words of the slug may name the sport.
  const slug = headline.slice(0, separator).map((w) => w.toLowerCase());
  return slug.some((w, i) => sports.has(w) || (i + 1 < slug.length && sports.has(`${w} ${slug[i + 1]}`)));
}

/** The entity type a name list's kinds stand for alone: places LOC, nationalities, languages and faiths MISC. */
function knownType(kinds: string): string | undefined {
  return LOCATION_KINDS.test(kinds) ? "LOC" : MISC_KINDS.test(kinds) ? "MISC" : undefined;
}

/** A dateline ("NEW YORK 1996-08-30", "MONTE CARLO 1996-08-30"): the words before the date are the place. */
function typeDateline(words: readonly string[], tags: string[]): void {
  const date = words.length - 1;
  if (date < 1 || !DATE_TOKEN.test(words[date]!)) return;
  // A place and its region or country, separated by a comma ("SPRINGFIELD , Illinois 1996-08-30").
  const parts: number[] = [-1, ...words.slice(0, date).flatMap((w, i) => (w === "," ? [i] : [])), date];
  const pieces = parts.slice(1).map((end, p) => words.slice(parts[p]! + 1, end));
  if (pieces.length > 2 || !pieces.every((piece) => piece.length > 0 && piece.every((w) => isCapitalised(w)))) return;
  parts.slice(1).forEach((end, p) => {
    writeSpan(tags, parts[p]! + 1, end, "LOC");
    if (end < date) tags[end] = "O";
  });
  tags[date] = "O";
}

function untagNeverAlone(words: readonly string[], tags: string[], never: ReadonlySet<string>): void {
  for (const span of spansFromTags(tags)) if (span.end - span.start === 1 && never.has(words[span.start]!)) tags[span.start] = "O";
}

/** How a language writes and annotates a title in quotes after a noun of works ("la película \" X \"", "der Film „X“"). */
export interface QuotedTitles {
  isWorkNoun: (word: string) => boolean;
  opening: ReadonlySet<string>;
  closing: ReadonlySet<string>;
  /** The most words a title runs to. */
  maxWords: number;
  /** Whether the annotation takes the quotes into the span. */
  withQuotes: boolean;
}

/** A title in quotes after a noun of works is MISC, whatever the tagger made of its words. */
export function tagQuotedTitles(words: readonly string[], tags: string[], style: QuotedTitles): void {
  for (let open = 1; open < words.length; open++) {
    if (!style.opening.has(words[open]!) || !style.isWorkNoun(words[open - 1]!) || !isCapitalised(words[open + 1] ?? "")) continue;
    let close = open + 1;
    while (close < words.length && !style.closing.has(words[close]!)) close++;
    if (close >= words.length || close - open - 1 > style.maxWords || (tags[close + 1] ?? "O").startsWith("I-")) continue;
    if (style.withQuotes) writeSpan(tags, open, close + 1, "MISC");
    else writeSpan(tags, open + 1, close, "MISC");
    open = close;
  }
}

export function writeSpan(tags: string[], start: number, end: number, type: string): void {
  for (let i = start; i < end; i++) tags[i] = (i === start ? "B-" : "I-") + type;
}

/** Re-tag `span` as the pieces between its separators (separator positions become O). */
function splitSpan(tags: string[], span: TokenSpan, separators: readonly number[]): void {
  let start = span.start;
  for (const cut of [...separators, span.end]) {
    if (cut > start) writeSpan(tags, start, cut, span.type);
    if (cut < span.end) tags[cut] = "O";
    start = cut + 1;
  }
}

const SINGLE_LETTER = /^\p{L}$/u;

/** A year or count ("1998 World Cup"), an article or a weekday or month opening a span is outside the name. */
function trimLeadingWords(
  words: readonly string[],
  tags: string[],
  articles: ReadonlySet<string> | undefined,
  calendar: ReadonlySet<string>,
  numbers: ReadonlySet<string> | undefined,
  calendarAbbreviations: ReadonlySet<string> = new Set(),
): void {
  const outside = (word: string): boolean => {
    const lower = word.toLowerCase();
    return isNumber(word) || /^\d+[.)]$/.test(word) || calendar.has(lower) || (articles?.has(lower) ?? false) || (numbers?.has(lower) ?? false);
  };
  for (const span of spansFromTags(tags)) {
    let start = span.start;
    let end = span.end;
    while (start < end - 1 && outside(words[start]!)) tags[start++] = "O";
    // A dateline's date is no part of the place ("BUCHAREST 1996-08-30").
    while (end > start + 1 && DATE_TOKEN.test(words[end - 1]!)) tags[--end] = "O";
    // A month, a weekday or a letter alone is no name ("Oct.", "June 12", "N").
    // An abbreviation only alone: it may open a name ("Jan Kowalski").
    const bare = words[start]!.toLowerCase().replace(/\.$/, "");
    if (end - start === 1 && (calendar.has(bare) || calendarAbbreviations.has(bare) || SINGLE_LETTER.test(words[start]!))) tags[start++] = "O";
    if (start > span.start || end < span.end) {
      for (let i = span.start; i < span.end; i++) if (i < start || i >= end) tags[i] = "O";
      if (start < end) writeSpan(tags, start, end, span.type);
    }
  }
}

/** "v", "vs" between two sides of a match, in any case ("CHILE V PERU"), English ("v." is "von" in German). */
const VERSUS: Record<string, ReadonlySet<string>> = { en: new Set(["v", "v.", "vs", "vs."]) };

/** Whether a lowercase noun heads the names of organisations and institutions ("parti", "musée", "sénat"). */
export function isInstitutionNoun(lower: string, language: string): boolean {
  return organisationWords(language).has(lower) || (INSTITUTION_HEADS[language]?.has(lower) ?? false);
}

/**
 * Positions of the lowercase words of the span `start`..`end` that belong to the name, in languages that
 * write a name's adjectives in lowercase after its capitalised head (NAME_ADJECTIVE_ENDINGS). From the
 * head rightwards: an adjective ("Parti libéral", "Banque centrale européenne"), a particle, and after a
 * particle a lowercase noun when the head is an organisation word ("Agence nationale de sécurité du
 * médicament"); the first other lowercase word ends the name ("Parti socialiste a gagné").
 * `isCommonWord` tells the language's dictionary words (Conventions.isCommonWord).
 */
export function lowercaseNameWords(words: readonly string[], start: number, end: number, language: string, isCommonWord: (word: string) => boolean): ReadonlySet<number> {
  const adjective = NAME_ADJECTIVE_ENDINGS[language];
  const particles = NAME_PARTICLES[language];
  const ofName = new Set<number>();
  if (!adjective || !particles) return ofName;
  // The head is the first word that is no article ("Les Nations unies").
  let headAt = start;
  while (headAt < end - 1 && particles.has(words[headAt]!.toLowerCase())) headAt++;
  const head = words[headAt]!.toLowerCase();
  if (!isCapitalised(words[headAt]!) || particles.has(head)) return ofName;
  const organisation = isInstitutionNoun(head, language);
  // A common word capitalised by its place opening the sentence heads no name ("Prix modérés").
  if (headAt === 0 && !organisation && isCommonWord(head)) return ofName;
  for (let k = headAt + 1; k < end; k++) {
    const word = words[k]!;
    if (!isLowerLatin(word) || particles.has(word)) continue;
    if (!adjective.test(word) && !(organisation && particles.has(words[k - 1]!))) break;
    ofName.add(k);
  }
  return ofName;
}

/**
 * Lowercase non-particle Latin words, bare numbers and "v" inside a span separate two names; a "v"
 * at its edge is outside it; the lowercase words of a French or Italian name are not
 * (lowercaseNameWords).
 */
function splitAtInnerWords(words: readonly string[], tags: string[], language: string, isCommonWord: (word: string) => boolean): void {
  const particles = NAME_PARTICLES[language];
  const versusWords = VERSUS[language] ?? new Set<string>();
  for (const span of spansFromTags(tags)) {
    const separators: number[] = [];
    const ofName = lowercaseNameWords(words, span.start, span.end, language, isCommonWord);
    for (let i = span.start; i < span.end; i++) {
      const word = words[i]!;
      // A capital "V" between names is "versus" ("CHILE V PERU"), elsewhere a numeral ("Henry V of England").
      const numeral = word === "V" && (!isCapitalised(words[i + 1] ?? "") || (i > span.start && !isCapitalised(words[i - 1]!)));
      const versus = versusWords.has(word.toLowerCase()) && span.end - span.start > 1 && !numeral;
      if (i === span.start || i === span.end - 1) {
        if (versus) separators.push(i);
        continue;
      }
      const lower = isLowerLatin(word) && !(particles?.has(word) ?? true) && !ofName.has(i);
      if (lower || versus || (isNumber(word) && isCapitalised(words[i - 1]!) && isCapitalised(words[i + 1]!))) separators.push(i);
    }
    if (separators.length > 0) splitSpan(tags, span, separators);
  }
}

const INITIAL_OR_DOT = /^\p{Lu}?\.?$/u;

/**
 * A span holding a capitalised title word followed by capitalised words ("Prime Minister Benjamin
 * Netanyahu") is a title and a person: the words after the last title are PER, the title and what
 * precedes it are untagged (a nationality before it is typed later by the name lists).
 */
function splitOffTitles(words: readonly string[], tags: string[], titleSet: ReadonlySet<string>, organisational: ReadonlySet<string>): void {
  if (titleSet.size === 0) return;
  for (const span of spansFromTags(tags)) {
    let last = -1;
    for (let i = span.start; i < span.end - 1; i++) {
      // A compound title counts by its head ("Lieutenant-General", "Vice-President").
      const bare = words[i]!.toLowerCase().replace(/\.$/, "").split("-").pop()!;
      if (isCapitalised(words[i]!) && titleSet.has(bare)) last = i;
    }
    if (last < 0 || !words.slice(last + 1, span.end).every((w) => isCapitalised(w) || INITIAL_OR_DOT.test(w))) continue;
    for (let i = span.start; i <= last; i++) tags[i] = "O";
    writeSpan(tags, last + 1, span.end, "PER");
    // The employer before the title stays a name ("Defence Ministry Spokesman Dan Price").
    const employer = words.slice(span.start, last);
    const bare = (w: string): string => w.toLowerCase().replace(/\.$/, "");
    if (employer.length > 1 && organisational.has(bare(employer[employer.length - 1]!)) && employer.every((w) => isCapitalised(w) && !titleSet.has(bare(w)))) {
      writeSpan(tags, span.start, last, "ORG");
    }
  }
}

/**
 * "Debussy , Claude ( 1862-1918 )", "Иванов , Иван Иванович": a line that is only a surname, a comma and
 * the given names (then perhaps a parenthesis or a full stop), as in indexes, lists of sanctioned people and
 * encyclopaedia titles, names one person. In running text a comma between names separates two.
 */
function joinInvertedName(words: readonly string[], tags: string[]): void {
  if (words[1] !== "," || tags[0] !== "B-PER" || tags[1] !== "O" || tags[2] !== "B-PER") return;
  const end = spanEndAfter(tags, 2);
  const rest = words.slice(end);
  if (rest.length > 0 && rest[0] !== "(" && !(rest.length === 1 && /^[.;]$/.test(rest[0]!))) return;
  writeSpan(tags, 0, end, "PER");
}

const ACRONYM_OF_3_TO_6 = /^\p{Lu}{3,6}$/u;

/**
 * An acronym in running text, untagged or read as a place alone ("( EFE )", "the OSCE said", "de
 * l'OTAN"), is an organisation: places and nationalities are in the name lists, and an all-caps line
 * is no running text.
 */
function tagAcronyms(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>, abbreviations: ReadonlySet<string> | undefined, isKnownPlace: (word: string) => boolean): void {
  const shouting = words.filter((w) => hasLowercase(w)).length < words.length / 3;
  if (shouting) return;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // "Pascal Lino ( FRA )": after a person, in parentheses, an acronym is the country the athlete stands for.
    const nationOfPerson = words[i - 1] === "(" && (tags[i - 2] ?? "O").endsWith("-PER");
    const unknownPlace = tags[i] === "B-LOC" && tags[i + 1] !== "I-LOC" && !isKnownPlace(word) && !nationOfPerson;
    if ((tags[i] !== "O" && !unknownPlace) || !ACRONYM_OF_3_TO_6.test(word) || commonWords.has(word.toLowerCase()) || abbreviations?.has(word)) continue;
    if (isAcronym(words[i - 1] ?? "") || isAcronym(words[i + 1] ?? "")) continue; // part of an all-caps title or table
    tags[i] = "B-ORG";
  }
}

/**
 * Spans, and untagged capitalised runs of two or more words, ending in an event head are MISC, and
 * so are spans opening with an event word and "of" ("Treaty of Baden").
 */
function markEvents(words: readonly string[], tags: string[], heads: ReadonlySet<string>, openers: ReadonlySet<string>): void {
  for (const span of spansFromTags(tags)) {
    const opened = openers.has(words[span.start]!.toLowerCase()) && words[span.start + 1] === "of" && span.end - span.start >= 3;
    const alone = span.end - span.start === 1 && EVENT_NAMES.has(words[span.start]!.toLowerCase());
    if ((span.end - span.start >= 2 && heads.has(words[span.end - 1]!.toLowerCase())) || opened || alone) writeSpan(tags, span.start, span.end, "MISC");
  }
  for (let i = 0; i < words.length; i++) {
    if (tags[i] !== "O" || !heads.has(words[i]!.toLowerCase()) || !isCapitalised(words[i]!)) continue;
    let start = i;
    while (start > 0 && tags[start - 1] === "O" && isCapitalised(words[start - 1]!)) start--;
    // A name just before the run is the event's qualifier ("U.S. Open", "Hong Kong Open").
    if (start > 0 && tags[start - 1] !== "O") {
      start--;
      while (start > 0 && tags[start]!.startsWith("I-")) start--;
    }
    if (start < i) writeSpan(tags, start, i + 1, "MISC");
  }
}

/**
 * Whether `words` holds the lowercase `lower`, or the singular of it as a regular plural ("defenders",
 * "parties"), or the adjective of it as an adverb ("ironically", "happily").
 */
function hasWordOrStem(words: ReadonlySet<string>, lower: string): boolean {
  if (words.has(lower)) return true;
  if (lower.endsWith("ally") && (words.has(lower.slice(0, -2)) || words.has(lower.slice(0, -4)))) return true;
  if (lower.endsWith("ily") && words.has(lower.slice(0, -3) + "y")) return true;
  if (lower.endsWith("ly") && lower.length > 6 && words.has(lower.slice(0, -2))) return true;
  if (lower.endsWith("ies")) return words.has(lower.slice(0, -3) + "y");
  if (lower.endsWith("es") && words.has(lower.slice(0, -2))) return true;
  return lower.endsWith("s") && words.has(lower.slice(0, -1));
}

/** Printers' and markup symbols that no name holds inside a word: OCR and extraction debris ("Italie^", "V«Laurans"). */
const DEBRIS_SYMBOL = /[«»^<>|*§%#{}[\]\\~©¡¿"]/u;
/** A digit between letters, or letters between digits ("Hal1ers", "12S8"): misread print, not "A380" or "G7". */
const DIGIT_INSIDE_LETTERS = /\p{L}\d+\p{L}|\d\p{L}+\d/u;
const LEADING_DIGIT = /^\d/;
/** What is not a letter at either end of a word: a number glued on by a table's extraction ("Lagat3"), an ellipsis. */
const NON_LETTER_EDGES = /^[^\p{L}]+|[^\p{L}]+$/gu;
/** One piece of a name between apostrophes, hyphens and stops, cased as names are: "Dupont", "DUPONT", "McDonald", "iPhone". */
const NAME_CASED_PIECE = /^(?:\p{Lu}+\p{Ll}*|\p{Ll}+)(?:\p{Lu}\p{Ll}{2,})*$/u;
const NAME_PIECE_SEPARATORS = /['’.\-]/u;
/** Letters of a cased script only (casing says nothing in Arabic or Chinese). */
const CASED_LETTERS_ONLY = /^[\p{Lu}\p{Ll}]+$/u;

/**
 * Whether a span's words are OCR or extraction debris rather than a name: a word holding a
 * printer's symbol or a digit between letters, or, for a person, a word opening with a digit or
 * cased as no name is ("KursaaJ", "IVstorrifU"; a number glued after a name, "Lagat3", is a
 * table's, not the name's). Old scans and scraped pages are full of such words, which
 * the tagger, reading capitals, takes for names.
 */
function isGarbled(spanWords: readonly string[], type: string): boolean {
  return spanWords.some((word) => {
    if (!hasLetter(word)) return false;
    if (DEBRIS_SYMBOL.test(word) || DIGIT_INSIDE_LETTERS.test(word)) return true;
    if (type !== "PER") return false;
    const pieces = word.replace(NON_LETTER_EDGES, "").split(NAME_PIECE_SEPARATORS);
    return LEADING_DIGIT.test(word) || !pieces.every((piece) => !CASED_LETTERS_ONLY.test(piece) || NAME_CASED_PIECE.test(piece));
  });
}

/**
 * A table's header line ("W L T PCT", "W D L F A PTS"): three or more words of four letters at
 * most, two of them single capitals, and nothing else but punctuation, is column labels, no names.
 */
function untagTableHeader(words: readonly string[], tags: string[]): void {
  if (isTableHeader(words)) tags.fill("O");
}

const SINGLE_CAPITAL = /^\p{Lu}$/u;
const SHORT_CAPITALS = /^\p{Lu}{1,4}$/u;

function isTableHeader(words: readonly string[]): boolean {
  // One pass, out at the first word that is no label (most lines): this runs twice per sentence.
  let labels = 0;
  let letters = 0;
  for (const w of words) {
    if (!hasLetterOrDigit(w)) continue;
    if (!SHORT_CAPITALS.test(w)) return false;
    labels++;
    if (SINGLE_CAPITAL.test(w) && w !== "I" && w !== "A") letters++;
  }
  return labels >= 3 && letters >= 2;
}

/** The pronoun "I" after a common word capitalised by position is no name ("Often I", "If I"). */
function untagPronounI(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>): void {
  for (const span of spansFromTags(tags)) {
    if (span.end - span.start !== 2 || words[span.end - 1] !== "I" || !commonWords.has(words[span.start]!.toLowerCase())) continue;
    tags[span.start] = "O";
    tags[span.start + 1] = "O";
  }
}

/**
 * A title, "of" and a common word ("Secretary of State", "Minister of Defence") name an office, not an
 * organisation: no name in news annotation.
 */
function untagOffices(words: readonly string[], tags: string[], titles: ReadonlySet<string>, commonWords: ReadonlySet<string>): void {
  if (titles.size === 0) return;
  for (const span of spansFromTags(tags)) {
    if (span.end - span.start !== 3 || words[span.start + 1] !== "of" || !titles.has(words[span.start]!.toLowerCase())) continue;
    if (commonWords.has(words[span.start + 2]!.toLowerCase())) for (let i = span.start; i < span.end; i++) tags[i] = "O";
  }
}

/** A lone common abbreviation is no name, a lone time zone is MISC. */
function typeAbbreviations(words: readonly string[], tags: string[], common: ReadonlySet<string> | undefined, timeZones: ReadonlySet<string> | undefined): void {
  for (let i = 0; i < words.length; i++) {
    const alone = tags[i] === "O" || (tags[i]!.startsWith("B-") && !tags[i + 1]?.startsWith("I-"));
    if (!alone) continue;
    // A shouted line's truecasing may have made them "Mln", "Gmt".
    const word = TITLECASE_WORD.test(words[i]!) ? words[i]!.toUpperCase() : words[i]!;
    if (timeZones?.has(word)) tags[i] = "B-MISC";
    else if (common?.has(word)) tags[i] = "O";
  }
}

const TWO_CAPITALS_INITIAL = /^\p{Lu}{2,}/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

/**
 * In a shouted line, give back the capitals that truecasing took where they mean something: a
 * table's header keeps its labels ("W L T PCT"), an event's name its head and the one common word
 * before it ("WORLD CUP" made "world cup"), both all-caps in `original`.
 */
export function recaseShoutedLine(original: readonly string[], cased: string[], language: string): string[] {
  if (isTableHeader(original)) return original.slice();
  const heads = SHOUTED_EVENT_HEADS[language];
  if (!heads) return cased;
  const titlecase = (w: string): string => w[0] + w.slice(1).toLowerCase();
  for (let i = 1; i < cased.length; i++) {
    if (original[i] !== original[i]!.toUpperCase() || !TWO_CAPITALS_INITIAL.test(original[i - 1]!)) continue;
    // "OPEN" names a tournament after a name the truecasing kept ("HONG KONG OPEN", "U.S. OPEN"), not after a word ("SHARES OPEN").
    if (cased[i] === "open" && isCapitalised(cased[i - 1]!) && OPEN_TOURNAMENT[language]) {
      cased[i] = titlecase(original[i]!);
      continue;
    }
    if (!heads.has(cased[i]!) || !isLowerLatin(cased[i - 1]!) || !ALL_CAPITALS.test(original[i - 1]!)) continue;
    cased[i - 1] = titlecase(original[i - 1]!);
    cased[i] = titlecase(original[i]!);
  }
  return cased;
}

/**
 * "la empresa española Norvisa", "l'opérateur national Ukrenergo", "el diario Levante": a one- or
 * two-word name right after one of the language's `nouns` of firms or groups, and at most one
 * lowercase adjective, is an organisation (unless a listed place: "la compañía de Madrid").
 */
export function typeByOrganisationNoun(words: readonly string[], tags: string[], lists: Conventions, nouns: ReadonlySet<string>): void {
  for (const span of spansFromTags(tags)) {
    if (span.type === "ORG" || span.type === "MISC" || span.end - span.start > 2) continue;
    if (span.end - span.start === 1 && lists.isKnownPlace(words[span.start]!)) continue;
    let before = span.start - 1;
    if (!nouns.has(words[before] ?? "") && isLowercaseWord(words[before] ?? "")) before--;
    if (nouns.has(words[before] ?? "")) writeSpan(tags, span.start, span.end, "ORG");
  }
}

/** The length in words of the news agency named at `i` ("Europa Press", "AFP"), or 0. */
export function newsAgencyLength(words: readonly string[], i: number): number {
  if (NEWS_AGENCIES.has(`${words[i]} ${words[i + 1]}`)) return 2;
  return NEWS_AGENCIES.has(words[i]!) ? 1 : 0;
}

/** "( EFE )", "informó a Efe": an agency is an organisation, unless it sits inside a longer name ("Premio Efe de Periodismo"). */
function typeNewsAgencies(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const length = newsAgencyLength(words, i);
    if (length === 0) continue;
    const inside = tags[i]!.startsWith("I-") || (tags[i + length] ?? "O").startsWith("I-");
    if (!inside) writeSpan(tags, i, i + length, "ORG");
    i += length - 1;
  }
}

/** A well-known organisation's short name, untagged or a whole span, is the organisation ("the Fed", "Reuters said"). */
function typeWellKnownOrganisations(words: readonly string[], tags: string[], names: ReadonlySet<string> | undefined): void {
  if (!names) return;
  for (let i = 0; i < words.length; i++) {
    const alone = tags[i] === "O" || (tags[i]!.startsWith("B-") && !tags[i + 1]?.startsWith("I-"));
    if (alone && names.has(words[i]!)) tags[i] = "B-ORG";
  }
}

/**
 * A list of names separated by commas ("Hale , Brack , Price , Okafor"), three or more, most of
 * them people, is a list of people: a squad or a field. Its other items are people too. An item may
 * carry a bracketed note ("Ali Khan ( captain )").
 */
function typePersonLists(words: readonly string[], tags: string[]): void {
  const items = spansFromTags(tags).filter((span) => {
    const before = words[span.start - 1];
    let after = span.end;
    if (words[after] === "(") {
      const close = words.indexOf(")", after);
      if (close < 0 || close - after > 4) return false;
      after = close + 1;
    }
    const next = words[after];
    return (before === undefined || before === "," || before === ":" || before === "-") && (next === undefined || next === "," || next === "." || next === "and");
  });
  const people = items.filter((span) => span.type === "PER").length;
  if (items.length < 3 || people * 2 <= items.length) return;
  for (const span of items) if (span.type !== "PER" && span.type !== "MISC") writeSpan(tags, span.start, span.end, "PER");
}
