/**
 * Events step, output side: an Event as a PLOVER record (field names of the PLOVER spec, manual v0.8:
 * actor/recipient with actorText/code/sector, event, mode, context, eventText, text, textInfo.markup)
 * and the located events of an article as GeoJSON for a map.
 */
import type { Article, Entity, Event, EventParticipant, Mention, Place } from "../../schema.ts";

/** What export needs of an article: where it came from and, when understood, its entities and mentions. */
export type ExportArticle = Pick<Article, "source" | "language" | "published"> &
  Partial<Pick<Article, "url" | "title">> & { entities?: readonly Entity[]; mentions?: readonly Mention[] };

export interface PloverActor {
  actorText: string;
  /** CAMEO country code of the linked entity ("RUS"), where the name table knows it. */
  code?: string;
  /** CAMEO sector ("GOV", "MIL"...). */
  sector?: string;
}

export interface PloverLocation {
  name: string;
  lat?: number;
  lon?: number;
  "country code"?: string;
  geonameId?: number;
}

/** A PLOVER event record; only non-empty fields are present, as in the PLOVER gold-standard files. */
export interface PloverRecord {
  id: string;
  date?: string;
  event: string;
  mode?: string;
  context?: string;
  actor?: PloverActor[];
  recipient?: PloverActor[];
  eventText: string;
  location?: PloverLocation;
  dead?: number;
  injured?: number;
  text: string;
  textInfo: { markup: string };
  language?: string;
  /** Not in the spec: "may attack", "plans to" (hedged reports). */
  hypothetical?: boolean;
  /** Not in the spec: the sentence's main event (as GDELT's IsRootEvent), see Event.main. */
  main?: boolean;
  confidence: number;
  publication?: string;
}

/** The PLOVER record of one event of an article. */
export function toPloverJson(event: Event, article: ExportArticle): PloverRecord {
  const actor = event.actor && ploverActor(event.actor, article);
  const recipient = event.recipient && ploverActor(event.recipient, article);
  const location = event.location && ploverLocation(event.location, article);
  const record: PloverRecord = {
    id: `${article.url ?? article.source}#${event.id}`,
    date: event.date ?? article.published?.slice(0, 10),
    event: event.eventType,
    mode: event.mode,
    context: event.contexts.length > 0 ? event.contexts.join(",") : undefined,
    actor: actor && [actor],
    recipient: recipient && [recipient],
    eventText: event.trigger.text,
    location,
    dead: event.size?.dead,
    injured: event.size?.injured,
    text: event.sentence.text,
    textInfo: { markup: markup(event) },
    language: article.language,
    hypothetical: event.hypothetical,
    main: event.main,
    confidence: event.confidence,
    publication: article.url ?? article.source,
  };
  return withoutEmpty(record);
}

/** Only non-null fields, as in the PLOVER files. */
function withoutEmpty<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

export interface GeoJsonFeature {
  type: "Feature";
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: PloverRecord & { place: string };
}

export interface GeoJsonFeatureCollection {
  type: "FeatureCollection";
  features: GeoJsonFeature[];
}

/** A GeoJSON Feature per event whose location resolves to a geocoded place; events without one are left out. */
export function eventsToGeoJson(events: readonly Event[], article: ExportArticle): GeoJsonFeatureCollection {
  const features: GeoJsonFeature[] = [];
  for (const event of events) {
    const place = event.location && placeOf(event.location, article);
    if (!place) continue;
    features.push({
      type: "Feature",
      // GeoJSON order is longitude, latitude (RFC 7946).
      geometry: { type: "Point", coordinates: [place.lon, place.lat] },
      properties: { ...toPloverJson(event, article), place: place.name },
    });
  }
  return { type: "FeatureCollection", features };
}

/** The document entity of a participant: its own index, else the mention that covers the same text. */
function entityOf(p: EventParticipant, article: ExportArticle): Entity | undefined {
  if (p.entity !== undefined) return article.entities?.[p.entity];
  const mention = article.mentions?.find((m) => m.start < p.end && p.start < m.end);
  return mention ? article.entities?.[mention.entity] : undefined;
}

function placeOf(p: EventParticipant, article: ExportArticle): Place | undefined {
  return entityOf(p, article)?.place;
}

function ploverActor(p: EventParticipant, article: ExportArticle): PloverActor {
  const entity = entityOf(p, article);
  return withoutEmpty({ actorText: p.text, code: entity?.country, sector: entity?.sector });
}

function ploverLocation(p: EventParticipant, article: ExportArticle): PloverLocation {
  const place = placeOf(p, article);
  if (!place) return { name: p.text };
  return withoutEmpty({ name: place.name, lat: place.lat, lon: place.lon, "country code": place.countryCode, geonameId: place.geonameId });
}

/** The sentence with the PLOVER markup of the gold-standard files: "(SRC: Rebels) (EVT: attacked) (TAR: the town)". */
function markup(event: Event): string {
  const base = event.sentence.start;
  const marks = [
    { tag: "SRC", span: event.actor },
    { tag: "EVT", span: event.trigger },
    { tag: "TAR", span: event.recipient },
    { tag: "LOC", span: event.location },
  ]
    .filter((m): m is { tag: string; span: EventParticipant } => !!m.span && m.span.start >= base && m.span.end <= event.sentence.end)
    .sort((a, b) => a.span.start - b.span.start);
  let out = "";
  let at = 0;
  for (const { tag, span } of marks) {
    const start = span.start - base;
    if (start < at) continue; // overlapping spans: keep the first
    out += `${event.sentence.text.slice(at, start)}(${tag}: ${span.text})`;
    at = span.end - base;
  }
  return out + event.sentence.text.slice(at);
}
