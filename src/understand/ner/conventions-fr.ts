/**
 * NER step: news annotation conventions particular to French text, applied by conventions.ts after
 * the shared ones, sentence by sentence (the trimming, `trimFrenchClosedClassWords`, before the
 * shared typing of listed names). The word lists are closed-class words and generic nouns
 * (grammar), never names:
 * - determiners, pronouns, prepositions, adverbs and interjections are capitalised by their
 *   position only and are never a name alone; a preposition opening a name or an article or
 *   preposition ending one is outside it; a sentence's first word that is a common word and no
 *   listed name is no name alone; "et" joining two names and a pronoun opening the next sentence
 *   cut a span in two;
 * - a title or rank ("M.", "Mme", "Dr", "général") is no part of the name, but the capitalised words
 *   after it are a person;
 * - a street keeps its lowercase generic noun and house number ("12 , rue de la Paix", "boulevard
 *   Haussmann"): the whole is a location; a station or hospital named by its town ("la gare de
 *   Rouen") is no name, the town is;
 * - a hospital, theatre or circus named after its generic noun ("hôpital Necker") is an
 *   organisation, generic included, and so is a name made of a venue word and more
 *   ("Comédie-Française", "Théâtre des Variétés", "Gaumont-Palace");
 * - a lone name takes its type from the words before it: after a preposition of place it is no
 *   organisation ("à Reims"), and in prose a place no list knows, with none before it, is a person;
 * - words in capitals in running text are headings, not persons or organisations (acronyms aside).
 * The Wikipedia-trained tagger reads towns as their football clubs and unknown surnames as places,
 * and old print and OCR add unaccented capitals ("Etats-Unis") and lost full stops.
 */
import { spanEndAfter, spansFromTags, type TokenSpan } from "./model.ts";
import { isInstitutionNoun, NAME_KINDS, newsAgencyLength, typeByOrganisationNoun, writeSpan, type Conventions } from "./conventions.ts";
import { NAME_ADJECTIVE_ENDINGS } from "./lexicon.ts";
import { hasLetter, hasLowercase, isAllCaps, isCapitalised, isLowercaseWord, startsLowercase } from "../../letters.ts";

/** Closed-class words, sentence adverbs and adjectives that open names ("Premier ministre", "Petit Parisien"), lowercase: no name alone. */
const NEVER_ALONE = new Set([
  "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ce", "cet", "cette", "ces",
  "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "votre", "nos", "vos", "leur", "leurs",
  "je", "j'", "tu", "il", "elle", "nous", "vous", "ils", "elles", "on", "c'", "ceci", "cela", "ça",
  "hier", "demain", "aujourd'hui", "oui", "non", "eh", "ah", "oh", "merci", "bref", "enfin", "puis", "alors",
  "et", "mais", "ou", "donc", "or", "ni", "car", "si", "quand", "comme", "à", "en", "dans", "par", "pour", "sur", "chez",
  "avec", "sans", "selon", "malgré", "après", "avant", "pendant", "depuis", "vers", "entre", "contre", "sous",
  "chaque", "tout", "tous", "toute", "toutes", "quel", "quelle", "quels", "quelles", "plusieurs", "certains", "certaines", "aucun", "aucune",
  "qui", "que", "quoi", "où", "dont", "lequel", "laquelle", "voici", "voilà", "ici", "là",
  "soudain", "aussitôt", "ensuite", "cependant", "toutefois", "pourtant", "ainsi", "aussi", "déjà", "encore", "maintenant", "désormais",
  "certes", "bien", "mal", "très", "trop", "peu", "beaucoup", "jamais", "toujours", "parfois", "souvent", "surtout", "seulement",
  "premier", "première", "dernier", "dernière", "nouveau", "nouvelle", "grand", "grande", "petit", "petite",
]);

/** Prepositions that open no name: "de Paris" names Paris (the tagger takes in the preposition of a person more often than a nobiliary particle). */
const LEADING_PARTICLES = new Set(["de", "d'", "du", "des", "à", "au", "aux", "en", "chez", "par", "pour", "sur", "dans"]);

/** Articles in lowercase, which open no name after a preposition ("de la Savoie"); capitalised, they may ("Le Havre"). */
const LOWERCASE_ARTICLES = new Set(["la", "le", "les", "l'"]);

/** Prepositions and articles that end no name: "tonnes de" is no name, "Côte d'" no whole one. */
const TRAILING_PARTICLES = new Set(["de", "d'", "du", "des", "la", "le", "les", "l'", "à", "au", "aux", "et", "en"]);

/** Titles and forms of address before a person's name. */
const TITLES = new Set(["m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "mgr", "pr", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames"]);

/** Ranks, offices and nobility titles before a person's name, outside it in news annotation. */
const RANKS = new Set([
  "docteur", "professeur", "abbé", "général", "colonel", "commandant", "capitaine", "lieutenant", "sergent", "caporal", "maréchal",
  "amiral", "cardinal", "monseigneur", "baron", "baronne", "comte", "comtesse", "vicomte", "vicomtesse", "marquis", "marquise",
  "duc", "duchesse", "prince", "princesse", "roi", "reine", "empereur", "impératrice", "président", "présidente",
]);

/** Titles that inside a name are something else: an initial ("John M. Jackson"), an English word ("Bring Me to Life"). */
const AMBIGUOUS_TITLES = new Set(["M", "Me"]);

/** Generic nouns of streets and places, part of the place's name in news annotation. */
const PLACE_GENERICS = new Set([
  "rue", "avenue", "boulevard", "bd", "quai", "place", "gare", "impasse", "passage", "allée", "cours", "square",
  "chaussée", "porte", "villa", "cité", "faubourg", "r.", "av.", "boul.", "faub.",
]);

/** Generic nouns of institutions named after them ("théâtre de l'Odéon"): organisations. */
const INSTITUTION_GENERICS = new Set(["hôpital", "hospice", "théâtre", "cirque", "lycée", "collège"]);

/** Buildings and works every town has: "de" and a town after one name the town, not the building. */
const BUILDINGS_OF_TOWNS = new Set(["gare", "hôpital", "hospice", "pont", "port", "lycée", "collège", "mairie", "église", "cathédrale"]);

/** Articles and prepositions linking a generic noun to its name ("rue de la Paix"). */
const LINKS = ["de la", "de l'", "des", "du", "de", "d'"].map((link) => link.split(" "));

/** Rewrite one French sentence's IOB2 `tags` in place. */
export function applyFrenchConventions(words: readonly string[], tags: string[], lists: Conventions): void {
  tagTitledPersons(words, tags);
  tagGenericNamed(words, tags);
  tagNamedVenues(words, tags);
  tagInstitutionNames(words, tags);
  joinInstitutionComplements(words, tags);
  typeUnaccentedPlaces(words, tags, lists);
  typeByOrganisationNoun(words, tags, lists, ORGANISATION_NOUNS);
  typeLoneNamesByContext(words, tags, lists);
  untagShoutedWords(words, tags);
}

/**
 * Prepositions opening and articles ending a span are outside the name, and a closed-class word is
 * no name alone. Run by conventions.ts before it types the listed names, so "de France" is France.
 */
export function trimFrenchClosedClassWords(words: readonly string[], tags: string[]): void {
  splitAtJoins(words, tags);
  for (const span of spansFromTags(tags)) {
    let start = span.start;
    while (start < span.end - 1 && (LEADING_PARTICLES.has(words[start]!.toLowerCase()) || LOWERCASE_ARTICLES.has(words[start]!) || opensInstitution(words, start))) tags[start++] = "O";
    let end = span.end;
    while (end > start + 1 && endsNoName(words[end - 1]!)) tags[--end] = "O";
    if (start < end) writeSpan(tags, start, end, span.type);
    if (end - start === 1 && NEVER_ALONE.has(words[start]!.toLowerCase())) tags[start] = "O";
  }
}

/** An article, a preposition or a subject pronoun (the next sentence's, its full stop lost) ends no name. */
function endsNoName(word: string): boolean {
  const lower = word.toLowerCase();
  return TRAILING_PARTICLES.has(lower) || SENTENCE_OPENERS.has(lower);
}

/**
 * A capitalised article before an institution noun opens the sentence, not the name ("L'Union
 * européenne", "La Banque mondiale"); names that keep their article are not institution-headed ("Le Havre").
 */
function opensInstitution(words: readonly string[], i: number): boolean {
  return LOWERCASE_ARTICLES.has(words[i]!.toLowerCase()) && isInstitutionNoun(words[i + 1]?.toLowerCase() ?? "", "fr");
}

/**
 * Subject pronouns (and "voici"), which open a sentence and end no name: capitalised inside or at the end
 * of a span they are the next sentence, its full stop lost in OCR ("Verdun Il pleut", "Molière Il .").
 */
const SENTENCE_OPENERS = new Set(["je", "j'", "il", "ils", "elle", "elles", "nous", "vous", "on", "voici", "voilà"]);

/**
 * Where one span holds two names or a name and what follows it, cut it: before a capitalised
 * pronoun opening a sentence ("Verdun Il pleut"), and at "et" joining two names, when a preposition
 * follows it or the names are places or people ("Dupuis et Garnaud", "de l'Ain et de la Savoie");
 * a firm's name keeps it ("Moët et Chandon").
 */
function splitAtJoins(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    let start = span.start;
    for (let i = span.start + 1; i < span.end; i++) {
      const word = words[i]!;
      const next = words[i + 1]?.toLowerCase() ?? "";
      // A pronoun opens a sentence when its verb follows (not "Hold On Me").
      const opener = SENTENCE_OPENERS.has(word.toLowerCase()) && isCapitalised(word) && startsLowercase(words[i + 1] ?? "");
      const join = word === "et" && (LEADING_PARTICLES.has(next) || span.type !== "ORG") && i + 1 < span.end;
      if (!opener && !join) continue;
      if (i > start) writeSpan(tags, start, i, span.type);
      if (join) tags[i] = "O";
      start = join ? i + 1 : i;
    }
    if (start > span.start && start < span.end) writeSpan(tags, start, span.end, span.type);
  }
}

/** "M. Dupont", "Mme Curie": the title is outside the name, the capitalised words after it a person. */
function tagTitledPersons(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const bare = words[i]!.replace(/\.$/, "");
    // A rank or nobility title, in either case, before a capitalised name ("le général Joffre", "Docteur Roux").
    const rank = RANKS.has(bare.toLowerCase()) && !tags[i]!.startsWith("I-") && isCapitalised(words[i + 1] ?? "");
    if (!rank && (!TITLES.has(bare.toLowerCase()) || !isCapitalised(bare) || (tags[i]!.startsWith("I-") && AMBIGUOUS_TITLES.has(bare)))) continue;
    let start = i + 1;
    if (bare === words[i] && words[start] === ".") start++;
    if (tags[i] !== "O" && (tags[i + 1] ?? "O").startsWith("I-")) tags[i + 1] = "B-" + tags[i + 1]!.slice(2);
    tags[i] = "O";
    if (start > i + 1) tags[i + 1] = "O";
    if (!isCapitalised(words[start] ?? "")) continue;
    let end = start;
    while (isCapitalised(words[end] ?? "") && !TITLES.has(words[end]!.replace(/\.$/, "").toLowerCase())) end++;
    const spanEnd = spanEndAfter(tags, end - 1);
    writeSpan(tags, start, spanEnd, "PER");
    i = spanEnd - 1;
  }
}


/** "rue de la Paix" (LOC), "hôpital Necker" (ORG): a generic noun, a link, then a tagged name. */
function tagGenericNamed(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length - 1; i++) {
    const generic = words[i]!.toLowerCase();
    const type = INSTITUTION_GENERICS.has(generic) ? "ORG" : PLACE_GENERICS.has(generic) || BUILDINGS_OF_TOWNS.has(generic) ? "LOC" : undefined;
    if (!type || (tags[i] !== "O" && !tags[i]!.startsWith("B-"))) continue;
    const link = LINKS.find((l) => l.every((w, k) => words[i + 1 + k]?.toLowerCase() === w))?.length ?? 0;
    const nameStart = i + 1 + link;
    if (!tags[nameStart]?.startsWith("B-") || !isCapitalised(words[nameStart] ?? "")) continue;
    const end = spanEndAfter(tags, nameStart);
    // "la gare de Rouen", "l'hôpital de Dijon" (generic in lowercase): a building named by its town is no name, the town is.
    const ofTown = BUILDINGS_OF_TOWNS.has(words[i]!) && (words[i + 1] === "de" || words[i + 1] === "d'") && link === 1;
    if (ofTown) writeSpan(tags, nameStart, end, "LOC");
    else writeSpan(tags, PLACE_GENERICS.has(generic) ? addressStart(words, tags, i) : i, end, type);
    i = end - 1;
  }
}

/** A house number belongs to the street's location: "12 , rue de la Paix", "12 rue de la Paix". */
function addressStart(words: readonly string[], tags: readonly string[], generic: number): number {
  const isNumber = (k: number): boolean => /^\d+(?:bis|ter)?$/.test(words[k] ?? "") && tags[k] === "O";
  if ((words[generic - 1] === "," || words[generic - 1] === ".") && tags[generic - 1] === "O" && isNumber(generic - 2)) return generic - 2;
  return isNumber(generic - 1) ? generic - 1 : generic;
}

/** Words for a house of shows, inside a venue's own name ("Théâtre des Variétés", "Opéra-Comique"). */
const VENUE_WORDS = new Set(["théâtre", "cinéma", "cirque", "opéra", "comédie", "lyrique", "palace", "guignol", "bouffes", "folies", "concert", "casino", "kursaal", "music"]);

/**
 * A name made of a venue word and more ("Comédie-Française", "Cirque d'Hiver") is the company that
 * runs it (ORG); a street named after one ("place de l'Opéra") stays a place.
 */
function tagNamedVenues(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    if (span.type === "ORG" || span.type === "MISC" || PLACE_GENERICS.has(words[span.start]!.toLowerCase())) continue;
    if (isVenueName(words.slice(span.start, span.end))) writeSpan(tags, span.start, span.end, "ORG");
  }
}

/** Whether a name is made of a venue word and more ("Comédie-Française", "Cirque d'Hiver"). */
function isVenueName(nameWords: readonly string[]): boolean {
  const parts = nameWords.flatMap((w) => w.toLowerCase().split("-"));
  return parts.length > 1 && parts.some((part) => VENUE_WORDS.has(part));
}

/** Words before a noun that show its capital is its own, not the sentence's ("le Parlement", "de l'Assemblée"). */
const DETERMINERS = new Set(["le", "la", "les", "l'", "du", "des", "au", "aux", "ce", "cette", "son", "sa", "leur"]);

/**
 * "le Parlement européen", "l'Assemblée nationale": an untagged institution noun capitalised after a
 * determiner, with the lowercase adjectives that follow it, names the institution. Alone ("le Centre",
 * "l'Université") it is as often the generic noun: left to the tagger.
 */
function tagInstitutionNames(words: readonly string[], tags: string[]): void {
  const adjective = NAME_ADJECTIVE_ENDINGS.fr!;
  for (let i = 1; i < words.length; i++) {
    if (tags[i] !== "O" || !isCapitalised(words[i]!) || !DETERMINERS.has(words[i - 1]!.toLowerCase()) || !isInstitutionNoun(words[i]!.toLowerCase(), "fr")) continue;
    let end = i + 1;
    while (end < words.length && tags[end] === "O" && isLowercaseWord(words[end]!) && adjective.test(words[end]!)) end++;
    if (end > i + 1) writeSpan(tags, i, end, "ORG");
    i = end - 1;
  }
}

/**
 * "Conseil d'État", "Banque de France", "Département d'État des États-Unis": a name headed by a
 * capitalised institution noun, then "de" (and an article) and a capitalised name, is one organisation
 * (the tagger reads the complement as a place of its own); so is a name the noun opens ("Banque mondiale").
 */
function joinInstitutionComplements(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i]!) || !isInstitutionNoun(words[i]!.toLowerCase(), "fr") || tags[i]!.startsWith("I-")) continue;
    let end = spanEndAfter(tags, i);
    for (;;) {
      const link = LINKS.find((l) => l.every((w, k) => words[end + k] === w))?.length ?? 0;
      const complement = end + link;
      if (link === 0 || !isCapitalised(words[complement] ?? "") || tags[complement]!.startsWith("I-")) break;
      end = spanEndAfter(tags, complement);
    }
    if (end > spanEndAfter(tags, i) || (tags[i]!.startsWith("B-") && tags[i] !== "B-MISC")) writeSpan(tags, i, end, "ORG");
    i = end - 1;
  }
}

/** Nouns that introduce a firm, an outlet or a group by name ("l'opérateur national Ukrenergo", "le quotidien Le Monde"). */
const ORGANISATION_NOUNS = new Set([
  "entreprise", "société", "compagnie", "groupe", "opérateur", "constructeur", "fabricant", "firme", "banque", "agence", "assureur",
  "transporteur", "distributeur", "filiale", "marque", "géant", "laboratoire", "journal", "quotidien", "hebdomadaire", "magazine",
  "chaîne", "radio", "syndicat", "parti", "club", "équipe", "association", "ONG", "organisation",
]);

/** Prepositions (and old or OCR "a" for "à") after which a lone name is a place: "à Reims", "de Genève". */
const PLACE_PREPOSITIONS = new Set(["à", "a", "de", "d'", "en", "sur", "vers", "près", "depuis", "jusqu'à", "entre"]);

const OF = new Set(["de", "d'"]);

/** Words after which a lone name may be a place or an institution: articles, prepositions, contractions. */
const LOCATIVE_CONTEXT = new Set([...PLACE_PREPOSITIONS, "du", "des", "au", "aux", "la", "le", "l'", "les", "dans", "sous", "par", "pour", "chez", "devant", "derrière", "contre", "outre"]);

/** Whether `word`, or its spelling with an accented capital, is a town, country or region some list or the French dictionary knows. */
function isKnownPlace(word: string, lists: Conventions): boolean {
  return [word, accentedCapital(word)].some((spelling) => lists.isKnownPlace(spelling) || lists.isDictionaryPlace(spelling, "fr"));
}

const isPlaceKinds = (kinds: string): boolean => [NAME_KINDS.country, NAME_KINDS.area, NAME_KINDS.region].some((k) => kinds.includes(k));

const UNACCENTED_CAPITAL_E = /^E(?=\p{Ll})/u;

/** Old print and OCR leave capitals unaccented ("Etats-Unis", "Ecosse"): the spelling with "É". */
const accentedCapital = (word: string): string => word.replace(UNACCENTED_CAPITAL_E, "É");

/** A span that is a listed country or region once its capital is accented ("Etats-Unis") is that place. */
function typeUnaccentedPlaces(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.type === "LOC" || accentedCapital(words[span.start]!) === words[span.start]) continue;
    const spelled = [accentedCapital(words[span.start]!), ...words.slice(span.start + 1, span.end)];
    const known = lists.match(spelled, 0);
    if (known && known[0] === spelled.length && isPlaceKinds(known[1])) writeSpan(tags, span.start, span.end, "LOC");
  }
}

/** Nouns of settlements and land before their names ("la ville Redwater", "les bourgs Oyes et Mondement"). */
const PLACE_NOUNS = new Set([
  "ville", "villes", "village", "villages", "bourg", "bourgs", "commune", "communes", "hameau", "hameaux", "cité", "port",
  "département", "région", "province", "canton", "arrondissement", "île", "îles", "mont", "monts", "fleuve", "rivière", "lac", "col",
]);

/** Words of position and origin before "de" and a place ("près de", "au nord de", "originaire de"). */
const PLACE_CUES = new Set([
  "près", "loin", "autour", "environs", "abords", "originaire", "originaires", "natif", "native", "nord", "sud", "est", "ouest",
  "nord-est", "nord-ouest", "sud-est", "sud-ouest", "banlieue", "région", "route", "chemin", "rive", "rives", "habitant", "habitants",
]);

/** Words that join the items of an enumeration ("Lille , Douai et Arras"). */
const ENUMERATION_JOINS = new Set([",", ";", "et", "ou"]);

/**
 * A lone word's type from the words around it, where the Wikipedia-trained tagger reads towns as
 * their football clubs and unknown surnames as places: an organisation right after a bare
 * preposition ("de Genève", "à Reims") is the place (an institution takes an article: "de la
 * Comédie"); in running prose, a place neither after a preposition or article, nor known to the
 * lists, nor listed with known places ("Delmas , Journet", "Bourgeois était venu") is a person.
 */
function typeLoneNamesByContext(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.type !== "ORG" || span.end - span.start !== 1) continue;
    const before = words[span.start - 1]?.toLowerCase() ?? "";
    // "de la Meuse", "de l'Yonne": rivers and regions take the article; a one-word firm seldom does.
    const articled = (before === "la" || before === "l'") && PLACE_PREPOSITIONS.has(words[span.start - 2]?.toLowerCase() ?? "");
    const word = words[span.start]!;
    // After a bare "de" a firm is as likely as a place ("le directeur de Renault"): only a known place turns.
    const placePreposition = PLACE_PREPOSITIONS.has(before) && (!OF.has(before) || isKnownPlace(word, lists));
    if (placePreposition || (articled && !isVenueName([word]) && hasLowercase(word))) writeSpan(tags, span.start, span.end, "LOC");
  }
  // "près de Beauvais", "originaire de Tours", "la commune de Leuilly": a lone name after a word of place and "de" is the place.
  for (const span of spansFromTags(tags)) {
    const of = words[span.start - 1]?.toLowerCase() ?? "";
    const cue = words[span.start - 2]?.toLowerCase() ?? "";
    if (span.type !== "LOC" && span.end - span.start === 1 && (of === "de" || of === "d'") && (PLACE_CUES.has(cue) || PLACE_NOUNS.has(cue))) writeSpan(tags, span.start, span.end, "LOC");
  }
  // Headings, captions and tables ("Pintac ( Hautes-Pyrénées )") say nothing by word order.
  const lowercase = words.filter((w) => startsLowercase(w)).length;
  if (lowercase < 4 && !(lowercase > 0 && /^[.!?…]$/u.test(words[words.length - 1]!))) return;
  const spans = spansFromTags(tags);
  // Compound place names ("Lamotte-Beuvron", "Saint-Hubert"), names after a preposition or a place
  // noun and listed towns are places, and so are the others of their enumeration.
  const knownPlace = spans.map((s) => {
    if (s.type !== "LOC") return false;
    const before = words[s.start - 1]?.toLowerCase() ?? "";
    return s.end - s.start > 1 || words[s.start]!.includes("-") || LOCATIVE_CONTEXT.has(before) || PLACE_NOUNS.has(before) || isKnownPlace(words[s.start]!, lists);
  });
  spans.forEach((span, k) => {
    if (span.type !== "LOC" || knownPlace[k] || !hasLowercase(words[span.start]!)) return;
    if (words[span.start - 1] === "(" || words[span.end] === "(" || listedWithPlaces(words, spans, knownPlace, k)) return;
    writeSpan(tags, span.start, span.end, "PER");
  });
}

/** Whether the span `k` is one item of an enumeration that holds a known place. */
function listedWithPlaces(words: readonly string[], spans: readonly TokenSpan[], knownPlace: readonly boolean[], k: number): boolean {
  const joined = (a: TokenSpan, b: TokenSpan): boolean => b.start - a.end === 1 && ENUMERATION_JOINS.has(words[a.end]!.toLowerCase());
  for (let j = k - 1; j >= 0 && joined(spans[j]!, spans[j + 1]!); j--) if (knownPlace[j]) return true;
  for (let j = k + 1; j < spans.length && joined(spans[j - 1]!, spans[j]!); j++) if (knownPlace[j]) return true;
  return false;
}

/**
 * A lone word capitalised inside a sentence that the dictionary lists only in lowercase ("la Matinée",
 * "Rhumatismes", "l'Assistance") is a heading, a shop's or a show's noun, a title of a work: no
 * name, unless the lists know it ("Tours" is a town), a title before it makes it a person ("M.
 * Boulanger"), the document names it within a longer name ("Jean Boulanger"), it is an
 * institution named by its noun ("le Sénat"), a news agency, or a noun of firms precedes it ("l'agence
 * Tass"). Old print and scraped pages capitalise such nouns freely; the tagger, trained on Wikipedia,
 * reads most capitals as names.
 */
export function untagLoneCommonNouns(sentences: ReadonlyArray<readonly string[]>, tags: string[][], lists: Conventions): void {
  const inLongerNames = new Set<string>();
  sentences.forEach((words, s) => {
    for (const span of spansFromTags(tags[s]!)) if (span.end - span.start > 1) for (let i = span.start; i < span.end; i++) inLongerNames.add(words[i]!.toLowerCase());
  });
  sentences.forEach((words, s) => {
    for (const span of spansFromTags(tags[s]!)) {
      const word = words[span.start]!;
      const lower = word.toLowerCase();
      if (span.end - span.start !== 1 || span.start === 0 || !lists.isCommonWord(word, "fr") || inLongerNames.has(lower)) continue;
      const before = words[span.start - 1]!.replace(/\.$/, "").toLowerCase();
      if (TITLES.has(before) || RANKS.has(before) || ORGANISATION_NOUNS.has(before) || isInstitutionNoun(lower, "fr") || lists.match(words, span.start) || isKnownPlace(word, lists)) continue;
      if (newsAgencyLength(words, span.start) > 0) continue;
      tags[s]![span.start] = "O";
    }
  });
}

const ROMAN_NUMERAL = /^[IVXLC]+$/;

/** Acronyms are short ("CGT", "SNCF"); a longer word in capitals is a word shouted. */
const ACRONYM_MAX_LETTERS = 5;

const CAPITAL_INITIAL = /^\p{Lu}\.?$/u;

/**
 * In a line of running text, capitals make headings and advertisements ("UN DRAME A ...", "OFFRES
 * D'EMPLOI"), not people or organisations: a span made of words in capitals, or holding a word in
 * capitals too long for an acronym, is no person or organisation, unless it is one acronym
 * ("CGT") or a person's name ending in a surname in capitals; a roman numeral alone is no name ("VII").
 */
function untagShoutedWords(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    const spanWords = words.slice(span.start, span.end).filter((w) => hasLetter(w));
    const shouted = spanWords.filter((w) => isAllCaps(w) || CAPITAL_INITIAL.test(w));
    const numeral = spanWords.length === 1 && ROMAN_NUMERAL.test(spanWords[0]!);
    const allShouted = shouted.length > 0 && shouted.length === spanWords.length && !(spanWords.length === 1 && spanWords[0]!.length <= ACRONYM_MAX_LETTERS);
    // ... but a surname in capitals after a given name is the French way of writing names ("Jean DUPONT").
    const longShouted = shouted.some((w) => w.length > ACRONYM_MAX_LETTERS) && (span.type === "ORG" || shouted.includes(spanWords[0]!));
    if (numeral || ((span.type === "PER" || span.type === "ORG") && (allShouted || longShouted))) {
      for (let i = span.start; i < span.end; i++) tags[i] = "O";
    }
  }
}
