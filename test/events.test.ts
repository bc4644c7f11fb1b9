import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { codeEvents } from "../src/understand/events.ts";
import { sharedPath } from "../eval/shared.ts";

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
  const types = events.map((e) => e.eventType);
  for (const t of ["CONSULT", "ASSAULT", "MOBILIZE", "REJECT"]) assert.ok(types.includes(t as never), `${t} in ${types.join(",")}`);
  const reject = events.find((e) => e.eventType === "REJECT")!;
  assert.match(reject.actor!.text, /Peskov|porte-parole/);
  const downed = events.find((e) => e.eventType === "ASSAULT" && /abattu/.test(e.trigger.text));
  assert.ok(downed, "missiles shot down");
  assert.equal(downed.date?.slice(0, 10), "2022-12-19");
});
