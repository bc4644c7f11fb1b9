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
  type Place,
} from "../schema.ts";
import { detectDocumentLanguage, detectParagraphLanguages } from "./langid.ts";
import { recognizeEntities, type RecognizedEntity } from "./ner/index.ts";
import { geocodeMentions, type GeocodeResult } from "./geocode.ts";
import { findQuotes } from "./quotes.ts";
import { findFigures } from "./figures.ts";

/** Below this confidence a detected language does not overrule the one the page declares. */
const OVERRULE_DECLARED_CONFIDENCE = 0.9;
/** Used when neither the page nor the detector can tell (too little text). */
const DEFAULT_LANGUAGE = "en";

/**
 * The article's language: the detector's reading of the body, unless it is unsure and the page
 * declares one (templates often declare "en" for every page, so a confident detection wins).
 */
export function identifyLanguage(article: Article): Article {
  const detected = detectDocumentLanguage(article.text);
  if (!detected) return article;
  const declared = article.language;
  if (declared === detected.language) return article;
  if (declared && detected.confidence < OVERRULE_DECLARED_CONFIDENCE) return article;
  const warnings = declared
    ? [...article.warnings, `page declares language "${declared}" but the text reads as "${detected.language}"`]
    : article.warnings;
  return { ...article, language: detected.language, warnings };
}

export function understand(article: Article): UnderstoodArticle {
  const withLanguage = article.language ? article : identifyLanguage(article);
  const language = withLanguage.language ?? DEFAULT_LANGUAGE;
  const text = article.text;
  const recognized = recognizeEntities(text, language);
  const { entities, mentions } = groupEntities(recognized, language);
  const people = mentions.filter((m) => m.type === "PER");
  return UnderstoodArticle.parse({
    ...withLanguage,
    languages: detectParagraphLanguages(text),
    entities,
    mentions,
    quotes: findQuotes(text, language, { people }),
    figures: findFigures(text, language),
  });
}

/**
 * Mentions -> document entities. Within one document a later short form ("Peskov") is the earlier
 * full name ("Dmitri Peskov") when it is that name's last word(s); places are geocoded together so
 * that each lends context to the others.
 */
function groupEntities(recognized: RecognizedEntity[], language: string): { entities: Entity[]; mentions: Mention[] } {
  const places = geocodeMentions(
    recognized.filter((r) => r.type === "LOC"),
    { language },
  );
  const placeAt = new Map(places.map((p) => [p.start, p.place]));
  const entities: Entity[] = [];
  const byKey = new Map<string, number>();
  const mentions: Mention[] = recognized.map((r) => {
    const key = entityKey(r.type, r.text);
    let index = byKey.get(key) ?? (r.type === "PER" ? fullNameOf(entities, r.text) : undefined);
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
  return mergeSamePlaces(entities, mentions);
}

/** Two names of one place ("Biélorussie", "Bélarus") are one entity: merged into the first, indexes renumbered. */
function mergeSamePlaces(entities: Entity[], mentions: Mention[]): { entities: Entity[]; mentions: Mention[] } {
  const firstByPlace = new Map<string, number>();
  const target = entities.map((entity, index) => {
    if (!entity.place) return index;
    const key = `${entity.place.geonameId ?? ""}\u0000${entity.place.name}\u0000${entity.place.countryCode ?? ""}`;
    const first = firstByPlace.get(key);
    if (first === undefined) {
      firstByPlace.set(key, index);
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

/** The earlier person whose full name ends with this short form. */
function fullNameOf(entities: Entity[], short: string): number | undefined {
  const tail = ` ${short.toLocaleLowerCase()}`;
  const index = entities.findIndex((e) => e.type === "PER" && e.name.toLocaleLowerCase().endsWith(tail));
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
