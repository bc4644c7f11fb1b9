import { test } from "node:test";
import assert from "node:assert/strict";
import { DuplicateIndex, exactHash } from "../src/consolidate/dedup.ts";
import { StoryClusterer } from "../src/consolidate/stories.ts";
import { mergeEvents, type EventReport } from "../src/consolidate/events.ts";
import type { Entity, Event, Figure, UnderstoodArticle } from "../src/schema.ts";

const WIRE = `The regional council of Northvale approved on Tuesday a plan to rebuild the old harbour bridge, which was closed to traffic last spring after engineers found deep cracks in two of its supporting piers.

The project, estimated at 48 million euros, will be financed jointly by the council, the national transport agency and a loan from the European Investment Bank. Work is expected to start in September and to last about three years, during which a temporary ferry service will carry pedestrians and cyclists across the estuary.

Council president Maria Lindqvist said the decision ended two years of uncertainty for the fishing cooperatives and the small shops on the eastern bank, whose trade had fallen sharply since the closure. Opposition members criticised the cost and asked for an independent review of the tender, which they said favoured a single construction group.`;

/** The wire story as another site republished it: a few words changed, its own lines around it. */
const REPUBLISHED = `Subscribe to our newsletter for the latest regional news

The regional council of Northvale approved on Tuesday a plan to rebuild the old harbour bridge, which was shut to traffic last spring after engineers found deep cracks in two of its piers.

The project, estimated at 48 million euros, will be financed jointly by the council, the national transport agency and a loan from the European Investment Bank. Work is expected to begin in September and to last about three years, during which a temporary ferry service will carry pedestrians and cyclists across the estuary.

Council president Maria Lindqvist said the decision ended two years of uncertainty for the fishing cooperatives and the small shops on the eastern bank, whose business had fallen sharply since the closure. Opposition members criticised the cost and asked for an independent review of the tender, which they said favoured a single construction group.

Share this story`;

const UNRELATED = `A late goal from the visiting striker gave the league leaders a narrow win on Saturday evening, keeping their five point lead at the top of the table with eight matches left to play.

The home side had dominated the first half and hit the post twice, but their goalkeeper misjudged a long cross in the final minute. Their coach said afterwards that the team had played its best football of the season and deserved at least a draw, and that the squad would recover quickly before the cup match on Wednesday.`;

test("dedup: a republished copy with edits and boilerplate is a near-duplicate; an unrelated text is not", () => {
  const index = new DuplicateIndex();
  assert.deepEqual(index.add("wire", WIRE).matches, []);
  const copy = index.add("copy", REPUBLISHED);
  assert.equal(copy.matches[0]?.id, "wire");
  assert.equal(copy.group, "wire");
  assert.ok(copy.matches[0]!.jaccard > 0.5, `jaccard ${copy.matches[0]!.jaccard}`);
  const other = index.add("football", UNRELATED);
  assert.deepEqual(other.matches, []);
  assert.equal(other.group, "football");
});

test("dedup: exact copies differ only in case, accents and punctuation", () => {
  assert.equal(exactHash("Élysée: the President, said — \"no\"."), exactHash("elysee the president said no"));
  const index = new DuplicateIndex();
  index.add("a", WIRE);
  const shouted = index.add("b", WIRE.toUpperCase().replace(/,/g, ";"));
  assert.equal(shouted.exactOf, "a");
  assert.equal(index.add("empty-1", "").exactOf, undefined);
  assert.equal(index.add("empty-2", " ").exactOf, undefined, "an empty text is nobody's copy");
});

test("dedup: a truncated copy is found by containment, and the state survives a JSON round trip", () => {
  const index = new DuplicateIndex();
  index.add("wire", WIRE);
  index.add("football", UNRELATED);
  const restored = DuplicateIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
  assert.equal(restored.size, 2);
  const firstHalf = WIRE.split("\n\n").slice(0, 2).join("\n\n");
  const found = restored.add("short", firstHalf);
  assert.equal(found.matches[0]?.id, "wire");
  assert.ok(found.matches[0]!.containment > 0.8);
});

function entity(name: string, type: Entity["type"], extra: Partial<Entity> = {}): Entity {
  return { name, type, aliases: [], mentions: 2, ...extra };
}

function place(name: string, geonameId: number, countryCode: string): Entity {
  return entity(name, "LOC", { place: { name, geonameId, countryCode, lat: 0, lon: 0, featureClass: "city", score: 1 } });
}

function figure(value: number): Figure {
  return { start: 0, end: 1, text: String(value), value, kind: "count" };
}

function article(title: string, language: string, published: string, entities: Entity[], figures: Figure[] = []): UnderstoodArticle {
  return {
    source: `${language}-${title}`,
    title,
    publisher: `${language}.example`,
    authors: [],
    published,
    language,
    text: title,
    encoding: "utf-8",
    kind: "text",
    warnings: [],
    languages: [],
    entities,
    mentions: [],
    quotes: [],
    figures,
  };
}

test("stories: en/es/fr reports naming the same people and places in their own spellings make one story", () => {
  const clusterer = new StoryClusterer();
  // Background articles, so that rarity weights mean something.
  const background = [
    article("Budget vote in Lisbon", "en", "2024-03-01", [place("Lisbon", 2267057, "PT"), entity("Luís Montenegro", "PER")], [figure(3200)]),
    article("Elections au Sénégal", "fr", "2024-03-02", [place("Dakar", 2253354, "SN"), entity("Macky Sall", "PER")]),
    article("Floods in Porto Alegre", "en", "2024-03-03", [place("Porto Alegre", 3452925, "BR"), entity("Eduardo Leite", "PER")], [figure(56)]),
  ];
  for (const [i, a] of background.entries()) clusterer.add(`bg${i}`, a);
  const zelensky = { id: "name:volodymyr-zelensky" };
  const reports = [
    article("Drone strike on Odesa port kills 12", "en", "2024-03-06", [
      place("Odesa", 698740, "UA"), entity("Volodymyr Zelensky", "PER", zelensky), entity("Oleh Kiper", "PER"),
    ], [figure(12), figure(23)]),
    article("Un ataque con drones contra el puerto de Odesa deja 12 muertos", "es", "2024-03-06", [
      place("Odesa", 698740, "UA"), entity("Volodímir Zelenski", "PER", zelensky), entity("Oleh Kiper", "PER"),
    ], [figure(12), figure(23)]),
    article("Frappe de drones sur le port d'Odessa : 14 morts", "fr", "2024-03-07", [
      place("Odesa", 698740, "UA"), entity("Volodymyr Zelensky", "PER", zelensky), entity("Oleg Kiper", "PER"),
    ], [figure(14), figure(23)]),
  ];
  const assignments = reports.map((a, i) => clusterer.add(`report${i}`, a));
  assert.equal(assignments[0]!.opened, true);
  assert.equal(assignments[1]!.storyId, assignments[0]!.storyId);
  assert.equal(assignments[2]!.storyId, assignments[0]!.storyId);
  const unrelated = clusterer.add("other", article("Floods in Porto Alegre continue", "en", "2024-03-30", [place("Porto Alegre", 3452925, "BR")]));
  assert.equal(unrelated.opened, true, "the same place weeks later, outside the story window, opens a new story");

  const story = clusterer.get(assignments[0]!.storyId)!;
  assert.deepEqual(story.languages, ["en", "es", "fr"]);
  assert.equal(story.title, "Drone strike on Odesa port kills 12");
  assert.equal(story.start, "2024-03-06");
  assert.equal(story.end, "2024-03-07");
  assert.deepEqual(story.members, ["report0", "report1", "report2"]);

  const restored = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(clusterer.toJSON())));
  assert.equal(restored.size, clusterer.size);
  assert.equal(restored.storyIdOf("report2"), assignments[0]!.storyId);
});

function assault(id: string, date: string, size: Event["size"], locationEntity = 1): Event {
  const span = { start: 0, end: 10, text: "attack" };
  return {
    id,
    date,
    eventType: "ASSAULT",
    contexts: ["military"],
    actor: { start: 0, end: 6, text: "Russia", entity: 0 },
    location: { start: 20, end: 25, text: "Odesa", entity: locationEntity },
    size,
    trigger: span,
    sentence: { start: 0, end: 60, text: "sentence" },
    confidence: 0.7,
  };
}

test("events: one attack reported by three articles is one event; conflicting death tolls are kept side by side", () => {
  const russiaEn = entity("Russia", "ORG", { id: "name:russia" });
  const russiaFr = entity("Russie", "ORG", { id: "name:russia" });
  const odesaEn = place("Odesa", 698740, "UA");
  const odesaFr = place("Odessa", 698740, "UA");
  const reports: EventReport[] = [
    { articleId: "en", event: assault("e1", "2024-03-06", { dead: 12, injured: 20 }), entities: [russiaEn, odesaEn] },
    { articleId: "es", event: assault("e2", "2024-03-06", { dead: 12 }), entities: [russiaEn, odesaEn] },
    { articleId: "fr", event: assault("e3", "2024-03-07", { dead: 14, injured: 20 }), entities: [russiaFr, odesaFr] },
    // Same actor and type, another city: another event.
    { articleId: "fr", event: assault("e4", "2024-03-07", { dead: 1 }, 2), entities: [russiaFr, odesaFr, place("Kharkiv", 706483, "UA")] },
    // Same city a month later: another event.
    { articleId: "en2", event: assault("e5", "2024-04-10", { dead: 3 }), entities: [russiaEn, odesaEn] },
  ];
  const merged = mergeEvents(reports);
  assert.equal(merged.length, 3);
  const odesa = merged.find((e) => e.location?.id === "geonames:698740" && e.start === "2024-03-06")!;
  assert.equal(odesa.sources, 3);
  assert.deepEqual(odesa.evidence.map((e) => e.articleId), ["en", "es", "fr"]);
  assert.deepEqual(odesa.size.dead, [
    { value: 12, articleIds: ["en", "es"] },
    { value: 14, articleIds: ["fr"] },
  ]);
  assert.deepEqual(odesa.size.injured, [{ value: 20, articleIds: ["en", "fr"] }]);
  assert.equal(odesa.end, "2024-03-07");
  assert.equal(odesa.actor?.id, "name:russia");
});
