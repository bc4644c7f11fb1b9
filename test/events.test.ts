import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { codeEvents } from "../src/understand/events.ts";
import { sharedPath } from "../eval/shared.ts";
import { eventsToGeoJson, toPloverJson } from "../src/understand/events/export.ts";

const code = (text: string, language: string, published?: string) => codeEvents({ text, language, published });
const only = (text: string, language: string) => {
  const events = code(text, language);
  assert.equal(events.length, 1, `one event expected in ${JSON.stringify(text)}: ${events.map((e) => e.eventType).join(",")}`);
  return events[0]!;
};

test("English: type, actor, recipient", () => {
  const e = only("Rebel fighters attacked an army convoy near the border on Monday.", "en");
  assert.equal(e.eventType, "ASSAULT");
  const p = only("The Foreign Minister of Chile met his Peruvian counterpart Carlos Ruiz in Lima.", "en");
  assert.equal(p.eventType, "CONSULT");
  assert.match(p.actor!.text, /Chile/);
  assert.match(p.recipient!.text, /Peruvian|Carlos Ruiz/);
  assert.equal(only("Police arrested dozens of students outside the university.", "en").eventType, "COERCE");
});

test("English: threats, negation, denial, hedges", () => {
  assert.equal(only("The union threatened to attack the depots.", "en").eventType, "THREATEN");
  assert.deepEqual(code("The army did not attack the town.", "en"), []);
  const d = only("The ministry denied that its troops had shelled the village.", "en");
  assert.equal(d.eventType, "REJECT");
  assert.match(d.actor!.text, /ministry/i);
  assert.equal(only("The government will impose a curfew in the capital.", "en").eventType, "THREATEN");
});

test("Spanish: protest, request, negation", () => {
  const e = only("Miles de estudiantes protestaron este lunes frente al Congreso.", "es");
  assert.equal(e.eventType, "PROTEST");
  assert.match(e.actor!.text, /estudiantes/);
  assert.equal(only("El sindicato exigió al Gobierno un aumento salarial.", "es").eventType, "REQUEST");
  assert.deepEqual(code("La policía no detuvo a nadie.", "es"), []);
});

test("French and Russian", () => {
  assert.equal(only("Les rebelles ont attaqué une base militaire.", "fr").eventType, "ASSAULT");
  const r = only("Министр обороны встретился с послом Франции в Москве.", "ru");
  assert.equal(r.eventType, "CONSULT");
  assert.equal(only("Полиция задержала двух активистов.", "ru").eventType, "COERCE");
  assert.equal(only("Кремль опроверг, что войска обстреляли город.", "ru").eventType, "REJECT");
});

test("dates resolve against the article date", () => {
  const [e] = code("Rebels attacked the airport yesterday.", "en", "2022-12-19");
  assert.equal(e?.date, "2022-12-18");
});

const SAMPLE = sharedPath("samples/cemo-fr.txt");
test("French sample: meeting, drone attack, exercises, denial, missiles shot down", { skip: !existsSync(SAMPLE) && `missing ${SAMPLE}` }, () => {
  const text = readFileSync(SAMPLE, "utf8");
  // Without the NER step (slow to load), actors come from capitalised names and agent nouns.
  const events = codeEvents({ text, language: "fr", published: "2022-12-19" });
  const describe = () => events.map((e) => `${e.eventType}:${e.trigger.text}`).join(", ");
  // Every event points at its sentence and its trigger lies inside it.
  for (const e of events) {
    assert.equal(text.slice(e.sentence.start, e.sentence.end), e.sentence.text);
    assert.ok(e.trigger.start >= e.sentence.start && e.trigger.end <= e.sentence.end, `trigger of ${e.id} inside its sentence`);
  }
  const consult = events.find((e) => e.eventType === "CONSULT" && /Poutine/.test(e.actor?.text ?? "") && /Loukachenko/.test(e.sentence.text));
  assert.ok(consult, `Putin-Lukashenko meeting in ${describe()}`);
  assert.match(consult.location?.text ?? consult.recipient?.text ?? "", /Minsk|Biélorussie|Bélarus/);
  assert.equal(consult.date, "2022-12-19");

  // The drone attack shares its sentence with the visit: a second event in its own clause.
  const drones = events.find((e) => e.eventType === "ASSAULT" && /drones/.test(e.sentence.text.slice(e.trigger.start - e.sentence.start)));
  assert.ok(drones, `drone attack in ${describe()}`);
  assert.match([drones.recipient?.text, drones.location?.text].join(" "), /Kiev/);
  assert.ok(drones.actor === undefined || !/Poutine|Ukraine/.test(drones.actor.text), "the visitor is not the attacker");

  const exercises = events.find((e) => e.eventType === "MOBILIZE");
  assert.ok(exercises, `exercises in ${describe()}`);
  assert.match(exercises.sentence.text, /manoeuvres/);

  const reject = events.find((e) => e.eventType === "REJECT");
  assert.ok(reject, `denial in ${describe()}`);
  assert.match(reject.actor!.text, /Peskov/);
  assert.match(reject.sentence.text, /démenti/);

  const downed = events.find((e) => (e.eventType === "ASSAULT" || e.eventType === "COERCE") && /abattu/.test(e.trigger.text));
  assert.ok(downed, `missiles shot down in ${describe()}`);
  assert.equal(downed.location?.text, "Belgorod");
  assert.match(downed.sentence.text, /^Moscou/);
  assert.equal(downed.date?.slice(0, 10), "2022-12-19");
});

test("PLOVER JSON and GeoJSON export", () => {
  const text = "Rebel fighters attacked an army convoy near Goma on Monday.";
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const entities = [
    { name: "Goma", type: "LOC" as const, aliases: [], mentions: 1, place: { name: "Goma", lat: -1.68, lon: 29.22, countryCode: "CD", featureClass: "city" as const, score: 0.9 } },
  ];
  const mentions = [{ ...at("Goma"), type: "LOC" as const, entity: 0 }];
  const article = { source: "test", language: "en", published: "2024-03-06", text, entities, mentions };
  const events = codeEvents({ ...article, mentions });
  assert.equal(events.length, 1);
  const record = toPloverJson(events[0]!, article);
  assert.equal(record.event, "ASSAULT");
  assert.equal(record.eventText, "attacked");
  assert.equal(record.date, "2024-03-04"); // "on Monday" before a Wednesday publication
  assert.match(record.actor![0]!.actorText, /fighters/);
  assert.deepEqual(record.location, { name: "Goma", lat: -1.68, lon: 29.22, "country code": "CD" });
  assert.match(record.textInfo.markup, /\(EVT: attacked\).*\(LOC: Goma\)/);
  assert.equal(record.text, text);
  assert.ok(!("source" in record) && !("target" in record), "v0.8 names, not the draft's source/target");

  const geo = eventsToGeoJson(events, article);
  assert.equal(geo.type, "FeatureCollection");
  assert.equal(geo.features.length, 1);
  assert.deepEqual(geo.features[0]!.geometry, { type: "Point", coordinates: [29.22, -1.68] });
  assert.equal(geo.features[0]!.properties.event, "ASSAULT");
  // An event without a geocoded place is left off the map.
  assert.equal(eventsToGeoJson(code("Police arrested dozens of students outside the university.", "en"), article).features.length, 0);
});

test("stopped events, obligations, passive agents, people named by participles", () => {
  assert.equal(only("Japan halted economic aid to the country.", "en").eventType, "SANCTION");
  assert.equal(only("The army lifted the curfew in the city.", "en").eventType, "RETREAT");
  assert.equal(only("The union called off the strike.", "en").eventType, "CONCEDE");
  assert.equal(only("Iran must release the sailors, the minister said.", "en").eventType, "REQUEST");
  const passive = only("The convoy was attacked by Hamas near the border.", "en");
  assert.equal(passive.eventType, "ASSAULT");
  assert.match(passive.actor!.text, /Hamas/);
  const es = only("La caravana fue atacada por la guerrilla del ELN.", "es");
  assert.match(es.actor!.text, /ELN/);
  // "los detenidos" are people, not an arrest.
  assert.deepEqual(code("Los detenidos recibieron la visita de sus familias.", "es").map((e) => e.eventType), ["CONSULT"]);
});

test("a threat's mode is what it threatens; a noun in a prepositional phrase does not govern its clause", () => {
  // CAMEO2PLOVER 1323: threatening a curfew is THREATEN/restrict.
  const curfew = only("The ministry may impose a curfew on the city.", "en");
  assert.deepEqual([curfew.eventType, curfew.mode], ["THREATEN", "restrict"]);
  const talks = only("Russia threatened to stop negotiations.", "en");
  assert.deepEqual([talks.eventType, talks.mode], ["THREATEN", "relations"]);
  const attack = only("Rebels threatened to attack the town.", "en");
  assert.deepEqual([attack.eventType, attack.mode], ["THREATEN", "violence"]);
  // The march only dates the event: the burning is what happened.
  assert.equal(only("Tras el final de la marcha, los jóvenes incendiaron varios coches.", "es").eventType, "ASSAULT");
});

test("stems that also name no event, derived triggers on verbs only, refusals, protest motives", () => {
  // "protestantes", "representantes", "deportista": words the stems protest*, repres*, deport* also cover.
  assert.deepEqual(code("Los representantes protestantes recibieron al deportista en la iglesia.", "es"), []);
  // "match" is not "matar", "firme" is not "firmar", "libertad" is not "liberar".
  assert.deepEqual(code("El match terminó con una victoria firme del equipo local.", "es"), []);
  assert.deepEqual(code("El Partido Liberal presentó su programa sobre la libertad de prensa.", "es"), []);
  assert.equal(only("El jefe de la guerrilla mató a dos campesinos.", "es").eventType, "ASSAULT");
  // A cooperative act negated is a refusal; a negated attack is no event.
  assert.equal(only("The rebels will not accept the proposal.", "en").eventType, "REJECT");
  assert.equal(only("El gobierno no aceptó las condiciones del sindicato.", "es").eventType, "REJECT");
  // A protest named as the motive of the act is coded beside it.
  const walkout = code("Los diputados de la oposición suspendieron su participación en el debate en protesta por la reforma.", "es");
  assert.deepEqual(walkout.map((e) => e.eventType).sort(), ["PROTEST", "SANCTION"]);
  // "se reunió con" is a meeting; a crowd of thousands gathered by a rally is not.
  assert.equal(only("El canciller se reunió con su homólogo chileno en Lima.", "es").eventType, "CONSULT");
  assert.deepEqual(code("El festival reunió a miles de aficionados.", "es"), []);
});

test("negation by a preposition reaches its own complement only; states and raised protests are no events; agent nouns", () => {
  // "sin", "without" inside a name do not negate the verb after it.
  assert.equal(only("Reporteros sin Fronteras pide la liberación del periodista.", "es").eventType, "REQUEST");
  assert.equal(only("Doctors Without Borders called for a ceasefire in the region.", "en").eventType, "REQUEST");
  assert.equal(only("The troops withdrew without firing a shot.", "en").eventType, "RETREAT");
  // A participle after a verb of state is a standing state; after "fueron" it is the arrest.
  assert.deepEqual(code("Los dirigentes sindicales están detenidos desde hace un año.", "es"), []);
  assert.equal(only("Los dirigentes sindicales fueron detenidos el lunes.", "es").eventType, "COERCE");
  // "levantó un coro de protestas" raised protests; "levantaron la huelga" ended the strike.
  assert.equal(only("La decisión levantó un coro de protestas en todo el país.", "es").eventType, "PROTEST");
  assert.equal(only("Los sindicatos levantaron la huelga el martes.", "es").eventType, "CONCEDE");
  // The marchers are people, not a march.
  assert.ok(!code("Los marchistas llegaron a la capital el jueves.", "es").some((e) => e.eventType === "PROTEST"));
});

test("main event: one per sentence, the main clause's", () => {
  const mains = (text: string, language: string) => {
    const events = code(text, language);
    assert.equal(events.filter((e) => e.main).length, events.length > 0 ? 1 : 0, `one main event in ${JSON.stringify(text)}`);
    return events.find((e) => e.main)?.eventType;
  };
  assert.equal(mains("Miles de estudiantes protestaron este lunes frente al Congreso.", "es"), "PROTEST");
  // The act done as dissent is the protest (the act its mode), coded beside the act.
  const walkout = code("La delegación se retiró de la cumbre para protestar contra el proyecto.", "es");
  assert.deepEqual(walkout.map((e) => [e.eventType, e.main]), [["RETREAT", false], ["PROTEST", true]]);
  // A relative clause's event yields to the main clause's.
  assert.equal(mains("Los campesinos, que reclaman tierras, bloquearon la carretera.", "es"), "PROTEST");
  // A later clause's event with participants of its own is coded, but the first clause's is the main one.
  const [first, second] = code("Rebels attacked an army convoy near Goma; Congolese soldiers arrested twenty rebels in Kisangani.", "en");
  assert.equal(first?.main, true);
  assert.equal(second?.main, false);
});

test("Spanish participles: a noun's modifier is no event, a killing so reported is", () => {
  const events = code("Los militantes encarcelados en la prisión pidieron al Gobierno su traslado.", "es");
  assert.deepEqual(events.map((e) => e.eventType), ["REQUEST"]);
  assert.ok(code("La sesión terminó con un policía asesinado en la calle.", "es").some((e) => e.eventType === "ASSAULT"));
});

test("English: modes from the clause, conditions, withdrawn missions, eased blockades, passives, prepositional phrases", () => {
  const mode = (text: string) => {
    const e = only(text, "en");
    return [e.eventType, e.mode];
  };
  // A trigger without a mode takes the means named in its clause; a leader killed is an assassination.
  assert.deepEqual(mode("Two soldiers were killed in a suicide car bombing."), ["ASSAULT", "suicide-attack"]);
  assert.deepEqual(mode("Gunmen killed the provincial governor."), ["ASSAULT", "assassinate"]);
  assert.deepEqual(mode("Police beat up the protesters."), ["ASSAULT", "beat"]);
  // An announced act on a condition is a threat; withdrawing inspectors or observers is SANCTION/expel.
  assert.equal(only("The government will withdraw its observers unless the fighting stops.", "en").eventType, "THREATEN");
  assert.deepEqual(mode("The UN withdrew its inspectors from the country."), ["SANCTION", "expel"]);
  assert.deepEqual(mode("The army lifted its blockade of the port."), ["RETREAT", "withdraw"]);
  // Passive: the verb after "were" governs, a stop word after its subject ends it.
  assert.equal(only("The ceasefire was condemned by the opposition.", "en").eventType, "ACCUSE");
  assert.equal(only("The talks were suspended by the government.", "en").eventType, "SANCTION");
  // A noun after "despite" does not govern; an agent noun before a participle is its subject.
  assert.equal(only("Despite warnings from aid agencies, the government refused to lift the curfew.", "en").eventType, "REJECT");
  assert.equal(only("The opposition accused the government of fraud.", "en").eventType, "ACCUSE");
  // A denial after the clause's event does not replace it.
  assert.equal(only("The government prohibited aid to the rebels and denied entry to their leaders.", "en").eventType, "SANCTION");
});
