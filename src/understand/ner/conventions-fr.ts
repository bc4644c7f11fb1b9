/**
 * NER step: news annotation conventions particular to French text, applied by conventions.ts after
 * the shared ones, sentence by sentence. The word lists are closed-class words and generic nouns
 * (grammar), never names:
 * - determiners, pronouns, prepositions, adverbs and interjections are capitalised by their
 *   position only and are never a name alone; a preposition opening a name or an article or
 *   preposition ending one is outside it; a sentence's first word that is a common word and no
 *   listed name is no name alone;
 * - a title ("M.", "MM.", "Mme", "Dr") is no part of the name, but the capitalised words after it
 *   are a person;
 * - a street or place name keeps its lowercase generic noun ("rue de la Paix", "boulevard
 *   Haussmann", "gare de Lyon"): the whole is a location;
 * - a hospital, theatre or circus named after its generic noun ("hôpital Necker") is an
 *   organisation, generic included, and so is a name made of a venue word and more
 *   ("Comédie-Française", "Théâtre des Variétés");
 * - a span that is exactly a listed country or region is a location.
 */
import { spansFromTags } from "./model.ts";
import { isCapitalised, NAME_KINDS, writeSpan, type Conventions } from "./conventions.ts";

/** Closed-class words and sentence adverbs (lowercase) that name nothing alone. */
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
]);

/** Prepositions that open no name: "de Paris" names Paris (the tagger takes in the preposition of a person more often than a nobiliary particle). */
const LEADING_PARTICLES = new Set(["de", "d'", "du", "des", "à", "au", "aux", "en", "chez", "par", "pour", "sur", "dans"]);

/** Prepositions and articles that end no name: "tonnes de" is no name, "Côte d'" no whole one. */
const TRAILING_PARTICLES = new Set(["de", "d'", "du", "des", "la", "le", "les", "l'", "à", "au", "aux", "et", "en"]);

/** Titles and forms of address before a person's name. */
const TITLES = new Set(["m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "mgr", "pr", "monsieur", "madame", "mademoiselle", "messieurs", "mesdames"]);

/** Titles that inside a name are something else: an initial ("John M. Jackson"), an English word ("Bring Me to Life"). */
const AMBIGUOUS_TITLES = new Set(["M", "Me"]);

/** Generic nouns of streets and places, part of the place's name in news annotation. */
const PLACE_GENERICS = new Set([
  "rue", "avenue", "boulevard", "bd", "quai", "place", "gare", "impasse", "passage", "allée", "cours", "square",
  "chaussée", "porte", "villa", "cité",
]);

/** Generic nouns of institutions named after them ("théâtre de l'Odéon"): organisations. */
const INSTITUTION_GENERICS = new Set(["hôpital", "hospice", "théâtre", "cirque", "lycée", "collège"]);

/** Articles and prepositions linking a generic noun to its name ("rue de la Paix"). */
const LINKS = ["de la", "de l'", "des", "du", "de", "d'"].map((link) => link.split(" "));

/** Rewrite one French sentence's IOB2 `tags` in place. */
export function applyFrenchConventions(words: readonly string[], tags: string[], lists: Conventions, commonWords: ReadonlySet<string>): void {
  trimClosedClassWords(words, tags);
  tagTitledPersons(words, tags);
  tagGenericNamed(words, tags);
  tagListedPlaces(words, tags, lists);
  untagSentenceInitialCommonWords(words, tags, lists, commonWords);
  tagNamedVenues(words, tags);
}

function trimClosedClassWords(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    let start = span.start;
    while (start < span.end - 1 && LEADING_PARTICLES.has(words[start]!.toLowerCase())) tags[start++] = "O";
    let end = span.end;
    while (end > start + 1 && TRAILING_PARTICLES.has(words[end - 1]!.toLowerCase())) tags[--end] = "O";
    if (start < end) writeSpan(tags, start, end, span.type);
    if (end - start === 1 && NEVER_ALONE.has(words[start]!.toLowerCase())) tags[start] = "O";
  }
}

/** "M. Dupont", "Mme Curie": the title is outside the name, the capitalised words after it a person. */
function tagTitledPersons(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const bare = words[i]!.replace(/\.$/, "");
    if (!TITLES.has(bare.toLowerCase()) || !/^\p{Lu}/u.test(bare) || (tags[i]!.startsWith("I-") && AMBIGUOUS_TITLES.has(bare))) continue;
    let start = i + 1;
    if (bare === words[i] && words[start] === ".") start++;
    if (tags[i] !== "O" && (tags[i + 1] ?? "O").startsWith("I-")) tags[i + 1] = "B-" + tags[i + 1]!.slice(2);
    tags[i] = "O";
    if (start > i + 1) tags[i + 1] = "O";
    if (!isCapitalised(words[start] ?? "")) continue;
    let end = start;
    while (isCapitalised(words[end] ?? "") && !TITLES.has(words[end]!.replace(/\.$/, "").toLowerCase())) end++;
    const spanEnd = extendOverTag(tags, end);
    writeSpan(tags, start, spanEnd, "PER");
    i = spanEnd - 1;
  }
}

/** The end of the span running through position `end - 1` (a name may go on past its capitals: "de Gaulle"). */
function extendOverTag(tags: readonly string[], end: number): number {
  while (end < tags.length && tags[end]!.startsWith("I-")) end++;
  return end;
}

/** "rue de la Paix" (LOC), "hôpital Necker" (ORG): a generic noun, a link, then a tagged name. */
function tagGenericNamed(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length - 1; i++) {
    const generic = words[i]!.toLowerCase();
    const type = PLACE_GENERICS.has(generic) ? "LOC" : INSTITUTION_GENERICS.has(generic) ? "ORG" : undefined;
    if (!type || (tags[i] !== "O" && !tags[i]!.startsWith("B-"))) continue;
    const link = LINKS.find((l) => l.every((w, k) => words[i + 1 + k]?.toLowerCase() === w))?.length ?? 0;
    const nameStart = i + 1 + link;
    if (!tags[nameStart]?.startsWith("B-") || !isCapitalised(words[nameStart] ?? "")) continue;
    const end = extendOverTag(tags, nameStart + 1);
    writeSpan(tags, i, end, type);
    i = end - 1;
  }
}

/** A sentence's first word, capitalised by position, that is a common word and no listed name ("Certes", "Ensuite"). */
function untagSentenceInitialCommonWords(words: readonly string[], tags: string[], lists: Conventions, commonWords: ReadonlySet<string>): void {
  const first = words.findIndex((w) => /\p{L}/u.test(w));
  if (first < 0 || tags[first] === "O" || tags[first + 1]?.startsWith("I-")) return;
  if (commonWords.has(words[first]!.toLowerCase()) && !lists.match(words, first)) tags[first] = "O";
}

/** A span that is exactly a listed country or region ("États-Unis") is that place, even as the subject of a verb. */
function tagListedPlaces(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.type === "LOC") continue;
    const [length, kinds] = lists.match(words, span.start) ?? [0, ""];
    if (kinds && length === span.end - span.start && [...kinds].every((kind) => kind === NAME_KINDS.country || kind === NAME_KINDS.area || kind === NAME_KINDS.region)) writeSpan(tags, span.start, span.end, "LOC");
  }
}

/** Words for a house of shows, inside a venue's own name ("Théâtre des Variétés", "Opéra-Comique"). */
const VENUE_WORDS = new Set(["théâtre", "cinéma", "cirque", "opéra", "comédie"]);

/**
 * A name made of a venue word and more ("Comédie-Française", "Cirque d'Hiver") is the company that
 * runs it (ORG); a street named after one ("place de l'Opéra") stays a place.
 */
function tagNamedVenues(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    if (span.type === "ORG" || span.type === "MISC" || PLACE_GENERICS.has(words[span.start]!.toLowerCase())) continue;
    const parts = words.slice(span.start, span.end).flatMap((w) => w.toLowerCase().split("-"));
    if (parts.length > 1 && parts.some((part) => VENUE_WORDS.has(part))) writeSpan(tags, span.start, span.end, "ORG");
  }
}
