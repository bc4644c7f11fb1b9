/**
 * Event merge: the same happening coded from many articles becomes one event carrying all its evidence
 * (article ids and sentence spans) and the number of sources. Two coded events are the same when they
 * share the event type, the actor, the recipient and the location (by linked id, GeoNames id or folded
 * name, so spellings and languages agree) and their dates lie within a few days of each other.
 * Figures that disagree (one source says 12 dead, another 15) are kept side by side with their sources.
 */
import type { Entity, Event, EventParticipant, PloverType, TextSpan } from "../schema.ts";
import { foldText } from "./text.ts";

export const EVENT_MERGE_DEFAULTS = {
  /** Reports of one event dated this many days apart still describe it (late reports, time zones). */
  windowDays: 2,
};

export interface EventReport {
  articleId: string;
  event: Event;
  /** The reporting article's entities, to resolve participants to ids and places. */
  entities?: Entity[];
}

export interface MergedParticipant {
  /** The name as first reported (the entity's canonical name when linked). */
  name: string;
  /** Linked id ("name:…") or "geonames:<id>" when known. */
  id?: string;
}

export interface FigureReport {
  value: number;
  /** The articles that gave this value. */
  articleIds: string[];
}

export interface EventEvidence {
  articleId: string;
  eventId: string;
  date?: string;
  trigger: TextSpan;
  sentence: TextSpan;
}

export interface MergedEvent {
  id: string;
  eventType: PloverType;
  mode?: string;
  contexts: string[];
  actor?: MergedParticipant;
  recipient?: MergedParticipant;
  location?: MergedParticipant;
  start?: string;
  end?: string;
  /** Distinct articles reporting the event. */
  sources: number;
  evidence: EventEvidence[];
  /** Each count as reported: several values when sources disagree, most reported first. */
  size: { dead?: FigureReport[]; injured?: FigureReport[]; arrested?: FigureReport[] };
  /** Every report was hedged. */
  hypothetical: boolean;
  /** The most confident report's confidence. */
  confidence: number;
}

const SIZE_KEYS = ["dead", "injured", "arrested"] as const;

function resolveParticipant(participant: EventParticipant | undefined, entities: Entity[] | undefined): MergedParticipant & { key: string } | undefined {
  if (!participant) return undefined;
  const entity = participant.entity !== undefined ? entities?.[participant.entity] : undefined;
  if (entity?.id) return { key: entity.id, name: entity.name, id: entity.id };
  if (entity?.place?.geonameId !== undefined) {
    const id = `geonames:${entity.place.geonameId}`;
    return { key: id, name: entity.place.name, id };
  }
  const name = entity?.place?.name ?? entity?.name ?? participant.text;
  return { key: `name:${foldText(name)}`, name };
}

function dayOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const ms = Date.parse(date.slice(0, 10) + "T00:00:00Z");
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 86_400_000);
}

interface Resolved {
  report: EventReport;
  actor?: MergedParticipant & { key: string };
  recipient?: MergedParticipant & { key: string };
  location?: MergedParticipant & { key: string };
  day?: number;
}

/** Merges coded events from many articles; the result is ordered by date, then by the number of sources. */
export function mergeEvents(reports: EventReport[], options: Partial<typeof EVENT_MERGE_DEFAULTS> = {}): MergedEvent[] {
  const { windowDays } = { ...EVENT_MERGE_DEFAULTS, ...options };
  const byKey = new Map<string, Resolved[]>();
  for (const report of reports) {
    const resolved: Resolved = {
      report,
      actor: resolveParticipant(report.event.actor, report.entities),
      recipient: resolveParticipant(report.event.recipient, report.entities),
      location: resolveParticipant(report.event.location, report.entities),
      day: dayOf(report.event.date),
    };
    const key = [report.event.eventType, resolved.actor?.key ?? "", resolved.recipient?.key ?? "", resolved.location?.key ?? ""].join("|");
    const list = byKey.get(key);
    if (list) list.push(resolved);
    else byKey.set(key, [resolved]);
  }
  const merged: MergedEvent[] = [];
  for (const [key, list] of byKey) {
    for (const group of splitByDate(list, windowDays)) merged.push(combine(key, group));
  }
  return merged.sort((a, b) => (a.start ?? "").localeCompare(b.start ?? "") || b.sources - a.sources || a.id.localeCompare(b.id));
}

/** Chains reports whose dates are within the window of the previous one; undated reports join the largest chain. */
function splitByDate(list: Resolved[], windowDays: number): Resolved[][] {
  const dated = list.filter((r) => r.day !== undefined).sort((a, b) => a.day! - b.day!);
  const undated = list.filter((r) => r.day === undefined);
  const groups: Resolved[][] = [];
  for (const report of dated) {
    const current = groups.at(-1);
    if (current && report.day! - current.at(-1)!.day! <= windowDays) current.push(report);
    else groups.push([report]);
  }
  if (undated.length > 0) {
    const largest = groups.reduce<Resolved[] | undefined>((best, g) => (!best || g.length > best.length ? g : best), undefined);
    if (largest) largest.push(...undated);
    else groups.push(undated);
  }
  return groups;
}

function combine(key: string, group: Resolved[]): MergedEvent {
  const first = group[0]!;
  const events = group.map((r) => r.report.event);
  const dates = events.map((e) => e.date?.slice(0, 10)).filter((d): d is string => !!d).sort();
  const modes = new Map<string, number>();
  for (const e of events) if (e.mode) modes.set(e.mode, (modes.get(e.mode) ?? 0) + 1);
  const mode = [...modes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const size: MergedEvent["size"] = {};
  for (const sizeKey of SIZE_KEYS) {
    const values = new Map<number, Set<string>>();
    for (const r of group) {
      const value = r.report.event.size?.[sizeKey];
      if (value === undefined) continue;
      let ids = values.get(value);
      if (!ids) values.set(value, (ids = new Set()));
      ids.add(r.report.articleId);
    }
    if (values.size > 0) {
      size[sizeKey] = [...values]
        .map(([value, ids]) => ({ value, articleIds: [...ids].sort() }))
        .sort((a, b) => b.articleIds.length - a.articleIds.length || a.value - b.value);
    }
  }
  const participant = (p: (MergedParticipant & { key: string }) | undefined) => p && { name: p.name, ...(p.id ? { id: p.id } : {}) };
  const actor = participant(first.actor);
  const recipient = participant(first.recipient);
  const location = participant(first.location);
  return {
    id: `${key}|${dates[0] ?? ""}`,
    eventType: first.report.event.eventType,
    ...(mode ? { mode } : {}),
    contexts: [...new Set(events.flatMap((e) => e.contexts))].sort(),
    ...(actor ? { actor } : {}),
    ...(recipient ? { recipient } : {}),
    ...(location ? { location } : {}),
    ...(dates.length > 0 ? { start: dates[0]!, end: dates.at(-1)! } : {}),
    sources: new Set(group.map((r) => r.report.articleId)).size,
    evidence: group.map((r) => ({
      articleId: r.report.articleId,
      eventId: r.report.event.id,
      ...(r.report.event.date ? { date: r.report.event.date } : {}),
      trigger: r.report.event.trigger,
      sentence: r.report.event.sentence,
    })),
    size,
    hypothetical: events.every((e) => e.hypothetical === true),
    confidence: Math.max(...events.map((e) => e.confidence)),
  };
}
