/**
 * NER step: news annotation conventions (CoNLL style) applied after tagging. The tagger learns
 * from WikiANN, whose mentions follow Wikipedia links, so it pulls titles and verbs into names
 * ("President Boris Yeltsin", "Leicestershire beat Somerset"), types country names by their
 * link targets (national teams, governments: ORG) and has no MISC class. In news annotation:
 * - a title before a name is not part of it, and the name is a person;
 * - a common lowercase word or a bare number inside a span separates two names;
 * - a country or world-region name standing alone is LOC, a nationality, language or faith word
 *   standing alone is MISC, and so is an event named by its head word ("World Cup", "U.S. Open").
 * Name lists come from data/ner/conventions.json.gz (scripts/train-ner.ts builds it from the
 * geocoding gazetteer and ../shared), the word lists below are closed-class words per language.
 */
import { spansFromTags, type TokenSpan } from "./model.ts";
import { calendarWords, ORGANISATION_WORDS, TITLE_WORDS } from "./lexicon.ts";
import { isShouting } from "./truecase.ts";
import { harmonizeDocument } from "./document.ts";
import { applyEastSlavicConventions } from "./conventions-ru.ts";
import { applyFrenchConventions } from "./conventions-fr.ts";
import { MAX_ENTRY_TOKENS, NameList, type NameListData } from "./gazetteer.ts";

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
  fr: new Set(["de", "du", "des", "la", "le", "les", "l'", "d'", "et", "en", "sur", "sous", "à", "au", "aux", "pour", "of", "the", "von", "van"]),
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

/** Reporting verbs next to a speaker's name ("X said", "said X"). */
const SPEECH_VERBS: Record<string, ReadonlySet<string>> = {
  en: new Set(["said", "says", "told", "added", "asked", "stated", "declared", "explained", "insisted", "warned", "admitted", "recalled", "noted", "argued", "replied", "wrote"]),
};

/** Words before "to" and "with" that make what follows an opponent ("lost to", "drew with"). */
const LOSING = new Set(["lost", "lose", "loses", "losing", "beaten", "home", "away"]);
const DRAWING = new Set(["drew", "draw", "draws", "drawn", "drawing", "level", "tied"]);

/** Articles that news annotation leaves outside a name ("the Commerce Department"). */
const LEADING_ARTICLES: Record<string, ReadonlySet<string>> = {
  en: new Set(["the"]),
};

/** Nouns after a town's name that make it the place ("Belgrade airport", "the Chicago area"). */
const PLACE_NOUNS: Record<string, ReadonlySet<string>> = {
  en: new Set(["airport", "port", "harbour", "harbor", "area", "region", "district", "province", "suburb", "suburbs", "outskirts", "residents", "city", "town", "village", "county", "state"]),
};

/** Nouns after a company's name ("Magna shares", "Cofinec 's chairman"). */
const BUSINESS_NOUNS: Record<string, ReadonlySet<string>> = {
  en: new Set(["shares", "stock", "stocks", "shareholders", "stockholders", "subsidiary", "subsidiaries", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "chairman", "ceo", "earnings", "profit", "profits", "revenue", "revenues", "sales", "unit", "board", "executives"]),
};

/** Nouns after an outlet's name. */
const MEDIA_NOUNS: Record<string, ReadonlySet<string>> = {
  en: new Set(["newspaper", "daily", "weekly", "magazine", "agency", "radio", "television", "tv", "broadcaster", "newsletter", "website"]),
};

/** Counts that open a span by position, not as part of a name ("Three Russian", "Seven Iraqis"). */
const NUMBER_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozens", "hundreds", "thousands", "several", "some", "many", "all", "both"]),
};

const DATE_TOKEN = /^\d{4}-\d\d-\d\d$|^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

/** Words that are never a name alone though always capitalised. */
const NEVER_ALONE: Record<string, ReadonlySet<string>> = {
  en: new Set(["I"]),
};

const isLowerLatin = (word: string): boolean => /^\p{Ll}/u.test(word) && /^\p{Script=Latin}/u.test(word);
export const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const isNumber = (word: string): boolean => /^\p{N}+$/u.test(word);
const isInitial = (word: string): boolean => /^\p{Lu}\.$/u.test(word);
const isAcronym = (word: string): boolean => /^\p{Lu}{2,6}$/u.test(word);

export class Conventions extends NameList {
  private readonly commonWords = new Map<string, ReadonlySet<string>>();

  constructor(data: ConventionsData) {
    super(data);
    for (const [language, words] of Object.entries(data.commonWords ?? {})) this.commonWords.set(language, new Set(words));
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
    if (!words) return false;
    const lower = word.toLowerCase();
    if (words.has(lower)) return true;
    if (lower.endsWith("ies")) return words.has(lower.slice(0, -3) + "y");
    if (lower.endsWith("es") && words.has(lower.slice(0, -2))) return true;
    return lower.endsWith("s") && words.has(lower.slice(0, -1));
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
    if (!/^\p{Script=Cyrillic}+$/u.test(word)) return undefined;
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
    trimLeadingWords(words, tags, LEADING_ARTICLES[language], calendarWords(language), NUMBER_WORDS[language]);
    typeDateline(words, tags);
    splitAtInnerWords(words, tags, NAME_PARTICLES[language]);
    splitOffTitles(words, tags, TITLE_WORDS[language]);
    this.trimTrailingTitles(words, tags, TITLE_WORDS[language], commonWords);
    this.splitLeadingPlaces(words, tags);
    this.typeKnownNames(words, tags, commonWords);
    this.typeDemonymRuns(words, tags);
    this.typeMedia(words, tags, MEDIA_NOUNS[language]);
    this.typePersonNames(words, tags, ORGANISATION_WORDS[language], commonWords);
    tagAcronyms(words, tags, commonWords);
    const heads = EVENT_HEADS[language];
    if (heads) markEvents(words, tags, heads, EVENT_OPENERS[language]!);
    if (language === "en") this.markCompounds(words, tags);
    const never = NEVER_ALONE[language];
    if (never) untagNeverAlone(words, tags, never);
    if (language === "ru" || language === "uk") applyEastSlavicConventions(words, tags, this, commonWords);
    if (language === "fr") applyFrenchConventions(words, tags, this, commonWords);
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
    const placeNouns = PLACE_NOUNS[language];
    if (placeNouns) typeTownsBeforePlaceNouns(sentences, tags, placeNouns, isTown);
    const businessNouns = BUSINESS_NOUNS[language];
    if (businessNouns) this.typeCompanies(sentences, tags, businessNouns, isTown);
    this.typeTeams(sentences, tags, language);
    typeSurnames(sentences, tags, (word) => isAcronym(word) || /[KA]/.test(this.match([word], 0)?.[1] ?? ""));
    // Once more, so each string keeps the type the conventions gave most of its mentions.
    harmonizeDocument(sentences, tags, modelCommonWords);
    const never = NEVER_ALONE[language];
    if (never) sentences.forEach((words, s) => untagNeverAlone(words, tags[s]!, never));
    const speech = SPEECH_VERBS[language];
    if (speech) this.typeSpeakers(sentences, tags, speech);
  }

  /**
   * A lone common word capitalised only by its position (a sentence's or a list item's first word,
   * a shouted headline: "SOCCER -", "Scorers :", "Division one") is no name, unless the document
   * also capitalises it mid-sentence, where case means something ("Apple said ... at Apple").
   */
  private untagPositionalCapitals(sentences: ReadonlyArray<readonly string[]>, tags: string[][], language: string, modelCommonWords: ReadonlySet<string>): void {
    // The dictionary lacks some function words ("under"), which the model's vocabulary has.
    const isCommon = (w: string): boolean => this.isCommonWord(w, language) || modelCommonWords.has(w.toLowerCase());
    const shouting = sentences.map((words) => isShouting(words));
    const positional = (words: readonly string[], i: number, s: number): boolean =>
      shouting[s]! || i === 0 || SENTENCE_OPENERS.has(words[i - 1]!) || /^\p{N}+[.)]?$/u.test(words[i - 1]!);
    const capitalisedInText = new Set<string>();
    sentences.forEach((words, s) => {
      for (let i = 1; i < words.length; i++) if (isCapitalised(words[i]!) && !positional(words, i, s)) capitalisedInText.add(words[i]!.toLowerCase());
    });
    const positionalCommon = (w: string): boolean => isCapitalised(w) && isCommon(w) && !capitalisedInText.has(w.toLowerCase());
    sentences.forEach((words, s) => {
      for (const span of spansFromTags(tags[s]!)) {
        if (!positional(words, span.start, s) || this.match(words, span.start)) continue;
        const spanWords = words.slice(span.start, span.end).filter((w) => /\p{L}/u.test(w) && w !== "'s");
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
        const cut = knownFrom(span.start + 1) ? 1 : next === "of" && /s$/.test(first) && isCapitalised(words[span.start + 2] ?? "") ? 2 : 0;
        if (cut === 0 || span.start + cut >= span.end) continue;
        for (let i = span.start; i < span.start + cut; i++) tags[s]![i] = "O";
        writeSpan(tags[s]!, span.start + cut, span.end, knownFrom(span.start + cut) ?? span.type);
      }
    });
  }

  /**
   * A lone unknown word the tagger read as a place, speaking ("Parnevik said", "said Parnevik ."),
   * is a person: places speak through their names only as countries, which the lists know.
   */
  private typeSpeakers(sentences: ReadonlyArray<readonly string[]>, tags: string[][], speech: ReadonlySet<string>): void {
    sentences.forEach((words, s) => {
      for (const span of spansFromTags(tags[s]!)) {
        if (span.type !== "LOC" || span.end - span.start !== 1 || this.match(words, span.start)) continue;
        const after = words[span.end]?.toLowerCase() ?? "";
        const before = words[span.start - 1]?.toLowerCase() ?? "";
        if (speech.has(after) || (speech.has(before) && !/^\p{L}/u.test(words[span.end] ?? "."))) writeSpan(tags[s]!, span.start, span.end, "PER");
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

  /** In a sports report (headline slug or result lines), towns and regions that play are teams: ORG. */
  private typeTeams(sentences: ReadonlyArray<readonly string[]>, tags: string[][], language: string): void {
    const sports = SPORTS[language];
    // A sports report says so in its slug, or shows a result line.
    if (!sports || sentences.length === 0) return;
    const resultSides = sentences.map(resultLineSides);
    if (!isSportsSlug(sentences[0]!, sports) && resultSides.every((sides) => sides.length === 0)) return;
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
        if (span.type === "LOC" && (SCORE.test(after) || teamWords.before.has(before) || teamWords.after.has(afterPossessive) || opponent)) teams.add(key);
        if (locative.has(before) || before === "(" || after === ":" || ISO_DATE.test(after)) continue;
        candidates.push({ sentence: s, span, key });
      }
    });
    for (const { sentence, span, key } of candidates) if (teams.has(key)) writeSpan(tags[sentence]!, span.start, span.end, "ORG");
  }

  /** A name the lists don't know followed by a media noun is the outlet ("the Sun newspaper", "Tanjug agency"). */
  private typeMedia(words: readonly string[], tags: string[], nouns: ReadonlySet<string> | undefined): void {
    if (!nouns) return;
    for (const span of spansFromTags(tags)) {
      if (span.type === "ORG" || !nouns.has(words[span.end]?.toLowerCase() ?? "") || this.match(words, span.start)) continue;
      writeSpan(tags, span.start, span.end, "ORG");
    }
  }

  /**
   * A span not read as a person ending in a title is an office, not a name ("Polish Foreign Minister", "U.S. Trade
   * Representative"): the title and the capitalised common words before it are cut off, and what is
   * left takes its type from the name lists ("Polish" MISC).
   */
  private trimTrailingTitles(words: readonly string[], tags: string[], titles: readonly string[] | undefined, commonWords: ReadonlySet<string>): void {
    if (!titles) return;
    const titleSet = new Set(titles);
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
   * affiliation and a person ("президент РФ Дмитрий Медведев", "премьер Японии Наото Кан", "Mexican Ariel Cruz").
   */
  private splitLeadingPlaces(words: readonly string[], tags: string[]): void {
    for (const span of spansFromTags(tags)) {
      if (span.type !== "PER" || span.end - span.start < 3) continue;
      const place = this.match(words, span.start);
      const known = place && (LOCATION_KINDS.test(place[1]) || MISC_KINDS.test(place[1]));
      const length = known ? place[0] : isAcronym(words[span.start]!) ? 1 : 0;
      if (length === 0 || span.end - span.start - length < 2) continue;
      writeSpan(tags, span.start, span.start + length, !known ? "ORG" : LOCATION_KINDS.test(place[1]) ? "LOC" : "MISC");
      writeSpan(tags, span.start + length, span.end, "PER");
    }
  }

  /**
   * "New York-based", "German-Israeli": a name made an attribute by a hyphenated ending, or two
   * nationalities joined, is MISC on its own, split from a name it precedes ("Bergamo-based Atalanta").
   */
  private markCompounds(words: readonly string[], tags: string[]): void {
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      const demonyms = word.includes("-") && word.split("-").every((part) => /D/.test(this.match([part], 0)?.[1] ?? ""));
      if (!NAME_COMPOUND.test(word) && !demonyms) continue;
      if (tags[i + 1]?.startsWith("I-")) tags[i + 1] = "B-" + tags[i + 1]!.slice(2);
      if (tags[i]!.startsWith("I-")) continue; // the end of a longer name: leave it
      tags[i] = "B-MISC";
    }
  }

  /**
   * A short span read as an organisation or place that opens with initials ("J. Adams") or a given
   * name ("Linda Wild", "Saeed Anwar") and ends in no organisation word is a person; an untagged
   * initial before a capitalised word that is no common word is one too ("( P. Simmons 4-38 )").
   */
  private typePersonNames(words: readonly string[], tags: string[], organisationWords: readonly string[] | undefined, commonWords: ReadonlySet<string>): void {
    const organisational = new Set(organisationWords ?? []);
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
      if (surname === undefined || tags[end] !== "O" || !/^\p{Lu}\p{Ll}/u.test(surname) || commonWords.has(surname.toLowerCase()) || this.match(words, end)) continue;
      writeSpan(tags, i, end + 1, "PER");
      i = end;
    }
  }

  /** A span made only of nationality words ("Iraqi Kurds", "Bosnian Serbs") is MISC like each of them. */
  private typeDemonymRuns(words: readonly string[], tags: string[]): void {
    for (const span of spansFromTags(tags)) {
      if (span.type === "MISC" || span.end - span.start < 2) continue;
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
    while (i < words.length && /^\p{Lu}/u.test(words[i]!)) i++;
    if (i === start || !/^\d+$/.test(words[i] ?? "")) return [];
    sides.push({ start, end: i, type: "ORG" });
    i++;
    skipParenthesis();
  }
  return words.slice(i).every((w) => !/[\p{L}\p{N}]/u.test(w)) ? sides : [];
}

/** Cells of a standings table: counts, records, percentages, goal differences. */
const TABLE_CELL = /^(?:[+-]?\d+(?:[.,:]\d+)?|\.\d+|-|\d+-\d+|\d+\/\d+)$/;

/** The name opening a standings row: capitalised words then three table cells or more, up to the end. */
function standingsRowName(words: readonly string[], opensPersonName: (word: string) => boolean): TokenSpan[] {
  const start = /^\d+[.)]?$/.test(words[0] ?? "") ? 1 : 0;
  let i = start;
  while (i < words.length && /^\p{Lu}/u.test(words[i]!)) i++;
  if (i === start || opensPersonName(words[start]!)) return [];
  const cells = words.slice(i).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return cells.length >= 3 && cells.every((w) => TABLE_CELL.test(w)) ? [{ start, end: i, type: "ORG" }] : [];
}

/** A headline opening with a sport's name and a dash or colon ("SOCCER - JAPAN GET LUCKY WIN"). */
function isSportsSlug(words: readonly string[], sports: ReadonlySet<string>): boolean {
  // A dash may be glued to the slug ("FOOTBALL-STANDINGS").
  const headline = words.slice(0, 6).flatMap((w) => w.split(/(?<=\p{L})(-)(?=\p{L})/u));
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
  if (date < 1 || !DATE_TOKEN.test(words[date]!) || !words.slice(0, date).every((w) => /^\p{Lu}/u.test(w))) return;
  writeSpan(tags, 0, date, "LOC");
  tags[date] = "O";
}

function untagNeverAlone(words: readonly string[], tags: string[], never: ReadonlySet<string>): void {
  for (const span of spansFromTags(tags)) if (span.end - span.start === 1 && never.has(words[span.start]!)) tags[span.start] = "O";
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

/** A year or count ("1998 World Cup"), an article or a weekday or month opening a span is outside the name. */
function trimLeadingWords(words: readonly string[], tags: string[], articles: ReadonlySet<string> | undefined, calendar: ReadonlySet<string>, numbers: ReadonlySet<string> | undefined): void {
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
    if (end - start === 1 && (calendar.has(words[start]!.toLowerCase().replace(/\.$/, "")) || /^\p{L}$/u.test(words[start]!))) tags[start++] = "O";
    if (start > span.start || end < span.end) {
      for (let i = span.start; i < span.end; i++) if (i < start || i >= end) tags[i] = "O";
      if (start < end) writeSpan(tags, start, end, span.type);
    }
  }
}

/** Lowercase non-particle Latin words and bare numbers inside a span separate two names. */
function splitAtInnerWords(words: readonly string[], tags: string[], particles: ReadonlySet<string> | undefined): void {
  for (const span of spansFromTags(tags)) {
    const separators: number[] = [];
    for (let i = span.start + 1; i < span.end - 1; i++) {
      const word = words[i]!;
      const lower = isLowerLatin(word) && !(particles?.has(word) ?? true);
      if (lower || (isNumber(word) && isCapitalised(words[i - 1]!) && isCapitalised(words[i + 1]!))) separators.push(i);
    }
    if (separators.length > 0) splitSpan(tags, span, separators);
  }
}

/**
 * A span holding a capitalised title word followed by capitalised words ("Prime Minister Benjamin
 * Netanyahu") is a title and a person: the words after the last title are PER, the title and what
 * precedes it are untagged (a nationality before it is typed later by the name lists).
 */
function splitOffTitles(words: readonly string[], tags: string[], titles: readonly string[] | undefined): void {
  if (!titles) return;
  const titleSet = new Set(titles);
  for (const span of spansFromTags(tags)) {
    let last = -1;
    for (let i = span.start; i < span.end - 1; i++) {
      const bare = words[i]!.toLowerCase().replace(/\.$/, "");
      if (isCapitalised(words[i]!) && titleSet.has(bare)) last = i;
    }
    if (last < 0 || !words.slice(last + 1, span.end).every((w) => isCapitalised(w) || /^\p{Lu}?\.?$/u.test(w))) continue;
    for (let i = span.start; i <= last; i++) tags[i] = "O";
    writeSpan(tags, last + 1, span.end, "PER");
  }
}

/**
 * An untagged acronym in running text ("( EFE )", "the OSCE said") is an organisation: places
 * and nationalities are in the name lists, and an all-caps line is no running text.
 */
function tagAcronyms(words: readonly string[], tags: string[], commonWords: ReadonlySet<string>): void {
  const shouting = words.filter((w) => /\p{Ll}/u.test(w)).length < words.length / 3;
  if (shouting) return;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (tags[i] !== "O" || !/^\p{Lu}{3,6}$/u.test(word) || commonWords.has(word.toLowerCase())) continue;
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
