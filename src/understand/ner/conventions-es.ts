/**
 * NER step: news annotation conventions particular to Spanish text (CoNLL-2002 style), applied by
 * conventions.ts after the shared ones, sentence by sentence. The word lists are generic nouns,
 * closed-class words and the few names every wire story cites without introducing them (party and
 * union acronyms, market indices, Spain's regions; news agencies are typed for every language by
 * conventions.ts):
 * - a dateline ("Sevilla , 3 jun ( EFE ) .", "Lima ( Perú ) , 3 jun ( EFE ) .", after a byline or a
 *   headline too) names where the story was filed (LOC) and, between brackets, its agency (ORG);
 * - parties and unions are organisations wherever they are named, and so is an
 *   acronym the tagger read as a person or as a place no list knows, and a name holding a firm's
 *   word ("Banco", "Fund") or following a noun of firms ("la empresa Norvisa");
 * - a capitalised institution word standing alone ("el Gobierno", "la Junta", "el Ejecutivo") is
 *   the institution, an organisation, and so is one named by its head and "de" ("Junta de
 *   Andalucía"); an acronym between brackets after a name is its short form, of its type;
 * - a town takes no article, so one after "el", "del" or "al" is its club ("el Getafe"), and so is
 *   a name between brackets after a player's; a team, a colon and names only are a line-up;
 * - a lone word next to a reporting verb ("dijo Galván", "según Galván"), a name with a match
 *   minute and an unknown one-word place listed after a person are people;
 * - a name after "alcalde de", "localidad de" and the like is a place, and so is a Spanish region
 *   and a building the tagger read as a person ("Palacio de X");
 * - competitions, laws, prizes and declarations named by their head word ("Copa del Rey", "Ley de
 *   Costas"), numbered meetings ("III Congreso de X"), a minister's portfolio ("ministro de
 *   Justicia"), titles in quotes after a noun of works, market indices and wire story codes are MISC;
 * - roman numerals alone ("siglo XV") and a line's heading before a colon ("Goles :") are no names.
 * The Wikipedia-trained tagger has no MISC, reads institutions, firms and clubs by their seats
 * (LOC) and misses the bare institution words Spanish news write with a capital.
 */
import { spanEndAfter, spansFromTags, type TokenSpan } from "./model.ts";
import { NAME_KINDS, newsAgencyLength, tagQuotedTitles, typeByOrganisationNoun, typeSpeakers, writeSpan, type Conventions, type QuotedTitles, type SpeakerRule } from "./conventions.ts";
import { GAZETTEER_KINDS } from "./gazetteer.ts";
import { organisationWords, speechWords } from "./lexicon.ts";
import { hasLetter, isAcronym, isCapitalised, isLowercaseWord, isNumber } from "../../letters.ts";

/** Month names and their usual abbreviations in datelines ("23 may", "3 jun."). */
const MONTHS = new Set([
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
  "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "sept", "set", "oct", "nov", "dic",
]);

/** Lowercase words inside place names ("Santiago de Chile", "Las Palmas de Gran Canaria"). */
const PLACE_PARTICLES = new Set(["de", "del", "la", "las", "los", "el"]);

/**
 * Institutions Spanish news name by a capitalised common noun ("el Gobierno aprobó", "la Junta
 * anunció"): alone, the institution is an organisation.
 */
const INSTITUTION_WORDS = new Set([
  "Gobierno", "Ejecutivo", "Judicial", "Junta", "Diputación", "Generalitat", "Xunta", "Govern", "Ayuntamiento", "Consistorio", "Cabildo",
  "Congreso", "Senado", "Parlamento", "Cortes", "Estado", "Administración", "Policía", "Ejército", "Armada", "Fiscalía",
  "Audiencia", "Tribunal", "Gabinete", "Ministerio", "Consejería", "Comisión", "Consejo", "Asamblea", "Cámara", "Legislativo",
  "Corte", "Cancillería", "Contraloría", "Presidencia", "Secretaría", "Procuraduría", "Defensoría", "Conselleria", "Concejo",
]);

/** Links between an institution's head and the place or field it serves ("Junta de Andalucía", "Ministerio del Interior"). */
const LINKS = [["de", "la"], ["de", "los"], ["de", "las"], ["de"], ["del"]];

/** Rewrite one Spanish sentence's IOB2 `tags` in place. */
export function applySpanishConventions(words: readonly string[], tags: string[], lists: Conventions): void {
  typeInstitutions(words, tags);
  tagDateline(words, tags, lists);
  tagNamedEvents(words, tags);
  typeBracketedAcronyms(words, tags);
  typeClubsByArticle(words, tags, lists);
  typeByOrganisationNoun(words, tags, lists, ORGANISATION_NOUNS);
  typePartyAcronyms(words, tags);
  typeCapitalisedAcronyms(words, tags, lists);
  typeClubsOfPlayers(words, tags, lists);
  typeBuildings(words, tags);
  untagRomanNumerals(words, tags);
  tagPortfolios(words, tags);
  tagMarketIndices(words, tags);
  tagWireCodes(words, tags);
  // A line's heading before a colon is no name, unless the line is a team's line-up.
  if (!typeLineUps(words, tags)) untagLabels(words, tags, lists);
  typeSpeakers(words, tags, speakerRule(lists));
  tagQuotedTitles(words, tags, QUOTED_TITLES);
  typeByOrganisationWords(words, tags);
  tagSpanishRegions(words, tags);
  tagPlacesByNoun(words, tags);
  retypeUnknownPlaces(words, tags, lists);
}

/** A lone capitalised institution word, or one with "de" and a name after it, is an organisation. */
function typeInstitutions(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    if (!INSTITUTION_WORDS.has(words[i]!) || tags[i]!.startsWith("I-")) continue;
    const spanEnd = spanEndAfter(tags, i);
    if (spanEnd > i + 1 && tags[i] !== "O") continue;
    // The powers of the state ("el Poder Ejecutivo").
    if (words[i - 1] === "Poder" && !tags[i - 1]!.startsWith("I-")) {
      writeSpan(tags, i - 1, i + 1, "ORG");
      continue;
    }
    const link = LINKS.find((l) => l.every((w, k) => words[i + 1 + k] === w))?.length ?? 0;
    const nameStart = i + 1 + link;
    if (link > 0 && isCapitalised(words[nameStart] ?? "") && !tags[nameStart]!.startsWith("I-")) {
      // The name after "de" as tagged ("Junta de Andalucía"), or its capitalised words ("Ministerio de Fomento").
      const end = Math.max(tags[nameStart] === "O" ? nameStart + 1 : spanEndAfter(tags, nameStart), nameEnd(words, tags, nameStart));
      writeSpan(tags, i, end, "ORG");
      i = end - 1;
    } else writeSpan(tags, i, i + 1, "ORG");
  }
}

/** The end of the span starting at `start` (one past its last token). */

/**
 * "Sevilla ( EFE ) .", "Lima ( Perú ) , 23 may ( EFE ) .", "Por Ana Gil Madrid , 2 jun ( EFE ) .":
 * the dateline names where the story was filed (LOC, the region between brackets too) and the
 * agency between the last brackets (ORG); a byline's last word before the comma is the town.
 */
function tagDateline(words: readonly string[], tags: string[], lists: Conventions): void {
  let close = words.length - 1;
  if (words[close] === ".") close--;
  const open = close - 2;
  if (words[close] !== ")" || words[open] !== "(" || !isCapitalised(words[open + 1]!)) return;
  // Where the place ends: before ", 23 may" or before the agency's brackets.
  let placeEnd = open;
  const dated = words[open - 1] !== undefined && MONTHS.has(words[open - 1]!.replace(/\.$/, "").toLowerCase()) && isNumber(words[open - 2] ?? "");
  if (dated) {
    if (words[open - 3] !== ",") return;
    placeEnd = open - 3;
  }
  // Undated, only an agency tells a dateline from a name and its qualifier ("Trujillo ( Venezuela )").
  if (placeEnd === 0 || (!dated && newsAgencyLength(words, open + 1) !== 1)) return;
  const placeWord = (w: string): boolean => isCapitalised(w) || PLACE_PARTICLES.has(w) || w === "(" || w === ")";
  let start = 0;
  if (!words.slice(0, placeEnd).every(placeWord)) {
    // A headline before the dateline ("SUBEN LOS PRECIOS Sevilla ( EFE ) .", truecased by now): the
    // place is the known town before the brackets, and its region between brackets if any.
    start = placeEnd - 1;
    if (words[start] === ")") start = words.lastIndexOf("(", start) - 1;
    if (start < 1 || !lists.isKnownPlace(words[start]!)) return;
    // The headline's last span stops where the place starts.
    if (tags[start]!.startsWith("I-")) {
      let spanStart = start - 1;
      while (tags[spanStart]!.startsWith("I-")) spanStart--;
      writeSpan(tags, spanStart, start, tags[spanStart]!.slice(2));
    }
  }
  if (!words.slice(start, placeEnd).some(hasLetter)) return;
  writeSpan(tags, open + 1, close, "ORG");
  // A byline: "Por" and a person's name, then the town.
  if (words[0] === "Por" && start === 0) {
    const town = placeEnd - 1;
    if (town < 3 || !lists.isKnownPlace(words[town]!)) return;
    for (let i = 0; i < placeEnd; i++) tags[i] = "O";
    writeSpan(tags, 1, town, "PER");
    start = town;
  }
  // Each bracketed or unbracketed run of the place is a location.
  let runStart = start;
  for (let i = start; i <= placeEnd; i++) {
    if (i < placeEnd && words[i] !== "(" && words[i] !== ")") continue;
    if (i > runStart) writeSpan(tags, runStart, i, "LOC");
    if (i < placeEnd) tags[i] = "O";
    runStart = i + 1;
  }
}



/**
 * Heads of the names of competitions, laws, prizes, plans, fairs and declarations, first in Spanish
 * ("Copa del Rey", "Ley de Costas", "Premio Nobel", "Juegos Olímpicos"): MISC in news annotation.
 */
const EVENT_HEADS = new Set([
  "Copa", "Liga", "Ley", "Premio", "Premios", "Juegos", "Mundial", "Mundiales", "Campeonato", "Torneo", "Plan", "Declaración",
  "Tratado", "Constitución", "Feria", "Cumbre", "Estatuto", "Festival", "Vuelta", "Tour", "Giro", "Olimpiada", "Olimpiadas",
  "Eurocopa", "Decreto", "Semana", "Exposición", "Salón", "Trofeo", "Supercopa", "Recopa", "Copas", "Ligas", "Supercopas", "Recopas",
]);

/** Heads that, in lowercase, still name the prize or cup after them ("el premio Nobel", "la copa Davis"). */
const LOWERCASE_EVENT_HEADS = new Set(["premio", "premios", "copa", "trofeo"]);

/** Ordinals that number the editions of meetings and events. */
const ORDINALS = new Set(["Primera", "Primer", "Segunda", "Segundo", "Tercera", "Tercer", "Cuarta", "Cuarto", "Quinta", "Quinto", "Sexta", "Sexto", "Séptima", "Séptimo", "Octava", "Octavo", "Novena", "Noveno", "Décima", "Décimo"]);

/** Heads of the names of meetings, which are bodies without a number and events with one ("III Congreso de Pediatría"). */
const MEETING_HEADS = new Set(["Conferencia", "Congreso", "Reunión", "Asamblea", "Encuentro", "Jornadas", "Jornada", "Foro", "Simposio", "Muestra", "Bienal", "Certamen", "Edición", "Comisión"]);

/** Definite articles and their contractions, lowercase. */
const ARTICLES = new Set(["el", "la", "los", "las", "del", "al"]);

/** A name headed by an event word is MISC, with the "de" and name after the head ("Copa del Rey"). */
function tagNamedEvents(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    // "III Cumbre de Alcaldes", "Cuarta Reunión de Ministros": an edition's number opens the name of a meeting or an event.
    const numbered = ROMAN_NUMERAL.test(words[span.start]!) || ORDINALS.has(words[span.start]!);
    if (numbered && span.end > span.start + 1 && (EVENT_HEADS.has(words[span.start + 1]!) || MEETING_HEADS.has(words[span.start + 1]!))) writeSpan(tags, span.start, span.end, "MISC");
  }
  // "el premio Nobel de Física", "la copa Davis": a head in lowercase names the event after it.
  for (let i = 1; i < words.length; i++) {
    if (!LOWERCASE_EVENT_HEADS.has(words[i - 1]!) || !isCapitalised(words[i]!) || tags[i]!.startsWith("I-")) continue;
    const end = Math.max(spanEndAfter(tags, i), nameEnd(words, tags, i + 1));
    writeSpan(tags, i, end, "MISC");
    i = end - 1;
  }
  for (let i = 0; i < words.length; i++) {
    if (!EVENT_HEADS.has(words[i]!) || tags[i]!.startsWith("I-")) continue;
    const end = Math.max(spanEndAfter(tags, i), nameEnd(words, tags, i + 1));
    // A head alone is a common noun capitalised by position ("Plan de choque") unless an article
    // shows it names one event ("la Liga", "la Constitución").
    if (end === i + 1 && tags[i] === "O" && !ARTICLES.has(words[i - 1] ?? "")) continue;
    writeSpan(tags, i, end, "MISC");
    i = end - 1;
  }
}

/**
 * One past the capitalised words, and the links between them, from `from` ("del Rey", "Olímpicos
 * de Sydney"), and past the rest of a tagged span they end in.
 */
function nameEnd(words: readonly string[], tags: readonly string[], from: number): number {
  let end = from;
  for (;;) {
    const link = LINKS.find((l) => l.every((w, k) => words[end + k] === w))?.length ?? 0;
    if (!isCapitalised(words[end + link] ?? "")) break;
    end += link + 1;
  }
  return spanEndAfter(tags, end - 1);
}

/**
 * "Unión de Pequeños Agricultores ( UPA )", "Oferta Pública de Venta ( OPV )": an acronym between brackets right
 * after an organisation or event named in full is its short form, of the same type.
 */
function typeBracketedAcronyms(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    const acronym = words[span.end + 1] ?? "";
    if (words[span.end] !== "(" || words[span.end + 2] !== ")" || span.end - span.start < 2) continue;
    if (span.type !== "ORG" && span.type !== "MISC") continue;
    if (!isCapitalised(acronym) || acronym[0] !== words[span.start]![0]) continue;
    writeSpan(tags, span.end + 1, span.end + 2, span.type);
  }
}

/** Masculine articles and their contractions with "de" and "a". */
const MASCULINE_ARTICLES = new Set(["el", "del", "al"]);

/**
 * "el Getafe", "del Sevilla", "al Oporto": a town takes no article in Spanish, so a one-word
 * place after a masculine one is the club named after it (ORG). Countries, regions, mountains and
 * seas do take one ("el Perú", "el Tíbet"), and stay places.
 */
function typeClubsByArticle(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.type !== "LOC" || span.end - span.start !== 1 || !MASCULINE_ARTICLES.has(words[span.start - 1] ?? "")) continue;
    const word = words[span.start]!;
    const kinds = lists.knownKinds(word);
    if (/[KA]/.test(kinds) || (kinds.includes(NAME_KINDS.region) && !kinds.includes(GAZETTEER_KINDS.city))) continue;
    writeSpan(tags, span.start, span.end, "ORG");
  }
}

/** Nouns that introduce a firm, an outlet or a group by name ("la empresa española Norvisa", "el diario El Sol"). */
const ORGANISATION_NOUNS = new Set([
  "empresa", "empresas", "compañía", "compañías", "multinacional", "firma", "operadora", "aerolínea", "constructora", "eléctrica",
  "petrolera", "aseguradora", "entidad", "banco", "grupo", "agencia", "agencias", "diario", "periódico", "cadena", "emisora",
  "sindicato", "partido", "club", "equipo", "fabricante", "editorial", "consultora", "distribuidora", "filial", "marca",
]);


/** Spanish parties, unions and employers' associations named by acronyms news never expand. */
const PARTY_ACRONYMS = new Set([
  "PP", "PSOE", "IU", "PNV", "CiU", "ERC", "BNG", "CC", "EA", "HB", "EH", "UPN", "PA", "PAR", "ICV", "CHA",
  "UGT", "CCOO", "CC.OO.", "CSIF", "USO", "ELA", "LAB", "CGT", "CEOE", "CEPYME",
]);

/** A party or union acronym is an organisation. */
function typePartyAcronyms(words: readonly string[], tags: string[]): void {
  words.forEach((word, i) => {
    if (!PARTY_ACRONYMS.has(word) || tags[i]!.startsWith("I-") || (tags[i + 1] ?? "O").startsWith("I-")) return;
    writeSpan(tags, i, i + 1, "ORG");
  });
}


/**
 * In running text (mostly lowercase) a word in capitals alone is an acronym, and Spanish news
 * write people and towns in full: one the tagger read as a person, or as a place no list knows,
 * is an organisation ("la OTAN", "la ONU").
 */
function typeCapitalisedAcronyms(words: readonly string[], tags: string[], lists: Conventions): void {
  if (words.filter(isLowercaseWord).length < words.length / 3) return;
  for (const span of spansFromTags(tags)) {
    const word = words[span.start]!;
    if (span.end - span.start !== 1 || !isAcronym(word) || (span.type !== "PER" && span.type !== "LOC")) continue;
    // Short codes collide with small towns in the gazetteer: only countries and regions stay places ("EEUU").
    if (span.type === "LOC" && /[KAR]/.test(lists.match([word], 0)?.[1] ?? "")) continue;
    writeSpan(tags, span.start, span.end, "ORG");
  }
}

/**
 * "Gil ( Osasuna )", "Luis Pérez ( Getafe )": in sports reports a player is followed by his club
 * between brackets; a name there that no list knows as a country is the club.
 */
function typeClubsOfPlayers(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    if (span.type !== "PER" || words[span.end] !== "(") continue;
    const club = span.end + 1;
    const close = spanEndAfter(tags, club);
    if (!tags[club]?.startsWith("B-") || words[close] !== ")") continue;
    const kinds = lists.match(words, club);
    if (kinds && kinds[0] === close - club && /[KAR]/.test(kinds[1])) continue;
    writeSpan(tags, club, close, "ORG");
  }
}

/** Heads of the names of buildings and monuments ("Palacio de la Moncloa", "Estadio Azteca"): places in news annotation. */
const BUILDING_HEADS = new Set([
  "Palacio", "Monasterio", "Colegiata", "Catedral", "Basílica", "Alcázar", "Plaza", "Puente",
]);

/** A span headed by a building's generic noun is the place. */
function typeBuildings(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) if (span.type === "PER" && BUILDING_HEADS.has(words[span.start]!)) writeSpan(tags, span.start, span.end, "LOC");
}

const ROMAN_NUMERAL = /^[IVXLC]+\.?$/;

/** "el siglo XV", "siglos XV y XVI": roman numerals alone are no names. */
function untagRomanNumerals(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    if (words.slice(span.start, span.end).every((w) => ROMAN_NUMERAL.test(w))) for (let i = span.start; i < span.end; i++) tags[i] = "O";
  }
}

/** Offices held over a portfolio or a field ("ministro de Justicia", "director general de Medio Ambiente", "catedrático de Derecho Civil"). */
const PORTFOLIO_OFFICES = new Set([
  "ministro", "ministra", "ministros", "exministro", "exministra", "consejero", "consejera", "consejeros", "conseller", "consellera",
  "consellers", "conselleiro", "conselleira", "concejal", "concejala", "concejales", "secretario", "secretaria", "subsecretario",
  "subsecretaria", "viceministro", "viceministra", "titular", "cartera", "catedrático", "catedrática", "profesor", "profesora",
]);

/**
 * "el ministro de Justicia", "la consejera de Asuntos Sociales": the portfolio after an office and
 * "de" is no organisation but the field it covers, MISC in news annotation.
 */
function tagPortfolios(words: readonly string[], tags: string[]): void {
  for (let i = 2; i < words.length; i++) {
    if (words[i - 1] !== "de" || !isCapitalised(words[i]!) || isAcronym(words[i]!)) continue;
    const office = words[i - 2]!;
    // "director general de", "secretario general de".
    const general = office === "general" ? words[i - 3] ?? "" : office;
    if (!PORTFOLIO_OFFICES.has(general) && !(office === "general" && /^director[a]?$/.test(general))) continue;
    if (tags[i]!.startsWith("I-")) continue;
    const end = Math.max(tags[i] === "O" ? i + 1 : spanEndAfter(tags, i), nameEnd(words, tags, i));
    writeSpan(tags, i, end, "MISC");
    i = end - 1;
  }
}

/** Stock market indices and markets named as such ("el Nikkei", "el Ibex"): MISC in news annotation. */
const MARKET_INDICES = new Set([
  "Nasdaq", "NASDAQ", "Dow Jones", "Nikkei", "Ibex", "IBEX", "Ibex-35", "IBEX-35", "Ibovespa", "Bovespa", "Merval", "Xetra", "Dax", "DAX",
  "CAC", "CAC-40", "FTSE", "FTSE-100", "Footsie", "Hang Seng", "Eurostoxx", "Euro Stoxx", "Wall Street", "Standard & Poor's",
]);

/** A market index or market is MISC wherever it is named. */
function tagMarketIndices(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const length = MARKET_INDICES.has(`${words[i]} ${words[i + 1]}`) ? 2 : MARKET_INDICES.has(words[i]!) ? 1 : 0;
    if (length === 0 || tags[i]!.startsWith("I-") || (tags[i + length] ?? "O").startsWith("I-")) continue;
    writeSpan(tags, i, i + length, "MISC");
    i += length - 1;
  }
}

/** A wire service's story code between brackets ("( PM2031 )"): letters then digits. */
const WIRE_CODE = /^\p{Lu}{2,3}\d{3,5}$/u;

/** A story code is MISC, as news annotation marks it. */
function tagWireCodes(words: readonly string[], tags: string[]): void {
  words.forEach((word, i) => {
    if (WIRE_CODE.test(word) && words[i - 1] === "(" && words[i + 1] === ")") writeSpan(tags, i, i + 1, "MISC");
  });
}

/**
 * "Goles : ...", "Tarjetas : ...": a line's first word before a colon is the heading of what
 * follows, capitalised by position; alone, and known to no list, it is no name (a team or a
 * town heading a line-up is).
 */
function untagLabels(words: readonly string[], tags: string[], lists: Conventions): void {
  if (words[1] !== ":" || tags[0] === "O" || lists.match(words, 0) || lists.isKnownPlace(words[0]!)) return;
  tags[0] = "O";
}

/** A minute of a match ("m.59", "m.90+2"). */
const MINUTE = /^m\.\d+(?:\+\d+)?$/;

/** Punctuation and conjunctions between the names of a line-up. */
const LINE_UP_JOINS = new Set([",", ";", "(", ")", "y", "e", ".", "-"]);

/**
 * "Osasuna : Pérez ; Gil , Ruiz ( Soto , m.70 ) , Lago y Mora .": a team, a colon and names only,
 * with substitutes and their minutes between brackets, is a line-up: the team an organisation, the
 * names people. A name with a minute between brackets is a player ("amarilla a Ruiz ( m.68 )").
 * Whether the line is a line-up.
 */
function typeLineUps(words: readonly string[], tags: string[]): boolean {
  for (const span of spansFromTags(tags)) {
    if (span.type !== "PER" && words[span.end] === "(" && MINUTE.test(words[span.end + 1] ?? "") && words[span.end + 2] === ")") writeSpan(tags, span.start, span.end, "PER");
  }
  const colon = words.indexOf(":");
  if (colon < 1 || tags[colon - 1] === "O") return false;
  const after = spansFromTags(tags).filter((s) => s.start > colon);
  const loose = words.slice(colon + 1).filter((w, k) => tags[colon + 1 + k] === "O" && !LINE_UP_JOINS.has(w) && !MINUTE.test(w));
  if (after.length < 4 || loose.length > 0) return false;
  let teamStart = colon - 1;
  while (tags[teamStart]!.startsWith("I-")) teamStart--;
  writeSpan(tags, teamStart, colon, "ORG");
  for (const span of after) writeSpan(tags, span.start, span.end, "PER");
  return true;
}

/** Pronouns and determiners that speak too, capitalised at a sentence's start ("Él dijo", "Este aseguró"). */
const SPEAKING_PRONOUNS = new Set([
  "él", "ella", "ellos", "ellas", "yo", "usted", "ustedes", "nosotros", "nosotras", "este", "esta", "éste", "ésta", "ese", "esa",
  "quien", "nadie", "todos", "uno", "otro", "alguien", "también", "además", "luego", "después", "hoy", "ayer", "así", "tampoco",
]);

/**
 * "Galván dijo", "señaló Galván", "según Galván": a lone word next to a verb of saying is its speaker, a person,
 * untagged or not, unless a list knows it as a place or it is an acronym (an organisation speaks through them too).
 */
function speakerRule(lists: Conventions): SpeakerRule {
  return {
    speech: speechWords("es")!,
    isCandidate: (words, tags, i) => {
      const word = words[i]!;
      // A person takes no article ("el Insalud explicó").
      if (!isCapitalised(word) || isAcronym(word) || SPEAKING_PRONOUNS.has(word.toLowerCase()) || ARTICLES.has(words[i - 1] ?? "") || lists.match(words, i) || lists.isKnownPlace(word)) return false;
      return (tags[i] === "O" || tags[i] === "B-PER" || tags[i] === "B-LOC") && !(tags[i + 1] ?? "O").startsWith("I-") && !INSTITUTION_WORDS.has(word) && newsAgencyLength([word], 0) === 0;
    },
    afterVerbEndsClause: false,
  };
}

/** Nouns of works, shows and campaigns before a title in quotes ("la película \" Amores perros \""). */
const WORK_NOUNS = new Set([
  "película", "películas", "filme", "film", "documental", "disco", "discos", "álbum", "canción", "canciones", "tema", "single",
  "libro", "libros", "novela", "poemario", "obra", "obras", "ensayo", "serie", "programa", "espectáculo", "montaje", "exposición",
  "muestra", "seminario", "curso", "jornadas", "congreso", "campaña", "lema", "proyecto", "revista", "cuadro", "ópera", "musical",
]);

/**
 * "la película \" Amores perros \"", "el lema \" Paz y trabajo \"": a title in quotes after a noun of
 * works is MISC, quotes included (as news annotation marks it).
 */
const QUOTED_TITLES: QuotedTitles = {
  isWorkNoun: (word) => WORK_NOUNS.has(word.toLowerCase()),
  opening: new Set(['"']),
  closing: new Set(['"']),
  maxWords: 10,
  withQuotes: true,
};

/** Words that make a name a firm's or a body's, in Spanish and in the English of foreign firms ("Banco Atlántico", "Norte Films"). */
const FIRM_WORDS = new Set([
  ...organisationWords("es"), ...organisationWords("en"), "banca", "caja", "telecom", "networks", "films", "models", "capital", "fund",
  "sachs", "lynch", "airlines", "motors", "energía", "petróleos", "seguros", "editorial", "ediciones", "producciones", "cabo",
]);

/** A name of two words or more holding a firm's word is an organisation, not a person ("Banco Atlántico", "Norte Films"). */
function typeByOrganisationWords(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    if (span.type !== "PER" || span.end - span.start < 2) continue;
    if (words.slice(span.start, span.end).some((w) => isCapitalised(w) && FIRM_WORDS.has(w.toLowerCase()))) writeSpan(tags, span.start, span.end, "ORG");
  }
}

/** Spain's autonomous communities, which the gazetteer of towns and countries lacks. */
const SPANISH_REGIONS = new Set([
  "Andalucía", "Aragón", "Asturias", "Baleares", "Canarias", "Cantabria", "Castilla-La Mancha", "Castilla y León", "Cataluña",
  "Catalunya", "Comunidad Valenciana", "Extremadura", "Galicia", "La Rioja", "Murcia", "Navarra", "País Vasco", "Euskadi", "Ceuta", "Melilla",
]);

/** A Spanish region standing alone ("en Extremadura", "de Cataluña") is a place, tagged or not. */
function tagSpanishRegions(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const length = [3, 2, 1].find((n) => SPANISH_REGIONS.has(words.slice(i, i + n).join(" "))) ?? 0;
    if (length === 0) continue;
    // ... but "el Murcia" is its club.
    const alone = !tags[i]!.startsWith("I-") && !(tags[i + length] ?? "O").startsWith("I-") && !MASCULINE_ARTICLES.has(words[i - 1] ?? "");
    if (alone) writeSpan(tags, i, i + length, "LOC");
    i += length - 1;
  }
}

/** Nouns of settlements and their people before "de" and a place ("el alcalde de Ledanca", "la localidad de Ríos"). */
const PLACE_NOUNS = new Set([
  "alcalde", "alcaldesa", "alcaldes", "ciudad", "localidad", "municipio", "pueblo", "villa", "aldea", "provincia", "comarca",
  "vecinos", "vecino", "vecina", "habitantes", "natural", "naturales", "afueras", "cercanías", "inmediaciones", "término",
]);

/** A name after a noun of settlements and "de" is the place (LOC), tagged or not. */
function tagPlacesByNoun(words: readonly string[], tags: string[]): void {
  for (let i = 2; i < words.length; i++) {
    if (words[i - 1] !== "de" || !PLACE_NOUNS.has(words[i - 2]!) || !isCapitalised(words[i]!) || tags[i]!.startsWith("I-")) continue;
    if (isAcronym(words[i]!)) continue;
    const end = nameEnd(words, tags, i);
    writeSpan(tags, i, end, "LOC");
    i = end - 1;
  }
}

/**
 * "Ruiz , Pinto , Lago": a one-word place that neither list knows (they hold the world's towns and
 * countries), in an enumeration after a person, is one more person.
 */
function retypeUnknownPlaces(words: readonly string[], tags: string[], lists: Conventions): void {
  const spans = spansFromTags(tags);
  const joined = (a: TokenSpan | undefined, b: TokenSpan | undefined): boolean => !!a && !!b && b.start === a.end + 1 && (words[a.end] === "," || words[a.end] === "y");
  spans.forEach((span, k) => {
    if (span.type !== "LOC" || span.end - span.start !== 1) return;
    const word = words[span.start]!;
    if (lists.knownKinds(word) || SPANISH_REGIONS.has(word)) return;
    // Only after a person: "el alcalde de Ledanca , Luis Gil" puts a place before a person.
    const before = spans[k - 1];
    if (!joined(before, span) || before!.type !== "PER") return;
    writeSpan(tags, span.start, span.end, "PER");
    span.type = "PER";
  });
}
