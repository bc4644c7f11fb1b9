/**
 * The understand stage: an Article -> the same article with its languages, entities (mentions grouped
 * into document entities, places geocoded), quotes with speakers and figures with what they count.
 * Orchestration only; each step lives in its own module and is scored by its own eval script.
 */
import {
  UnderstoodArticle,
  type Article,
  type Entity,
  type EntityType,
  type Mention,
  type LanguageSpan,
  type Place,
} from "../schema.ts";
import { detectDocumentLanguage, detectParagraphLanguages } from "./langid.ts";
import { recognizeEntities, type RecognizedEntity } from "./ner/index.ts";
import { geocodeMentions, prominentPlace, type GeocodeResult } from "./geocode.ts";
import { documentLinker, type DocumentLinker, type LinkedEntity } from "./link.ts";
import { findQuotes } from "./quotes.ts";
import { findFigures } from "./figures.ts";
import { codeEvents } from "./events.ts";

/** Below this confidence a detected language does not overrule the one the page declares. */
const OVERRULE_DECLARED_CONFIDENCE = 0.9;
/** Used when neither the page nor the detector can tell (too little text). */
const DEFAULT_LANGUAGE = "en";

/**
 * The article's language: the detector's reading of the body, unless it is unsure and the page
 * declares one (templates often declare "en" for every page, so a confident detection wins).
 */
export function identifyLanguage(article: Article, paragraphs?: LanguageSpan[]): Article {
  const detected = detectDocumentLanguage(article.text, paragraphs);
  if (!detected) return article;
  const declared = article.language;
  if (declared === detected.language) return article;
  if (declared && detected.confidence < OVERRULE_DECLARED_CONFIDENCE) return article;
  const warnings = declared
    ? [...article.warnings, `language "${declared}" (declared by the page or guessed at extraction) overruled: the text reads as "${detected.language}"`]
    : article.warnings;
  return { ...article, language: detected.language, warnings };
}

export interface UnderstandOptions {
  /** Code PLOVER events too. */
  events?: boolean;
}

export function understand(article: Article, options: UnderstandOptions = {}): UnderstoodArticle {
  const text = article.text;
  const languages = detectParagraphLanguages(text);
  const withLanguage = identifyLanguage(article, languages);
  const language = withLanguage.language ?? DEFAULT_LANGUAGE;
  const recognized = recognizeEntities(text, language);
  const { entities, mentions } = groupEntities(recognized, language);
  const people = mentions.filter((m) => m.type === "PER");
  const understood: UnderstoodArticle = {
    ...withLanguage,
    languages,
    entities,
    mentions,
    quotes: findQuotes(text, language, { people }),
    figures: findFigures(text, language),
  };
  if (options.events) understood.events = codeEvents({ ...understood, language });
  return UnderstoodArticle.parse(understood);
}

/**
 * Mentions -> document entities. Within one document a later short form ("Peskov", "Пескова") is the
 * earlier full name ("Dmitri Peskov") when it is that name's last word(s), inflected or not; places are
 * geocoded together so that each lends context to the others; people and organisations are linked to
 * the name table (canonical name, id, country and sector codes).
 */
function groupEntities(found: RecognizedEntity[], language: string): { entities: Entity[]; mentions: Mention[] } {
  // Names recur within a document: each distinct name is linked, and looked up as a place, once.
  const linker = documentLinker(language);
  const prominent = new Map<string, boolean>();
  const isProminentPlace = (name: string): boolean => {
    let found = prominent.get(name);
    if (found === undefined) prominent.set(name, (found = prominentPlace(name, { language }) !== undefined));
    return found;
  };
  const recognized = found.map((r) => retypeKnownPlace(r, linker, isProminentPlace));
  const places = geocodeMentions(
    recognized.filter((r) => r.type === "LOC"),
    { language },
  );
  const placeAt = new Map(places.map((p) => [p.start, p.place]));
  const entities: Entity[] = [];
  const byKey = new Map<string, number>();
  const mentions: Mention[] = recognized.map((r) => {
    const key = entityKey(r.type, r.text);
    let index = byKey.get(key) ?? (r.type === "PER" ? fullNameOf(entities, r.text, linker) : undefined);
    if (index === undefined) {
      index = entities.length;
      entities.push({ name: r.text, type: r.type, aliases: [], mentions: 0 });
    }
    byKey.set(key, index);
    const entity = entities[index]!;
    entity.mentions++;
    if (r.text !== entity.name && !entity.aliases.includes(r.text)) entity.aliases.push(r.text);
    const geocoded = placeAt.get(r.start);
    if (geocoded && !entity.place) {
      entity.place = toPlace(geocoded);
      if (entity.place.name !== entity.name) {
        if (!entity.aliases.includes(entity.name)) entity.aliases.push(entity.name);
        entity.name = entity.place.name;
      }
    }
    return { start: r.start, end: r.end, text: r.text, type: r.type, entity: index };
  });
  for (const entity of entities) linkDocumentEntity(entity, linker);
  const merged = mergeSameReferents(entities, mentions);
  // Linking may settle an entity's type ("Kiev" tagged PER is a city): its mentions follow.
  return {
    entities: merged.entities,
    mentions: merged.mentions.map((m) => ({ ...m, type: merged.entities[m.entity]!.type })),
  };
}

/**
 * The tagger confuses well-known places with people and organisations ("Kiev" as PER, "Moscou" as ORG,
 * metonymy aside). A non-place mention that is exactly a country, a region or a large city, and is
 * no one in the name table, is retyped LOC.
 */
function retypeKnownPlace(
  mention: RecognizedEntity,
  linker: DocumentLinker,
  isProminentPlace: (name: string) => boolean,
): RecognizedEntity {
  if (mention.type === "LOC" || mention.text.includes(" ")) return mention;
  if (linker.link(mention.text, "PER", { surnames: false }) || linker.link(mention.text, "ORG")) return mention;
  return isProminentPlace(mention.text) ? { ...mention, type: "LOC" } : mention;
}

/**
 * A person or organisation entity takes the table's canonical name; the names seen stay as aliases.
 * An entity the recogniser typed otherwise (an unplaced "LOC", an ORG) may still be a known person,
 * but only by a name form the table lists, never by a lone surname.
 */
function linkDocumentEntity(entity: Entity, linker: DocumentLinker): void {
  if (entity.place) return;
  // The longest name seen is the most telling ("Dmitri Peskov" over "Peskov").
  const names = [entity.name, ...entity.aliases].sort((a, b) => b.length - a.length);
  const attempts: Array<[EntityType, boolean]> =
    entity.type === "PER" ? [["PER", true]] : entity.type === "LOC" ? [["PER", false]] : [[entity.type, true], ["PER", false]];
  for (const name of names) {
    const linked = attempts.reduce<LinkedEntity | undefined>(
      (found, [type, surnames]) => found ?? linker.link(name, type, { surnames }),
      undefined,
    );
    if (!linked) continue;
    if (entity.type !== linked.type) entity.type = linked.type;
    if (linked.name !== entity.name) {
      if (!entity.aliases.includes(entity.name)) entity.aliases.push(entity.name);
      entity.name = linked.name;
      entity.aliases = entity.aliases.filter((a) => a !== linked.name);
    }
    entity.id = linked.id;
    if (linked.country) entity.country = linked.country;
    if (linked.sector) entity.sector = linked.sector;
    if (linked.wikidata) entity.wikidata = linked.wikidata;
    return;
  }
}

/** The key of what an entity refers to, when known: its place or its name-table id. */
function referentKey(entity: Entity): string | undefined {
  if (entity.id) return `id\u0000${entity.id}`;
  if (!entity.place) return undefined;
  return `place\u0000${entity.place.geonameId ?? ""}\u0000${entity.place.name}\u0000${entity.place.countryCode ?? ""}`;
}

/**
 * Two names of one place ("Biélorussie", "Bélarus") or of one linked person ("Путин", "Путина") are one
 * entity: merged into the first, indexes renumbered.
 */
function mergeSameReferents(entities: Entity[], mentions: Mention[]): { entities: Entity[]; mentions: Mention[] } {
  const firstByReferent = new Map<string, number>();
  const target = entities.map((entity, index) => {
    const key = referentKey(entity);
    if (key === undefined) return index;
    const first = firstByReferent.get(key);
    if (first === undefined) {
      firstByReferent.set(key, index);
      return index;
    }
    const kept = entities[first]!;
    kept.mentions += entity.mentions;
    for (const alias of [entity.name, ...entity.aliases]) {
      if (alias !== kept.name && !kept.aliases.includes(alias)) kept.aliases.push(alias);
    }
    return first;
  });
  const kept = entities.map((_, index) => index).filter((index) => target[index] === index);
  const renumber = new Map(kept.map((oldIndex, newIndex) => [oldIndex, newIndex]));
  return {
    entities: kept.map((index) => entities[index]!),
    mentions: mentions.map((m) => ({ ...m, entity: renumber.get(target[m.entity]!)! })),
  };
}

function entityKey(type: EntityType, text: string): string {
  return `${type}\u0000${text.toLocaleLowerCase().replace(/\s+/g, " ")}`;
}

/** The earlier person whose full name ends with this short form, or (one word) with an inflected form of it. */
function fullNameOf(entities: Entity[], short: string, linker: DocumentLinker): number | undefined {
  const tail = ` ${short.toLocaleLowerCase()}`;
  let index = entities.findIndex((e) => e.type === "PER" && e.name.toLocaleLowerCase().endsWith(tail));
  if (index < 0 && !/\s/.test(short.trim())) {
    const keys = new Set(linker.surnameKeys(short));
    index = entities.findIndex(
      (e) => e.type === "PER" && /\s/.test(e.name) && linker.surnameKeys(e.name).some((k) => keys.has(k)),
    );
  }
  return index >= 0 ? index : undefined;
}

function toPlace(result: GeocodeResult): Place {
  return {
    geonameId: result.geonameId,
    name: result.englishName,
    lat: result.lat,
    lon: result.lon,
    countryCode: result.countryCode,
    featureClass: result.featureClass,
    population: result.population,
    score: result.score,
  };
}
