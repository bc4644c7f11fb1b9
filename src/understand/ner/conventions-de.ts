/**
 * NER step: news annotation conventions particular to German text (GermEval 2014 style), applied by
 * conventions.ts after the shared ones, sentence by sentence. German capitalises every noun, so the
 * Wikipedia-trained tagger reads many common nouns as names; the word lists here are grammar
 * (closed-class words, noun suffixes, generic nouns, nationality words) and the few names every
 * wire story cites:
 * - a closed-class word or a common noun alone ("Sie", "Ministerium", "Regierung", "Jahrzehnts") is
 *   no name, nor is a compound headed by a common noun ("EU-Kommission", "Landesminister")
 *   nor a long compound read as an organisation: the annotation counts such compounds only as
 *   containing a name;
 * - a lone word after an article or a possessive ("im Lagerhaus", "Unser Ziel"), or coordinated with a
 *   capitalised word the tagger left out ("Semmeln und Brezeln"), is a common noun: names rarely take articles;
 * - a person noun before a name is in apposition, outside it ("Sängerin X"), and so are other common nouns
 *   ("Chemiekonzern X", "Kanton Y", which also type what follows) and a noun after a genitive name
 *   ("Brandts Sprecher"); a date ends a name; the words after a title, or after a quotation's verb of
 *   saying ("…“, sagte X"), are a person's name;
 * - nationality adjectives and nouns ("die deutsche Regierung", "die Briten", "kalabrischen")
 *   and a town's adjective in -er before a common noun ("Kölner Polizei") are derived from names:
 *   MISC; so are wars named by an adjective ("Zweiter Weltkrieg"), the euro and other currencies, market indices and
 *   titles in quotes after a noun of works;
 * - parties named by a common word ("die Grünen") are organisations (news agencies, "dpa", are so
 *   in every language: conventions.ts).
 * Wikipedia's own annotation keeps titles of nobility and a town's adjective with the noun after
 * it ("Herzog X", "Kieler Woche"), and its compounds ("SPD-Fraktion"), so those rules stay narrow;
 * it also keeps nouns of places before a name ("Landkreis X"), which the news annotation leaves out.
 */
import { spansFromTags } from "./model.ts";
import { NAME_KINDS, tagQuotedTitles, writeSpan, type Conventions, type QuotedTitles } from "./conventions.ts";
import { calendarWords, organisationWords, speechWords, titleWords } from "./lexicon.ts";
import { isCapitalised, startsCapitalThenLowercase } from "../../letters.ts";

/** Pronouns, determiners, conjunctions, prepositions and adverbs, capitalised by position only: no name alone. */
const CLOSED_CLASS_WORDS = new Set([
  "man", "ich", "du", "er", "sie", "es", "wir", "ihr", "der", "die", "das", "dem", "den", "des", "ein", "eine", "einen", "einem",
  "einer", "eines", "dies", "diese", "dieser", "dieses", "diesem", "diesen", "jene", "jener", "alle", "viele", "einige", "manche",
  "und", "oder", "aber", "doch", "denn", "sondern", "auch", "nur", "noch", "schon", "so", "dann", "da", "hier", "dort", "heute",
  "gestern", "morgen", "jetzt", "nun", "als", "wenn", "wie", "was", "wer", "wo", "warum", "weil", "dass", "ob", "im", "am", "an",
  "auf", "aus", "bei", "mit", "nach", "seit", "von", "vom", "vor", "zu", "zum", "zur", "für", "gegen", "ohne", "um", "unter",
  "über", "durch", "während", "trotz", "laut", "ja", "nein", "bitte", "danke",
]);

/**
 * Frequent common nouns the tagger takes for names (people, places, institutions, time, fields),
 * lowercase singular; inflected forms are read back to these.
 */
const COMMON_NOUNS = new Set([
  "mann", "frau", "kind", "mensch", "leute", "volk", "bürger", "jahr", "jahrhundert", "jahrzehnt", "woche", "monat", "tag",
  "kirche", "polizei", "partei", "armee", "militär", "regierung", "opposition", "koalition", "fraktion", "parlament",
  "ministerium", "gericht", "staat", "land", "stadt", "gemeinde", "region", "kreis", "bezirk", "dorf", "insel", "welt",
  "firma", "konzern", "unternehmen", "bank", "verein", "verband", "club", "klub", "mannschaft", "team", "jury", "saison",
  "fußball", "sport", "spiel", "rennen", "turnier", "liga", "krieg", "gesetz", "vertrag", "recht", "politik", "wirtschaft",
  "kultur", "kunst", "musik", "geschichte", "internet", "film", "buch", "album", "lied", "band", "gruppe", "zeitung",
  "verlag", "sender", "schule", "museum", "theater", "kloster", "schloss", "burg", "bahnhof", "flughafen", "hafen", "markt",
  "börse", "krise", "präsident", "minister", "kanzler", "trainer", "spieler", "gott", "republik", "kaiser", "könig",
]);

/** Suffixes that make abstract and collective nouns, never names ("Regierung", "Freiheit", "Liberalismus"). */
const NOUN_SUFFIX = /(?:ung|heit|keit|schaft|ismus|tät|tion|sion|ium)$/;

/** Heads of compounds that never name one thing ("Landesminister", "Steuerrecht", "Jugendmannschaft"). */
const COMPOUND_HEADS = new RegExp(
  "(?:präsident|minister|ministerium|kanzler|chef|sprecher|leiter|experte|fahrer|spieler|trainer|arbeiter|mannschaft|recht|" +
    "jahrhundert|wochenende|politik|technik|gesetz|vertrag|krieg|partie|liste|fabrik|paket|logie|graphie|grafie|bürger|industrie|" +
    "system|programm|sprache|zahlen|bereich|ebene|fahrzeug|apparat|gebäude|anlage)(?:in)?$",
);

/** Inflectional endings a noun takes in the plural and the genitive, longest first. */
const NOUN_ENDINGS = ["en", "es", "n", "s", "e"];

/** The forms `lower` may come from with its inflectional ending taken off. */
function stems(lower: string): string[] {
  return [lower, ...NOUN_ENDINGS.filter((e) => lower.endsWith(e) && lower.length > e.length + 2).map((e) => lower.slice(0, -e.length))];
}



/** Whether `word` is a common noun: a listed one, one with a noun suffix, or a compound with a common head. */
function isCommonNoun(word: string, lists: Conventions): boolean {
  if (!isCapitalised(word)) return false;
  // A listed noun as written is the noun, though some list has a place of that name (towns called "Burg" or "Land").
  if (COMMON_NOUNS.has(word.toLowerCase())) return true;
  if (lists.isKnownPlace(word)) return false;
  const forms = stems(word.toLowerCase());
  return forms.some((form) => COMMON_NOUNS.has(form) || (form.length > 6 && (NOUN_SUFFIX.test(form) || COMPOUND_HEADS.test(form))));
}

/**
 * Nouns of people put before a name in apposition ("der Sänger X", "seine Tante X"), lowercase
 * singular; compounds count by their head ("Popsänger", "Halbbruder").
 */
const PERSON_NOUNS = new Set([
  "vater", "mutter", "sohn", "tochter", "bruder", "schwester", "onkel", "tante", "neffe", "nichte", "ehemann", "ehefrau",
  "witwe", "witwer", "freund", "freundin", "kollege", "kollegin", "genosse", "sänger", "sängerin", "schauspieler",
  "schauspielerin", "regisseur", "regisseurin", "autor", "autorin", "schriftsteller", "schriftstellerin", "dichter", "maler",
  "komponist", "musiker", "star", "rapper", "pfarrer", "kommissar", "stürmer", "torwart", "keeper", "kapitän", "coach", "profi",
  "anwalt", "anwältin", "professor", "professorin", "politiker", "politikerin", "unternehmer", "manager", "gründer",
  "erfinder", "architekt", "archäologe", "archäologin", "journalist", "journalistin",
]);

/** Whether `word` is a noun of people, a compound headed by one included ("Popsänger"). */
function isPersonNoun(word: string): boolean {
  if (!isCapitalised(word)) return false;
  const lower = word.toLowerCase();
  for (const form of stems(lower)) for (const noun of PERSON_NOUNS) if (form === noun || (form.endsWith(noun) && form.length > noun.length + 2)) return true;
  return false;
}

/** Rewrite one German sentence's IOB2 `tags` in place. */
export function applyGermanConventions(words: readonly string[], tags: string[], lists: Conventions): void {
  cutDates(words, tags);
  untagCommonWords(words, tags, lists);
  untagNounCompounds(words, tags, lists);
  untagNounsAfterArticles(words, tags, lists);
  untagCoordinatedNouns(words, tags, lists);
  trimEdgeNouns(words, tags, lists);
  trimLeadingDescriptors(words, tags, lists);
  tagNamesAfterTitles(words, tags, lists);
  tagSpeakers(words, tags, lists);
  tagSpeakersBeforeVerbs(words, tags, lists);
  tagNamedWars(words, tags);
  tagNationalityWords(words, tags, lists);
  tagTownAdjectives(words, tags, lists);
  tagMiscNames(words, tags);
  tagCurrencies(words, tags);
  tagQuotedTitles(words, tags, QUOTED_TITLES);
  typeParties(words, tags);
}

/**
 * A single word of ten letters or more is a compound noun ("Autoindustrie"): organisations
 * are named in several words or by acronyms, the federal institutions ("Bundeswehr") aside.
 */
const LONG_COMPOUND = /^\p{Lu}\p{Ll}{9,}$/u;

/** A closed-class word, a common noun or a long compound read as an organisation, alone, is no name, nor is a run of common nouns. */
function untagCommonWords(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    const spanWords = words.slice(span.start, span.end);
    // A run of common nouns is no name either ("Haus Garten").
    if (spanWords.length > 1 && spanWords.every((w) => CLOSED_CLASS_WORDS.has(w.toLowerCase()) || isCommonNoun(w, lists))) {
      for (let i = span.start; i < span.end; i++) tags[i] = "O";
      continue;
    }
    if (span.end - span.start !== 1) continue;
    const word = words[span.start]!;
    const longCompound = span.type === "ORG" && LONG_COMPOUND.test(word) && !word.startsWith("Bundes") && !lists.isKnownPlace(word);
    if (longCompound || CLOSED_CLASS_WORDS.has(word.toLowerCase()) || isCommonNoun(word, lists)) tags[span.start] = "O";
  }
}

/** Articles and determiners, their contractions with prepositions included ("im", "zum"), lowercase. */
const DETERMINERS = new Set([
  "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines", "im", "am", "zum", "zur", "vom",
  "beim", "ins", "kein", "keine", "keinem", "keinen", "keiner", "jede", "jedem", "jeden", "jeder", "jedes", "diese", "diesem",
  "diesen", "dieser", "dieses",
]);

/** Possessives and quantifiers, which open a noun phrase too ("Unser Ziel", "Tausende Besucher"), lowercase. */
const POSSESSIVES_AND_QUANTIFIERS = new Set([
  "mein", "meine", "meinem", "meinen", "meiner", "dein", "deine", "sein", "seine", "seinem", "seinen", "seiner", "ihr", "ihre",
  "ihrem", "ihren", "ihrer", "unser", "unsere", "unserem", "unseren", "euer", "eure", "alle", "alles", "viele", "einige",
  "mehrere", "manche", "tausende", "hunderte", "zweierlei",
]);

const opensNounPhrase = (word: string): boolean => DETERMINERS.has(word.toLowerCase()) || POSSESSIVES_AND_QUANTIFIERS.has(word.toLowerCase());

/** A lowercase inflected adjective or an ordinal between an article and its noun ("dem alten Hafen", "im 3. Stock"). */
const ATTRIBUTIVE_ADJECTIVE = /^(?:\p{Ll}+(?:e|en|er|es|em)|\d{1,3}\.)$/u;

/** Adjectives placing a place in time ("im heutigen Tiflis"): what follows is a place. */
const PLACE_TIME_ADJECTIVE = /^(?:heutig|damalig|ehemalig|früher|einstig)(?:e|en|er|es|em)$/;

/** Heads of compounds that name a landscape, a water or a street ("Sauerland", "Südatlantik", "Lindenallee"), lowercase. */
const PLACE_HEADS = /(?:land|berg|gebirge|tal|see|insel|kanal|meer|atlantik|pazifik|ozean|streifen|pfalz|gau|heide|mark|wald|bucht|küste|platz|markt|straße|gasse|weg|allee|viertel)$/;

/**
 * "im Lagerhaus", "am steilen Hang": in German a single name rarely takes an article (people and
 * towns never do), so a lone word the tagger took for a name right after an article, adjectives or an
 * ordinal between, is a common noun, unless some list knows it, it is written as an acronym ("die NATO",
 * "der ADAC") or it is a compound naming a landscape or a street ("im Sauerland"). Parties named so are
 * put back by typeParties.
 */
function untagNounsAfterArticles(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    // "Unser Ziel", "Viele Fans": a possessive or quantifier opening a sentence opens a noun phrase.
    if (span.end - span.start === 2 && span.type !== "MISC" && POSSESSIVES_AND_QUANTIFIERS.has(words[span.start]!.toLowerCase()) && startsCapitalThenLowercase(words[span.start + 1]!)) {
      tags[span.start] = tags[span.start + 1] = "O";
      continue;
    }
    if (span.end - span.start !== 1 || span.type === "MISC") continue;
    const word = words[span.start]!;
    let before = span.start - 1;
    while (before >= 0 && ATTRIBUTIVE_ADJECTIVE.test(words[before]!) && !opensNounPhrase(words[before]!)) before--;
    if (before < 0 || !opensNounPhrase(words[before]!)) continue;
    if (words.slice(before + 1, span.start).some((w) => PLACE_TIME_ADJECTIVE.test(w))) continue;
    if (!startsCapitalThenLowercase(word) || UPPERCASE_INSIDE.test(word) || lists.knownKinds(word) !== "") continue;
    const lower = word.toLowerCase();
    if (PLACE_HEADS.test(lower) && lower.length > 6) continue;
    tags[span.start] = "O";
  }
}

/** Words coordinating nouns ("Semmeln und Brezeln", "Löhne sowie Mieten"). */
const COORDINATORS = new Set(["und", "oder", "sowie", "bzw."]);

/** Points of the compass, capitalised nouns that stand next to names ("Talheim im Süden und Oberbach im Norden"). */
const COMPASS = /^(?:Norden|Süden|Osten|Westen|(?:Nord|Süd)(?:osten|westen))$/;

/** Whether the word at `i` is a capitalised word the tagger left out of any name, not opening the sentence. */
function isUntaggedNoun(words: readonly string[], tags: readonly string[], i: number, lists: Conventions): boolean {
  if (i <= 0 || i >= words.length || tags[i] !== "O") return false;
  const word = words[i]!;
  return startsCapitalThenLowercase(word) && !UPPERCASE_INSIDE.test(word) && !COMPASS.test(word) && !opensNounPhrase(word) && !CLOSED_CLASS_WORDS.has(word.toLowerCase()) && lists.knownKinds(word) === "";
}

/**
 * "um Semmeln und Brezeln zu holen": a lone word the tagger took for a name, coordinated with a
 * capitalised word it left out (adjectives between), is a common noun like it; names are coordinated with names.
 */
function untagCoordinatedNouns(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.end - span.start !== 1 || span.type === "MISC") continue;
    const word = words[span.start]!;
    if (!startsCapitalThenLowercase(word) || UPPERCASE_INSIDE.test(word) || lists.knownKinds(word) !== "") continue;
    let after = span.end + 1;
    while (after < words.length && ATTRIBUTIVE_ADJECTIVE.test(words[after]!) && !POSSESSIVES_AND_QUANTIFIERS.has(words[after]!)) after++;
    const nounAfter = COORDINATORS.has(words[span.end] ?? "") && isUntaggedNoun(words, tags, after, lists);
    const nounBefore = COORDINATORS.has(words[span.start - 1] ?? "") && isUntaggedNoun(words, tags, span.start - 2, lists);
    if (nounAfter || nounBefore) tags[span.start] = "O";
  }
}

/** A capital after the first letter: an acronym or a name in camel case ("NATO", "ARD-Magazin", "iPhone"). */
const UPPERCASE_INSIDE = /^.+\p{Lu}/u;

/** "EU-Kommission", "Bayern-Trainer": a hyphenated compound headed by a common noun only contains a name. */
function untagNounCompounds(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.end - span.start !== 1) continue;
    const parts = words[span.start]!.split("-");
    const head = parts[parts.length - 1]!;
    if (parts.length > 1 && parts[0]!.length > 0 && isCommonNoun(head, lists)) tags[span.start] = "O";
    // "CSU-Vorstand", "UN-Tribunal": an acronym before a noun makes a compound too, unless it titles a programme or a medium.
    const acronymCompound = parts.length > 1 && ACRONYM_PART.test(parts[0]!) && NOUN_PART.test(head) && !MEDIA_HEADS.test(head.toLowerCase());
    if (acronymCompound && span.type !== "MISC") tags[span.start] = "O";
  }
}

/** An acronym ("CSU", "F1") and a noun ("Vorstand") as parts of a hyphenated compound. */
const ACRONYM_PART = /^[\p{Lu}\d]{2,}$/u;
const NOUN_PART = /^\p{Lu}\p{Ll}{3,}$/u;

/** Heads of a programme's or a medium's name after an acronym ("ARD-Morgenmagazin", "SPIEGEL-Online"), lowercase. */
const MEDIA_HEADS = /(?:magazin|journal|online|extra|spezial|report|reportage|nachrichten|news|radio|tv|zeitung|blatt|sport)$/;

/** Nationality and regional adjectives without their endings, lowercase ("deutsch" of "deutsche", "britisch" of "britischen"). */
const NATIONALITY_ADJECTIVES = new Set([
  "deutsch", "britisch", "englisch", "schottisch", "irisch", "französisch", "amerikanisch", "us-amerikanisch", "russisch",
  "sowjetisch", "chinesisch", "japanisch", "koreanisch", "nordkoreanisch", "südkoreanisch", "israelisch", "palästinensisch",
  "österreichisch", "schweizerisch", "italienisch", "spanisch", "portugiesisch", "polnisch", "tschechisch", "slowakisch",
  "ungarisch", "rumänisch", "bulgarisch", "griechisch", "türkisch", "serbisch", "kroatisch", "bosnisch", "slowenisch",
  "ukrainisch", "weißrussisch", "georgisch", "armenisch", "niederländisch", "holländisch", "belgisch", "dänisch",
  "schwedisch", "norwegisch", "finnisch", "isländisch", "estnisch", "lettisch", "litauisch", "europäisch", "afrikanisch",
  "asiatisch", "arabisch", "iranisch", "irakisch", "syrisch", "libanesisch", "jordanisch", "ägyptisch", "libysch",
  "tunesisch", "marokkanisch", "algerisch", "saudisch", "afghanisch", "pakistanisch", "indisch", "indonesisch",
  "vietnamesisch", "thailändisch", "philippinisch", "australisch", "neuseeländisch", "kanadisch", "mexikanisch",
  "brasilianisch", "argentinisch", "chilenisch", "kolumbianisch", "venezolanisch", "kubanisch", "peruanisch",
  "südafrikanisch", "nigerianisch", "kenianisch", "äthiopisch", "bayerisch", "sächsisch", "hessisch", "preußisch",
  "schwäbisch", "westfälisch", "römisch", "lateinamerikanisch", "nordamerikanisch", "ostdeutsch", "westdeutsch",
  "süddeutsch", "norddeutsch", "hebräisch", "alemannisch", "kalifornisch", "texanisch", "bosniakisch", "somalisch",
  "südamerikanisch", "mittelamerikanisch", "katalanisch", "baskisch", "flämisch", "wallonisch", "friesisch", "sorbisch",
  "tibetisch", "mongolisch", "kasachisch", "usbekisch", "tschetschenisch", "kosovarisch", "albanisch", "mazedonisch",
  "montenegrinisch", "belarussisch", "zypriotisch", "maltesisch", "luxemburgisch", "liechtensteinisch", "taiwanisch",
  "nepalesisch", "malaysisch", "kambodschanisch", "jemenitisch", "sudanesisch", "eritreisch", "ugandisch", "tansanisch",
  "ruandisch", "kongolesisch", "ghanaisch", "senegalesisch", "kamerunisch", "angolanisch", "mosambikanisch",
  "simbabwisch", "namibisch", "jamaikanisch", "haitianisch", "bolivianisch", "ecuadorianisch", "uruguayisch",
  "paraguayisch", "bretonisch", "sizilianisch", "toskanisch", "venezianisch", "korsisch", "andalusisch", "rheinisch",
  "fränkisch", "thüringisch", "badisch", "pfälzisch", "württembergisch", "mecklenburgisch", "brandenburgisch",
  "niedersächsisch", "steirisch", "tirolerisch", "keltisch", "osmanisch", "byzantinisch", "persisch", "assyrisch",
  "babylonisch", "skandinavisch", "baltisch", "kaukasisch", "sibirisch", "bayrisch", "kurdisch", "tatarisch", "uigurisch",
]);

/** Adjective endings ("deutsch-e", "deutsch-en"). */
const ADJECTIVE_ENDINGS = ["", "e", "en", "er", "es", "em"];

/** Nationality nouns without their endings ("Brite", "Palästinenser"), lowercase. */
const NATIONALITY_NOUNS = new Set([
  "deutsche", "brite", "engländer", "schotte", "ire", "franzose", "französin", "amerikaner", "russe", "russin", "chinese",
  "chinesin", "japaner", "koreaner", "israeli", "palästinenser", "österreicher", "schweizer", "italiener", "spanier",
  "portugiese", "pole", "polin", "tscheche", "ungar", "rumäne", "bulgare", "grieche", "griechin", "türke", "türkin", "serbe",
  "kroate", "bosnier", "ukrainer", "georgier", "niederländer", "holländer", "belgier", "däne", "dänin", "schwede",
  "schwedin", "norweger", "finne", "europäer", "afrikaner", "asiate", "araber", "iraner", "iraker", "syrer", "libanese",
  "ägypter", "libyer", "afghane", "pakistaner", "inder", "australier", "kanadier", "mexikaner", "brasilianer", "argentinier",
  "kubaner", "kurde", "kurdin", "schiit", "sunnit", "germane", "römer", "babylonier", "perser", "kelte", "slawe",
]);

/** Whether `word` is a nationality adjective in some inflection ("britischen"). */
function isNationalityAdjective(word: string): boolean {
  // "us-amerikanischen", "deutsch-französische": the last part decides.
  const lower = word.toLowerCase().split("-").pop()!;
  return ADJECTIVE_ENDINGS.some((e) => lower.endsWith(e) && NATIONALITY_ADJECTIVES.has(lower.slice(0, lower.length - e.length)));
}

const PLACE_ADJECTIVE = /^(\p{Ll}{3,})isch(?:e|en|er|es|em)?$/u;

/**
 * Whether lowercase `word` is the adjective of a place some list knows, by the usual derivations:
 * "kalabrisch" of Kalabrien, "kenianisch" of Kenia, "amerikanisch" of Amerika, "israelisch" of Israel.
 */
function isPlaceAdjective(word: string, lists: Conventions): boolean {
  const stem = PLACE_ADJECTIVE.exec(word)?.[1];
  if (!stem) return false;
  const candidates = [stem, `${stem}ien`, `${stem}ia`, `${stem}a`, `${stem}en`, stem.replace(/an$/, "a")];
  return candidates.some((place) => {
    const name = place[0]!.toUpperCase() + place.slice(1);
    const kinds = lists.knownKinds(name);
    return /[KAR]/.test(kinds);
  });
}

/** Whether `word` is a nationality noun, singular or plural, feminine in -in(nen) too ("Briten", "Amerikanerinnen"). */
function isNationalityNoun(word: string): boolean {
  if (!isCapitalised(word)) return false;
  // "US-Amerikanerin", "Deutsch-Kanadier": the last part decides.
  const lower = word.toLowerCase().split("-").pop()!;
  const bare = lower.replace(/(?:innen|in)$/, "");
  return [lower, bare, ...["n", "en", "s", "ns"].filter((e) => lower.endsWith(e)).map((e) => lower.slice(0, -e.length))].some((f) => NATIONALITY_NOUNS.has(f));
}

/**
 * "die deutsche Regierung", "zwei Briten": nationality adjectives and nouns are derived from names,
 * MISC. A capitalised adjective before a capitalised word may open a name ("Deutsche Bank") and is left as tagged.
 */
function tagNationalityWords(words: readonly string[], tags: string[], lists: Conventions): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (tags[i]!.startsWith("I-")) continue;
    // "Deutsche Hilfsorganisationen" read as one name: the adjective of a plain common noun is no part of a name.
    const next = words[i + 1] ?? "";
    const adjectiveOfNoun = isNationalityAdjective(word) && (tags[i + 1] ?? "O").startsWith("I-") && !(tags[i + 2] ?? "O").startsWith("I-") &&
      isCommonNoun(next, lists) && !organisationWords("de").has(next.toLowerCase()) && !COMMON_NOUNS.has(next.toLowerCase());
    if (adjectiveOfNoun) {
      writeSpan(tags, i, i + 1, "MISC");
      tags[i + 1] = "O";
      continue;
    }
    if ((tags[i + 1] ?? "O").startsWith("I-")) continue;
    const adjective =
      (isNationalityAdjective(word) && (!isCapitalised(word) || !isCapitalised(words[i + 1] ?? "") || tags[i] === "O")) || isPlaceAdjective(word, lists);
    if (adjective || (isNationalityNoun(word) && !lists.isKnownPlace(word))) writeSpan(tags, i, i + 1, "MISC");
  }
}

/** Whether `word` is a known town's adjective in -er ("Kölner", "Bremer" of Bremen, "Münchner" of München). */
function isTownAdjective(word: string, lists: Conventions): boolean {
  if (lists.isKnownPlace(word)) return false;
  const stem = word.slice(0, -2);
  return [stem, `${stem}en`, `${stem.replace(/n$/, "")}en`].some((town) => town.length > 2 && lists.isKnownPlace(town));
}

/** Nouns that, after a town's adjective, make the name of a newspaper, a landmark or a firm ("Kölner Dom", "Bremer Nachrichten"). */
const NAME_HEADS_AFTER_TOWN = new Set([
  "zeitung", "rundschau", "nachrichten", "morgenpost", "post", "abendblatt", "tageblatt", "anzeiger", "kurier", "allgemeine",
  "dom", "münster", "mauer", "philharmoniker", "sparkasse", "volksbank", "verkehrsbetriebe", "stadtwerke", "zoo",
]);

/**
 * "Bremer Fans", "die Kölner Polizei": a town's name with -er is an adjective, derived
 * from the name (MISC) when a common noun follows, and so is the noun it makes for the town's
 * people ("die Leipziger gewannen"); newspapers and landmarks named so stay whole.
 */
function tagTownAdjectives(words: readonly string[], tags: string[], lists: Conventions): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i]!;
    if (!/^\p{Lu}\p{Ll}+er$/u.test(word) || tags[i]!.startsWith("I-")) continue;
    if (!isTownAdjective(word, lists)) continue;
    const next = words[i + 1]!;
    const nextLower = next.toLowerCase();
    // "die Leipziger gewannen": used as a noun, the town's people.
    if (!isCapitalised(next) && tags[i] === "O" && /^\p{L}/u.test(next)) {
      writeSpan(tags, i, i + 1, "MISC");
      continue;
    }
    if (!startsCapitalThenLowercase(next) || NAME_HEADS_AFTER_TOWN.has(nextLower) || organisationWords("de").has(nextLower) || lists.isKnownPlace(next)) continue;
    // Only a common noun: the adjective and another noun often name one thing ("Kieler Woche").
    if (!isCommonNoun(next, lists)) continue;
    // The span the tagger made of the adjective and what follows.
    let spanEnd = i + 1;
    while (spanEnd < tags.length && tags[spanEnd]!.startsWith("I-")) spanEnd++;
    for (let k = i; k < spanEnd; k++) tags[k] = "O";
    writeSpan(tags, i, i + 1, "MISC");
  }
}

/** Parties named by a common adjective, after an article ("die Grünen", "der Linken"). */
const PARTY_WORDS = new Set(["Grünen", "Linke", "Linken", "Piraten"]);

/** Parties named by an adjective after an article are organisations. */
function typeParties(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    if (tags[i]!.startsWith("I-") || (tags[i + 1] ?? "O").startsWith("I-")) continue;
    if (PARTY_WORDS.has(words[i]!) && /^(?:die|der|den)$/i.test(words[i - 1] ?? "")) writeSpan(tags, i, i + 1, "ORG");
  }
}

/** A genitive name before a noun ("Brandts", "Frankreichs"), not an adjective in -es ("Deutsches"). */
const GENITIVE_NAME = /^\p{Lu}.*[^e]s$/u;

/**
 * "die Sängerin Eva Lind", "Onkel Hans": a noun of people before a name is in apposition, outside
 * it, and the name is a person's; "Brandts Sprecher": a noun after a genitive name is outside it too.
 * (Nouns of places and bodies before a name stay: Wikipedia counts them in, "Kloster X".)
 */
function trimEdgeNouns(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    let { start, end } = span;
    let person = false;
    while (end - start > 1 && isCapitalised(words[start + 1]!) && isPersonNoun(words[start]!)) {
      person = isPersonNoun(words[start]!);
      start++;
    }
    if (end - start > 1 && GENITIVE_NAME.test(words[end - 2]!) && (isCommonNoun(words[end - 1]!, lists) || isPersonNoun(words[end - 1]!))) end--;
    if (start === span.start && end === span.end) continue;
    for (let i = span.start; i < span.end; i++) tags[i] = "O";
    const type = person ? "PER" : end - start === 1 && lists.isKnownPlace(words[start]!) ? "LOC" : span.type;
    writeSpan(tags, start, end, type);
  }
}

/** Heads that name an institution or a building together with the name after them ("Universität Jena", "Verlag X", "Schloss Y"), lowercase. */
const INSTITUTION_COMPOUND_HEADS = /(?:universität|hochschule|akademie|verlag|institut|stiftung|museum|theater|schloss|burg|kloster|kirche|kapelle|dom|gymnasium|schule|klinik|hotel|stadion|bank|verein|verband|bund)$/;

/** Heads of nouns for firms, bands and teams: the name after them is an organisation's ("Chemiekonzern X", "Rockband Y"), lowercase. */
const ORGANISATION_KIND_HEADS = /(?:konzern|hersteller|firma|unternehmen|gesellschaft|reederei|band|gruppe|partei|sender|club|klub|team|mannschaft|fluglinie|airline|händler|anbieter|kette)$/;

/** A capitalised adjective opening a name ("Europäische Zentralbank", "Vereinigten Staaten", "Deutschen Bahn"). */
const CAPITALISED_ADJECTIVE = /^\p{Lu}\p{Ll}*(?:(?:isch|sch|lich|ig|bar|sam|haft|ell|al|iv|är|ant|ent)(?:e|en|er|es|em)|(?:t|en|er)(?:e|en|es|em))$/u;

/** Nouns for kinds of places before a place's name ("Kanton X", "Gemeinde Y", "Republik Z"), lowercase. */
const PLACE_KIND_NOUNS = /^(?:kanton|gemeinde|republik|königreich|fürstentum|fürstentums|landkreis|kreis|bezirk|provinz|region|stadt|dorf|ortsteil|stadtteil|insel)$/;

/**
 * "Chemiekonzern X", "der Franzose Pierre Y", "Kanton Z", "Olympiasieger W": a common noun
 * before a name is in apposition and outside it (the annotation counts only what follows); the rest is
 * a person after a title or a nationality, a place when a list knows it, an organisation after a firm's
 * or band's noun. Institutions named with their head ("Universität Jena", "Verlag X") stay whole.
 */
function trimLeadingDescriptors(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.end - span.start < 2 || span.type === "MISC") continue;
    const first = words[span.start]!;
    if (!startsCapitalThenLowercase(first) || !startsCapitalThenLowercase(words[span.start + 1]!)) continue;
    if (lists.knownKinds(first) !== "" || CAPITALISED_ADJECTIVE.test(first) || isTownAdjective(first, lists) || isNationalityAdjective(first)) continue;
    // A lone common noun after the descriptor: the tagger's span is no name at all, left to other rules.
    if (span.end - span.start === 2 && isCommonNoun(words[span.start + 1]!, lists)) continue;
    const lower = first.toLowerCase();
    if (INSTITUTION_COMPOUND_HEADS.test(lower)) continue;
    const personal = isTitle(first) || isPersonNoun(first) || isNationalityNoun(first);
    const organisational = ORGANISATION_KIND_HEADS.test(lower);
    const placeKind = PLACE_KIND_NOUNS.test(lower);
    if (!personal && !organisational && !placeKind && !isCommonNoun(first, lists) && !LONG_COMPOUND.test(first)) continue;
    const start = span.start + 1;
    // "Geschichte Frankreichs": a place in the genitive too.
    const place = span.end - start === 1 && (lists.isKnownPlace(words[start]!) || lists.isKnownPlace(words[start]!.replace(/s$/, "")));
    const givenName = lists.knownKinds(words[start]!).includes(NAME_KINDS.givenName);
    const type = place || placeKind ? "LOC" : personal || givenName ? "PER" : organisational ? "ORG" : span.type;
    for (let i = span.start; i < span.end; i++) tags[i] = "O";
    writeSpan(tags, start, span.end, type);
  }
}

/** Words placing a time within a period ("Ende Mai", "Mitte der Woche"). */
const PERIOD_PARTS = new Set(["Anfang", "Mitte", "Ende"]);

const WAR = /^\p{Lu}[\p{L}-]*krieg(?:e|es|s|en)?$/u;
const INFLECTED_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:e|en|er|es|em)$/u;

/**
 * "der Zweite Weltkrieg", "im Dreißigjährigen Krieg": a war named by a capitalised adjective and
 * its noun is an event, MISC (a war word alone is a common noun).
 */
function tagNamedWars(words: readonly string[], tags: string[]): void {
  for (let i = 1; i + 1 < words.length; i++) {
    if (!WAR.test(words[i + 1]!) && words[i + 1] !== "Krieg") continue;
    if (!INFLECTED_ADJECTIVE.test(words[i]!) || tags[i]!.startsWith("I-") || (tags[i + 2] ?? "O").startsWith("I-")) continue;
    writeSpan(tags, i, i + 2, "MISC");
  }
}

/**
 * Names that are MISC wherever they stand alone: the euro, named after Europe (a name derived from
 * a name), and the stock market indices German financial news quote ("Der Dax stieg").
 */
const MISC_NAMES = new Set([
  "Euro", "DAX", "Dax", "MDAX", "MDax", "SDAX", "SDax", "TecDAX", "TecDax", "ATX", "SMI", "Nikkei", "Nasdaq", "CAC", "FTSE", "Eurostoxx",
]);

function tagMiscNames(words: readonly string[], tags: string[]): void {
  words.forEach((word, i) => {
    if (!MISC_NAMES.has(word) || tags[i]!.startsWith("I-") || (tags[i + 1] ?? "O").startsWith("I-")) return;
    writeSpan(tags, i, i + 1, "MISC");
  });
}

/** Currencies, named after a country or a name and so MISC like the euro, when they count money ("20 Franken"); lowercase. */
const CURRENCIES = new Set(["dollar", "franken", "pfund", "yen", "rubel", "kronen", "krone", "franc", "francs", "lira", "peso", "pesos", "yuan", "rupien", "rupie", "cent", "rappen", "mark", "schilling", "zloty", "forint", "dinar", "rand"]);

/** Currency codes, quoted before or after an amount ("CHF 12 Mio."). */
const CURRENCY_CODES = new Set(["CHF", "USD", "EUR", "GBP", "JPY", "DM", "RMB"]);

/** Words that close an amount before its currency ("12 Mio. Dollar", "drei Milliarden Yen"), lowercase. */
const AMOUNT_WORDS = new Set(["mio", "mio.", "mrd", "mrd.", "millionen", "milliarden", "million", "milliarde", "tausend", "hundert", "."]);

const AMOUNT = /^[\d.,]+$/;

/** A country's code or name before a currency ("US-Dollar", "D-Mark", "Hongkong-Dollar"). */
const CURRENCY_COMPOUND = /^\p{Lu}[\p{L}]*-\p{Lu}\p{Ll}+$/u;

/**
 * "20 Franken", "drei Milliarden Yen", "CHF 12 Mio.": a currency counting money is MISC; a
 * compound currency ("US-Dollar", "D-Mark", "CFA-Franc") is one wherever it stands.
 */
function tagCurrencies(words: readonly string[], tags: string[]): void {
  words.forEach((word, i) => {
    if (tags[i]!.startsWith("I-") || (tags[i + 1] ?? "O").startsWith("I-")) return;
    const previous = (words[i - 1] ?? "").toLowerCase();
    const afterAmount = AMOUNT.test(previous) || AMOUNT_WORDS.has(previous);
    const compound = CURRENCY_COMPOUND.test(word) && CURRENCIES.has(word.toLowerCase().split("-").pop()!);
    const counted = afterAmount && isCapitalised(word) && CURRENCIES.has(word.toLowerCase());
    const code = CURRENCY_CODES.has(word) && (afterAmount || AMOUNT.test(words[i + 1] ?? ""));
    if (compound || counted || code || word === "Dollar") writeSpan(tags, i, i + 1, "MISC");
  });
}

/** Whether `word` is a title or office, a compound headed by one included ("Außenminister", "SPD-Chef"). */
function isTitle(word: string): boolean {
  if (!isCapitalised(word)) return false;
  const lower = word.toLowerCase().replace(/\.$/, "");
  const titles = titleWords("de");
  if (titles.has(lower)) return true;
  for (const title of titles) if (title.length > 4 && lower.endsWith(title)) return true;
  return false;
}

/**
 * "Ministerin Lindqvist", "der Sänger Jan Brodt": the capitalised words the tagger left untagged right
 * after a title or a noun of people are the person's name, unless they are common nouns or places.
 */
function tagNamesAfterTitles(words: readonly string[], tags: string[], lists: Conventions): void {
  for (let i = 1; i < words.length; i++) {
    if (tags[i] !== "O" || !(isTitle(words[i - 1]!) || isPersonNoun(words[i - 1]!))) continue;
    let end = i;
    while (end < words.length && end < i + 3 && tags[end] === "O" && isNameWord(words[end]!, lists)) end++;
    if (end > i) writeSpan(tags, i, end, "PER");
    i = end;
  }
}

/** Verbs of saying ("sagte"), and words that attribute only after a quote ("so", "gab"): the quotes step's lexicon. */
const SPEECH = speechWords("de")!;

/** A verb of saying in the singular: a plural one has a group as subject ("Analysten sagten", "sagen Händler"). */
const isSingularSpeechVerb = (word: string): boolean => SPEECH.verb(word) && !word.endsWith("en");

/** Punctuation closing a quotation before its verb of saying. */
const QUOTE_CLOSE = new Set([",", '"', "“", "”", "«", "»", "'", "‘", "’"]);

/**
 * "„Wir bleiben“, sagte Kurz.": after a quotation and its verb of saying comes the speaker;
 * a name there (no article, no common noun, no listed place or organisation) is a person's, whatever
 * the tagger made of it.
 */
function tagSpeakers(words: readonly string[], tags: string[], lists: Conventions): void {
  for (let i = 1; i + 1 < words.length; i++) {
    if (!QUOTE_CLOSE.has(words[i - 1]!) || !(isSingularSpeechVerb(words[i]!) || SPEECH.afterQuote(words[i]!))) continue;
    const start = i + 1;
    let end = start;
    while (end < words.length && end < start + 3 && isSpeakerWord(words[end]!, lists)) end++;
    if (end === start) continue;
    // The name ends the clause: punctuation or a lowercase word follows.
    if (end < words.length && isCapitalised(words[end]!)) continue;
    if (tags[start]!.startsWith("I-") || (tags[end] ?? "O").startsWith("I-")) continue;
    for (let k = start; k < end; k++) tags[k] = "O";
    // "sagte Stahlwerk-Betriebsrat Lena Kurz": words before a given name describe the speaker.
    const given = words.slice(start, end).findIndex((w) => lists.knownKinds(w).includes(NAME_KINDS.givenName));
    writeSpan(tags, start + Math.max(given, 0), end, "PER");
  }
}

/**
 * "Kurz erklärte, man bleibe": a lone name opening the sentence before a verb of saying and the comma
 * or colon of the reported speech is the speaker, a person.
 */
function tagSpeakersBeforeVerbs(words: readonly string[], tags: string[], lists: Conventions): void {
  if (words.length < 3 || !isSingularSpeechVerb(words[1]!) || !REPORTED_SPEECH_OPENERS.has(words[2]!)) return;
  if ((tags[1] ?? "O") !== "O" || !isSpeakerWord(words[0]!, lists)) return;
  tags[0] = "O";
  writeSpan(tags, 0, 1, "PER");
}

/** What follows a verb of saying before the reported speech. */
const REPORTED_SPEECH_OPENERS = new Set([",", ":", "dass", "man", "er", "sie", "es", "die", "der", "das", "wir", "ich"]);

/** A word of a speaker's name: a name's word no list knows as anything else, or a given name (some are towns too: "Anna"). */
function isSpeakerWord(word: string, lists: Conventions): boolean {
  const kinds = lists.knownKinds(word);
  if (kinds.includes(NAME_KINDS.givenName)) return startsCapitalThenLowercase(word);
  return kinds === "" && isNameWord(word, lists);
}

/** A capitalised word that is no common noun, closed-class word, nationality or place: a name's word. */
function isNameWord(word: string, lists: Conventions): boolean {
  if (!startsCapitalThenLowercase(word) || CLOSED_CLASS_WORDS.has(word.toLowerCase()) || isCommonNoun(word, lists) || isPersonNoun(word) || isTitle(word)) return false;
  if (isNationalityNoun(word) || isNationalityAdjective(word) || lists.isKnownPlace(word) || lists.isKnownPlace(word.replace(/s$/, ""))) return false;
  return !calendarWords("de").has(word.toLowerCase());
}

const DAY_ORDINAL = /^\d{1,2}\.$/;

/**
 * "Halle 3 am 14. Juli", "Anfang Juni": a date is no part of a name; a span running into one ends
 * before it, and before the preposition that introduces it ("am"). "Mitte" alone may be a town's district.
 */
function cutDates(words: readonly string[], tags: string[]): void {
  const calendar = calendarWords("de");
  for (const span of spansFromTags(tags)) {
    let cut = span.start;
    const opensDate = (i: number): boolean => (DAY_ORDINAL.test(words[i]!) || PERIOD_PARTS.has(words[i]!)) && calendar.has((words[i + 1] ?? "").toLowerCase());
    while (cut < span.end && !opensDate(cut)) cut++;
    if (cut === span.end) continue;
    while (cut > span.start && (CLOSED_CLASS_WORDS.has(words[cut - 1]!.toLowerCase()) || !/[\p{L}\p{N}]/u.test(words[cut - 1]!))) cut--;
    for (let i = span.start; i < span.end; i++) tags[i] = "O";
    if (cut > span.start) writeSpan(tags, span.start, cut, span.type);
  }
}

/** Nouns of works whose title follows in quotes ("der Film „Der Himmel über X“", "das Album „Y“"), lowercase; compounds count by their head. */
const WORK_NOUNS = [
  "film", "buch", "roman", "album", "lied", "song", "single", "titel", "serie", "sendung", "oper", "stück", "musical", "spiel",
  "gedicht", "werk", "ausstellung", "kapitel", "erzählung", "novelle", "drama", "komödie", "hörspiel", "theaterstück", "doku",
];

/** A title in quotes after a noun of works is MISC, without its quotes. */
const QUOTED_TITLES: QuotedTitles = {
  isWorkNoun: (word) => {
    const lower = word.toLowerCase();
    return isCapitalised(word) && WORK_NOUNS.some((noun) => lower === noun || (lower.endsWith(noun) && lower.length > noun.length + 2) || lower === `${noun}s`);
  },
  opening: new Set(['"', "„", "»", "«", "“"]),
  closing: new Set(['"', "“", "”", "«", "»"]),
  maxWords: 12,
  withQuotes: false,
};
