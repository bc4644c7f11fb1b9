import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { loadGazetteer, modelPath, recognizeEntities, type RecognizedEntity } from "../src/understand/ner/index.ts";
import { EmissionScorer } from "../src/understand/ner/scorer.ts";
import { countSentence, prf, type Counts } from "../src/understand/ner/conll.ts";
import { Model, spansFromTags, bioConstraints, viterbi } from "../src/understand/ner/model.ts";
import { featurize, FEATURES_PER_TOKEN } from "../src/understand/ner/features.ts";
import { splitSentences, tokenizeText } from "../src/understand/ner/tokenize.ts";
import { truecase } from "../src/understand/ner/truecase.ts";
import { constrainedDecode, trainPerceptron } from "../src/understand/ner/perceptron.ts";
import { harmonizeDocument } from "../src/understand/ner/document.ts";
import { calendarWords, wordClass, WORD_CLASS } from "../src/understand/ner/lexicon.ts";
import { Conventions, recaseShoutedLine } from "../src/understand/ner/conventions.ts";
import { sentenceErrors } from "../src/understand/ner/conll.ts";

/** Offsets of `needle` in `text` (the first occurrence), to keep expectations readable. */
function at(text: string, needle: string, type: string): { start: number; end: number; text: string; type: string } {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} not in text`);
  return { start, end: start + needle.length, text: needle, type };
}

function has(found: RecognizedEntity[], expected: ReturnType<typeof at>): boolean {
  return found.some((e) => e.start === expected.start && e.end === expected.end && e.type === expected.type && e.text === expected.text);
}

test("tokenizer keeps exact offsets and splits news-style", () => {
  const text = "Mr. O'Neill visited the U.S. on Friday, didn't he? L'avion part.";
  const tokens = tokenizeText(text, "en");
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(tokens.slice(0, 6).map((t) => t.text), ["Mr.", "O'Neill", "visited", "the", "U.S.", "on"]);
  assert.ok(tokens.some((t) => t.text === "n't"));
  assert.deepEqual(tokenizeText("l'Élysée", "fr").map((t) => t.text), ["l'", "Élysée"]);
  assert.deepEqual(tokenizeText("北京大学", "zh").map((t) => t.text), ["北", "京", "大", "学"]);
  assert.deepEqual(tokenizeText("قال الرئيس.", "ar").map((t) => t.text), ["قال", "الرئيس", "."]);
  const sentences = splitSentences(tokens, text);
  assert.equal(sentences.length, 2);
});

test("IOB2 spans and CoNLL exact-span scoring", () => {
  assert.deepEqual(spansFromTags(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]), [
    { start: 0, end: 2, type: "PER" },
    { start: 3, end: 4, type: "LOC" },
    { start: 4, end: 5, type: "LOC" },
  ]);
  const counts = new Map<string, Counts>();
  const types = new Set(["PER", "LOC"]);
  countSentence(["B-PER", "I-PER", "O", "B-LOC"], ["B-PER", "O", "O", "B-LOC"], types, counts);
  assert.deepEqual(counts.get("ALL"), { tp: 1, fp: 1, fn: 1 });
  assert.equal(prf(counts.get("ALL")!).f1, 0.5);
});

test("Viterbi never opens an entity with I-", () => {
  const labels = ["O", "B-PER", "I-PER"];
  // Emissions favour I-PER at position 0, which BIO forbids.
  const emissions = Float32Array.from([0, 1, 5, 0, 0, 5]);
  const path = viterbi(emissions, 2, 3, new Float32Array(12), bioConstraints(labels));
  assert.deepEqual(Array.from(path), [1, 2]);
});

test("truecasing lowers known common words in all-caps lines only", () => {
  const common = new Set(["win", "in"]);
  assert.deepEqual(truecase(["JAPAN", "WIN", "IN", "ASIA"], common), ["Japan", "win", "in", "Asia"]);
  assert.deepEqual(truecase(["NATO", "said", "it", "would"], common), ["NATO", "said", "it", "would"]);
});

test("perceptron learns a toy task and survives serialisation", () => {
  const header = { language: "xx", labels: ["O", "B-PER", "I-PER"], bits: 12, lowercaseWords: [], training: {} };
  const data: Array<[string[], number[]]> = [
    [["Anna", "Berg", "sings"], [1, 2, 0]],
    [["we", "met", "Anna", "Berg"], [0, 0, 1, 2]],
    [["the", "song", "is", "old"], [0, 0, 0, 0]],
    [["we", "saw", "Anna", "Berg", "today"], [0, 0, 1, 2, 0]],
  ];
  const sentences = data.map(([words, gold]) => ({ features: featurize(words, undefined, 4095), gold: Int32Array.from(gold) }));
  const { model } = trainPerceptron({ header, sentences, epochs: 5, seed: 1 });
  const restored = Model.deserialize(model.serialize());
  const words = ["yesterday", "Anna", "Berg", "left"];
  const features = featurize(words, undefined, restored.mask);
  assert.equal(features.length, words.length * FEATURES_PER_TOKEN);
  assert.deepEqual(Array.from(restored.decode(features, words.length)), [0, 1, 2, 0]);
  // The tagging path's per-word cached scores must equal the full feature computation.
  const gaz = loadGazetteer();
  const classes = { common: new Set(["yesterday", "left"]), calendar: new Set<string>() };
  const tagged = ["Yesterday", "Anna", "Berg", "left", "Paris", "for", "Anna", "."];
  const direct = restored.emissions(featurize(tagged, gaz, restored.mask, classes), tagged.length);
  const cached = new EmissionScorer(restored).emissions(tagged, gaz, classes);
  assert.equal(cached.length, direct.length);
  direct.forEach((v, k) => assert.ok(Math.abs(v - cached[k]!) < 1e-4, `score ${k}: ${v} vs ${cached[k]}`));
});

/** Sentences written for this test (not from any evaluation set), with the entities a usable tagger must find. */
const CASES: Array<{ language: string; text: string; expect: Array<[string, string]> }> = [
  {
    language: "en",
    text: "Angela Merkel met Emmanuel Macron in Berlin on Tuesday to discuss trade.",
    expect: [["Angela Merkel", "PER"], ["Emmanuel Macron", "PER"], ["Berlin", "LOC"]],
  },
  {
    language: "en",
    text: "Shares of Microsoft rose sharply, traders in London said.",
    expect: [["Microsoft", "ORG"], ["London", "LOC"]],
  },
  {
    language: "fr",
    text: "Le président Emmanuel Macron s'est rendu à Marseille jeudi pour rencontrer des élus.",
    expect: [["Emmanuel Macron", "PER"], ["Marseille", "LOC"]],
  },
  {
    language: "ru",
    text: "Владимир Путин провёл переговоры в Москве с представителями компании Газпром.",
    expect: [["Владимир Путин", "PER"], ["Москве", "LOC"]],
  },
  {
    // French names keep their lowercase adjectives and complements after the capitalised head.
    language: "fr",
    text: "La Banque centrale européenne et le Parti socialiste ont critiqué l'Agence nationale de sécurité du médicament.",
    expect: [["Banque centrale européenne", "ORG"], ["Parti socialiste", "ORG"], ["Agence nationale de sécurité du médicament", "ORG"]],
  },
  {
    language: "fr",
    text: "Oussama ben Laden a menacé la République démocratique du Congo, selon l'École nationale supérieure des mines de Nancy.",
    expect: [["Oussama ben Laden", "PER"], ["République démocratique du Congo", "LOC"], ["École nationale supérieure des mines de Nancy", "ORG"]],
  },
  {
    language: "es",
    text: "El presidente Pedro Sánchez viajó a Barcelona para reunirse con empresarios.",
    expect: [["Pedro Sánchez", "PER"], ["Barcelona", "LOC"]],
  },
  {
    language: "de",
    text: "Bundeskanzler Olaf Scholz besuchte am Montag Hamburg und lobte die Arbeit der Hafenarbeiter.",
    expect: [["Olaf Scholz", "PER"], ["Hamburg", "LOC"]],
  },
];

for (const { language, text, expect } of CASES) {
  const skip = existsSync(modelPath(language)) ? false : `no trained model for ${language} (run npm run train:ner)`;
  test(`recognizes key entities in ${language}: ${text.slice(0, 40)}...`, { skip }, () => {
    const found = recognizeEntities(text, language);
    for (const e of found) assert.equal(text.slice(e.start, e.end), e.text);
    for (const [needle, type] of expect) {
      const wanted = at(text, needle, type);
      assert.ok(has(found, wanted), `${language}: expected ${type} "${needle}" at ${wanted.start}, got ${JSON.stringify(found)}`);
    }
  });
}

test("document harmonisation: surnames become PER, repeated names keep one type", () => {
  const sentences = [
    ["Dmitri", "Peskov", "spoke", "in", "Moscow", "."],
    ["Peskov", "said", "Moscow", "would", "wait", "."],
    ["Later", ",", "Peskov", "left", "."],
  ];
  const tags = [
    ["B-PER", "I-PER", "O", "O", "B-LOC", "O"],
    ["B-LOC", "O", "O", "O", "O", "O"],
    ["O", "O", "O", "O", "O"],
  ];
  harmonizeDocument(sentences, tags, new Set(["later"]));
  assert.deepEqual(tags[1], ["B-PER", "O", "B-LOC", "O", "O", "O"]);
  assert.deepEqual(tags[2], ["O", "O", "B-PER", "O", "O"]);
});

test("calendar words come from CLDR per language and are a word class of their own", () => {
  assert.ok(calendarWords("en").has("saturday") && calendarWords("de").has("montag") && calendarWords("ru").has("марта"));
  const classes = { common: new Set(["shares"]), calendar: calendarWords("en") };
  assert.equal(wordClass("Shares", classes), WORD_CLASS.capitalisedCommon);
  assert.equal(wordClass("Friday", classes), WORD_CLASS.calendar);
  assert.equal(wordClass("Microsoft", classes), WORD_CLASS.other);
});

test("partial labels: the latent gold path agrees with every known label", () => {
  const header = { language: "xx", labels: ["O", "B-PER", "I-PER"], bits: 12, lowercaseWords: [], training: {} };
  const model = new Model(header);
  const words = ["Anna", "Berg", "sings"];
  const path = constrainedDecode(model, featurize(words, undefined, model.mask), Int32Array.from([1, -1, 0]));
  assert.equal(path[0], 1);
  assert.equal(path[2], 0);
});

test("a person or a firm, of, and a name: two names, the person or firm and where they come from", () => {
  const rules = new Conventions({ entries: { lynn: "P", john: "P" } });
  const run = (sentence: string, tags: string[]): string[] => {
    const out = tags.slice();
    rules.apply(sentence.split(" "), out, "en", new Set(["said"]));
    return out;
  };
  assert.deepEqual(run("Lynn Reaser of Barnett Banks Inc. said", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]), ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O"]);
  assert.deepEqual(run("Daniels Pharmaceuticals Inc of St. Petersburg said", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]), ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "O"]);
  // No given name, or one word before "of": one name ("Bank of England", "John of Gaunt").
  assert.deepEqual(run("Bank of England said", ["B-ORG", "I-ORG", "I-ORG", "O"]), ["B-ORG", "I-ORG", "I-ORG", "O"]);
  assert.deepEqual(run("John of Gaunt said", ["B-PER", "I-PER", "I-PER", "O"]), ["B-PER", "I-PER", "I-PER", "O"]);
});

test("a line that is only a surname, a comma and given names is one person; a comma in running text separates two", () => {
  const rules = new Conventions({ entries: {} });
  const run = (sentence: string, tags: string[], language = "en"): string[] => {
    const out = tags.slice();
    rules.apply(sentence.split(" "), out, language, new Set());
    return out;
  };
  assert.deepEqual(run("Debussy , Claude ( 1862-1918 )", ["B-PER", "O", "B-PER", "O", "O", "O"]), ["B-PER", "I-PER", "I-PER", "O", "O", "O"]);
  assert.deepEqual(run("Иванов , Иван Иванович", ["B-PER", "O", "B-PER", "I-PER"], "ru"), ["B-PER", "I-PER", "I-PER", "I-PER"]);
  assert.deepEqual(run("Smith , Jones and Brown scored", ["B-PER", "O", "B-PER", "O", "B-PER", "O"]), ["B-PER", "O", "B-PER", "O", "B-PER", "O"]);
});

test("news conventions: titles, inner words, known names, events, acronyms", () => {
  const rules = new Conventions({ entries: { "united states": "K", "u.s.": "K", iraqi: "D", europe: "A", "турция": "K" } });
  const common = new Set(["beat", "said", "police", "the"]);
  const run = (sentence: string, tags: string[], language = "en"): string[] => {
    const out = tags.slice();
    rules.apply(sentence.split(" "), out, language, common);
    return out;
  };
  // A title inside a person span is cut off; what follows it is a person.
  assert.deepEqual(run("Prime Minister Anna Berg said", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]), ["O", "O", "B-PER", "I-PER", "O"]);
  // A lowercase verb inside a span separates two names; a particle does not.
  assert.deepEqual(run("Kent beat Essex", ["B-ORG", "I-ORG", "I-ORG"]), ["B-ORG", "O", "B-ORG"]);
  assert.deepEqual(run("Bank of England", ["B-ORG", "I-ORG", "I-ORG"]), ["B-ORG", "I-ORG", "I-ORG"]);
  // Country alone is LOC whatever the model said; a nationality is MISC; inside a longer span they stay.
  assert.deepEqual(run("the U.S. and Iraqi police", ["O", "B-ORG", "O", "B-LOC", "O"]), ["O", "B-LOC", "O", "B-MISC", "O"]);
  assert.deepEqual(run("United States Steel said", ["B-ORG", "I-ORG", "I-ORG", "O"]), ["B-ORG", "I-ORG", "I-ORG", "O"]);
  // Events by their head word, with the year left out.
  assert.deepEqual(run("the 1998 World Cup", ["O", "B-ORG", "I-ORG", "I-ORG"]), ["O", "O", "B-MISC", "I-MISC"]);
  // Untagged acronyms in running text are organisations; the pronoun I is never a name.
  assert.deepEqual(run("I think the OSCE said", ["B-ORG", "O", "O", "O", "O"]), ["O", "O", "O", "B-ORG", "O"]);
  // Russian case forms of a place name; an affiliation opening a person span is split off.
  assert.deepEqual(run("визит в Турции", ["O", "O", "B-ORG"], "ru"), ["O", "O", "B-LOC"]);
  assert.deepEqual(run("президент Турции Реджеп Эрдоган", ["O", "B-PER", "I-PER", "I-PER"], "ru"), ["O", "B-LOC", "B-PER", "I-PER"]);
});

test("news conventions: initials and given names open person names; nationality runs are MISC", () => {
  const rules = new Conventions({ entries: { linda: "P", iraqi: "D", kurds: "D", polish: "DG", "first union": "K" } });
  const common = new Set(["said", "took", "bank", "foreign"]);
  const run = (sentence: string, tags: string[]): string[] => {
    const out = tags.slice();
    rules.apply(sentence.split(" "), out, "en", common);
    return out;
  };
  assert.deepEqual(run("Linda Wild won", ["B-ORG", "I-ORG", "O"]), ["B-PER", "I-PER", "O"]);
  assert.deepEqual(run("J. Adams took two", ["B-ORG", "I-ORG", "O", "O"]), ["B-PER", "I-PER", "O", "O"]);
  // An organisation word at the end keeps the organisation ("Linda Bank" is a bank).
  assert.deepEqual(run("Linda Bank said", ["B-ORG", "I-ORG", "O"]), ["B-ORG", "I-ORG", "O"]);
  // Untagged initials before a surname; not before a common word.
  assert.deepEqual(run("( P. Simmons 4-38 )", ["O", "O", "O", "O", "O"]), ["O", "B-PER", "I-PER", "O", "O"]);
  assert.deepEqual(run("A. Bank said", ["O", "O", "O"]), ["O", "O", "O"]);
  assert.deepEqual(run("the Iraqi Kurds said", ["O", "B-ORG", "I-ORG", "O"]), ["O", "B-MISC", "I-MISC", "O"]);
  // A dateline's words before the date are the place, whatever the tagger read.
  assert.deepEqual(run("MONTE CARLO 1996-08-30", ["B-PER", "I-PER", "O"]), ["B-LOC", "I-LOC", "O"]);
  // An office is no name; the nationality before it is MISC.
  assert.deepEqual(run("the Polish Foreign Minister said", ["O", "B-ORG", "I-ORG", "I-ORG", "O"]), ["O", "B-MISC", "O", "O", "O"]);
  // Attributes made of names, and events named head first.
  assert.deepEqual(run("Bergamo-based Atalanta said", ["B-ORG", "I-ORG", "O"]), ["B-MISC", "B-ORG", "O"]);
  assert.deepEqual(run("the Treaty of Baden", ["O", "B-ORG", "I-ORG", "I-ORG"]), ["O", "B-MISC", "I-MISC", "I-MISC"]);
});

test("document conventions: teams in sports reports, positional capitals, surnames", () => {
  const rules = new Conventions({ entries: { england: "R", yorkshire: "R", france: "K", nick: "P" }, commonWords: { en: ["soccer", "scorer", "division", "apple"] } });
  const run = (sentences: string[], tags: string[][]): string[][] => {
    const out = tags.map((t) => t.slice());
    rules.applyToDocument(sentences.map((s) => s.split(" ")), out, "en");
    return out;
  };
  const tag = (sentence: string, spans: Record<string, string>): string[] =>
    sentence.split(" ").map((w) => spans[w] ?? "O");
  const report = [
    "CRICKET - YORKSHIRE BEAT LEEDS",
    "Yorkshire beat Leeds by 40 runs at Headingley in Leeds on Friday .",
    "England captain Mike Atherton watched from Leeds .",
  ];
  const out = run(report, [
    tag(report[0]!, { YORKSHIRE: "B-LOC", LEEDS: "B-LOC" }),
    tag(report[1]!, { Yorkshire: "B-LOC", Leeds: "B-LOC", Headingley: "B-LOC" }),
    tag(report[2]!, { England: "B-LOC", Mike: "B-PER", Atherton: "I-PER" }),
  ]);
  // The county that beat someone is a team, and so is its name elsewhere, except where it is the venue.
  assert.deepEqual(out[1], tag(report[1]!, { Yorkshire: "B-ORG", Leeds: "B-ORG", Headingley: "B-LOC" }).map((t, i) => (i === 9 ? "B-LOC" : t)));
  // A UK nation keeps LOC, as countries do.
  assert.equal(out[2]![0], "B-LOC");
  // Result lines and standings rows name teams, whatever the tagger read; a golfer's row names a person.
  const results = ["SOCCER - ENGLISH LEAGUE RESULTS", "Aston Villa 2 Everton 0", "Chelsea 21 12 5 4 40 22 41", "Nick Faldo 70 68 71"];
  const teams = run(results, [
    tag(results[0]!, {}),
    tag(results[1]!, { Aston: "B-LOC", Villa: "I-LOC" }),
    tag(results[2]!, { Chelsea: "B-LOC" }),
    tag(results[3]!, { Nick: "B-PER", Faldo: "I-PER" }),
  ]);
  assert.deepEqual(teams[1], ["B-ORG", "I-ORG", "O", "B-ORG", "O"]);
  assert.equal(teams[2]![0], "B-ORG");
  assert.deepEqual(teams[3]!.slice(0, 2), ["B-PER", "I-PER"]);
  // Outside a sports report nothing changes.
  const plain = ["Yorkshire beat records in rainfall ."];
  assert.deepEqual(run(plain, [tag(plain[0]!, { Yorkshire: "B-LOC" })])[0], tag(plain[0]!, { Yorkshire: "B-LOC" }));
  // Common words capitalised by position are no names; one the text capitalises mid-sentence is.
  const table = ["Scorer : Gary Lineker", "Division one results", "Apple shares fell after Apple said so"];
  const untagged = run(table, [
    tag(table[0]!, { Scorer: "B-ORG", Gary: "B-PER", Lineker: "I-PER" }),
    tag(table[1]!, { Division: "B-LOC" }),
    tag(table[2]!, { Apple: "B-ORG" }),
  ]);
  assert.deepEqual(untagged[0], ["O", "O", "B-PER", "I-PER"]);
  assert.deepEqual(untagged[1], ["O", "O", "O"]);
  assert.equal(untagged[2]![0], "B-ORG");
  // A lone surname is the person named in full elsewhere, even where the tagger read a place.
  const story = ["Bill Clinton spoke .", "Clinton said ."];
  assert.deepEqual(run(story, [["B-PER", "I-PER", "O", "O"], ["B-LOC", "O", "O"]])[1], ["B-PER", "O", "O"]);
});

test("news conventions: creeds, abbreviations, offices, prefixed names, table headers, short organisation names", () => {
  const rules = new Conventions({ entries: { moslems: "F", republicans: "F", israeli: "D" } });
  const common = new Set(["said", "the", "of", "state", "often", "rally", "trade", "prices"]);
  const run = (sentence: string, tags: string[]): string[] => {
    const out = tags.slice();
    rules.apply(sentence.split(" "), out, "en", common);
    return out;
  };
  const none = (sentence: string): string[] => sentence.split(" ").map(() => "O");
  // Members of a faith or a party are MISC alone.
  assert.deepEqual(run("Moslems and Republicans rally", ["B-ORG", "O", "B-ORG", "O"]), ["B-MISC", "O", "B-MISC", "O"]);
  // Time zones are MISC, common abbreviations no names, a well-known agency an organisation.
  assert.deepEqual(run("at 1400 GMT the GDP data Reuters said", ["O", "O", "B-ORG", "O", "B-ORG", "O", "O", "O"]), ["O", "O", "B-MISC", "O", "O", "O", "B-ORG", "O"]);
  // An office is no organisation; "I" after a positional capital is no name.
  assert.deepEqual(run("the Secretary of State said", ["O", "B-ORG", "I-ORG", "I-ORG", "O"]), none("the Secretary of State said"));
  assert.deepEqual(run("Often I said", ["B-ORG", "I-ORG", "O"]), ["O", "O", "O"]);
  // A prefixed name and a country's currency are MISC.
  assert.deepEqual(run("pro-Israeli trade for US$ 5", none("pro-Israeli trade for US$ 5")), ["B-MISC", "O", "O", "B-MISC", "O"]);
  // A table header's labels are no names; an abbreviated month alone is no name.
  assert.deepEqual(run("W L T PCT", ["B-ORG", "I-ORG", "O", "B-ORG"]), ["O", "O", "O", "O"]);
  assert.deepEqual(run("prices on Dec 6", ["O", "O", "B-ORG", "O"]), none("prices on Dec 6"));
  // A shouted event name keeps its capitals through truecasing.
  assert.deepEqual(recaseShoutedLine(["WORLD", "CUP", "DRAW"], ["world", "cup", "draw"], "en"), ["World", "Cup", "draw"]);
  assert.deepEqual(recaseShoutedLine(["W", "L", "PCT"], ["W", "L", "pct"], "en"), ["W", "L", "PCT"]);
  assert.deepEqual(recaseShoutedLine(["CHILE", "OPEN", "DRAW"], ["Chile", "open", "draw"], "en"), ["Chile", "Open", "draw"]);
  assert.deepEqual(recaseShoutedLine(["SHARES", "OPEN", "LOWER"], ["shares", "open", "lower"], "en"), ["shares", "open", "lower"]);

  // Two names joined by a possessive, by "of" and a country, by "v"; a nationality before a full name.
  const joined = new Conventions({ entries: { britain: "K", sweden: "K", american: "D", nate: "P", australia: "K" } });
  const split = (sentence: string, tags: string[]): string[] => {
    const out = tags.slice();
    joined.apply(sentence.split(" "), out, "en", common);
    return out;
  };
  assert.deepEqual(split("Britain 's Monopolies Commission said", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]), ["B-LOC", "O", "B-ORG", "I-ORG", "O"]);
  assert.deepEqual(split("Smith 's Food Corp said", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]), ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]);
  assert.deepEqual(split("Jon Halvard of Sweden won", ["B-PER", "I-PER", "I-PER", "I-PER", "O"]), ["B-PER", "I-PER", "O", "B-LOC", "O"]);
  assert.deepEqual(split("American Nate Kowal won", ["B-ORG", "I-ORG", "I-ORG", "O"]), ["B-MISC", "B-PER", "I-PER", "O"]);
  assert.deepEqual(split("AUSTRALIA V PAKISTAN", ["B-ORG", "I-ORG", "I-ORG"]), ["B-LOC", "O", "B-ORG"]);
  assert.deepEqual(split("Henry V of England", ["B-PER", "I-PER", "I-PER", "I-PER"]), ["B-PER", "I-PER", "I-PER", "I-PER"]);
  assert.deepEqual(split("the New York-based fund", ["O", "B-ORG", "O", "O"]), ["O", "B-MISC", "I-MISC", "O"]);

  // Results name people: an athlete before a country in brackets, batsmen and bowlers on a scorecard; not a club.
  const results = new Conventions({ entries: { kenya: "K" } });
  const row = (sentence: string, tags: string[]): string[] => {
    const out = tags.slice();
    results.apply(sentence.split(" "), out, "en", new Set(["red", "star"]));
    return out;
  };
  assert.deepEqual(row("3. Wilson Kiprotich ( Kenya ) 13:05.21", ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O", "O"]), ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"]);
  assert.deepEqual(row("Red Star ( Kenya ) 2", ["B-ORG", "I-ORG", "O", "B-LOC", "O", "O"]), ["B-ORG", "I-ORG", "O", "B-LOC", "O", "O"]);
  assert.deepEqual(row("Tom Pollard c Harris b Okafor 33", ["B-ORG", "I-ORG", "O", "B-LOC", "O", "B-ORG", "O"]), ["B-PER", "I-PER", "O", "B-PER", "O", "B-PER", "O"]);

  assert.deepEqual(
    row("Ian Hale ( Kenya ) , Talbot Ford , 53.980", ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-PER", "I-PER", "O", "O"]),
    ["B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-ORG", "I-ORG", "O", "O"],
  );
  // A comma list mostly of people is a squad: its other names are people too.
  assert.deepEqual(row("Hale , Brennan , Tolley , Marsh .", ["B-PER", "O", "B-LOC", "O", "B-PER", "O", "B-PER", "O"]), ["B-PER", "O", "B-PER", "O", "B-PER", "O", "B-PER", "O"]);

  // Untagged scorecard names; the employer before a title; a nationality before a ministry.
  assert.deepEqual(row("Bowling : Okafor 7-0-29-0", ["O", "O", "O", "O"]), ["O", "O", "B-PER", "O"]);
  const bodies = new Conventions({ entries: { german: "D" } });
  const body = (sentence: string, tags: string[]): string[] => {
    const out = tags.slice();
    bodies.apply(sentence.split(" "), out, "en", new Set(["said", "foreign"]));
    return out;
  };
  assert.deepEqual(body("the German Foreign Ministry said", ["O", "B-ORG", "I-ORG", "I-ORG", "O"]), ["O", "B-MISC", "B-ORG", "I-ORG", "O"]);
  assert.deepEqual(
    body("Defence Ministry Spokesman Dale Hoyt said", ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]),
    ["B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O"],
  );

  // A dateline's place and its region are two places.
  assert.deepEqual(row("SPRINGFIELD , Kenya 1996-08-30", ["B-ORG", "O", "B-ORG", "O"]), ["B-LOC", "O", "B-LOC", "O"]);

  // In a document: an organisation's first word alone is the organisation; a name referred to by
  // "its" and never by "he" is an organisation; a place where a team plays stays a place.
  const doc = new Conventions({ entries: {} });
  const apply = (sentences: string[], tags: string[][]): string[][] => {
    const out = tags.map((t) => t.slice());
    doc.applyToDocument(sentences.map((s) => s.split(" ")), out, "en");
    return out;
  };
  const company = ["Zorvak Mining Corp raised output .", "Zorvak said on Friday .", "Quillo said its sales rose ."];
  const typed = apply(company, [["B-ORG", "I-ORG", "I-ORG", "O", "O", "O"], ["B-PER", "O", "O", "O", "O"], ["B-PER", "O", "O", "O", "O", "O"]]);
  assert.equal(typed[1]![0], "B-ORG");
  assert.equal(typed[2]![0], "B-ORG");
  const person = ["Quillo said his sales rose ."];
  assert.equal(apply(person, [["B-PER", "O", "O", "O", "O", "O"]])[0]![0], "B-PER");
  // A preposition opening a sentence is no part of the name after it; a title of a work keeps it.
  const openers = apply(["At Hove , rain fell .", "In the Mood played ."], [["B-ORG", "I-ORG", "O", "O", "O", "O"], ["B-MISC", "I-MISC", "I-MISC", "O", "O"]]);
  assert.deepEqual(openers[0]!.slice(0, 2), ["O", "B-ORG"]);
  assert.deepEqual(openers[1]!.slice(0, 3), ["B-MISC", "I-MISC", "I-MISC"]);
  const baseball = ["BASEBALL - MAJOR LEAGUE RESULTS", "Boston beat Denver 4-2 .", "Oakland 3 Boston 1", "Seattle won at Boston ."];
  const games = apply(baseball, [none(baseball[0]!), ["B-LOC", "O", "B-LOC", "O", "O"], ["B-LOC", "O", "B-LOC", "O"], ["B-LOC", "O", "O", "B-ORG", "O"]]);
  assert.equal(games[1]![0], "B-ORG");
  assert.equal(games[3]![3], "B-LOC");
});

test("error classes: wrong type, wrong boundary, missed, spurious", () => {
  const types = new Set(["PER", "ORG", "LOC"]);
  const kinds = (gold: string[], predicted: string[]): string[] => sentenceErrors(gold, predicted, types).map((e) => e.kind);
  assert.deepEqual(kinds(["B-LOC", "O"], ["B-ORG", "O"]), ["wrong type"]);
  assert.deepEqual(kinds(["B-PER", "I-PER", "O"], ["B-PER", "O", "O"]), ["wrong boundary"]);
  assert.deepEqual(kinds(["B-PER", "O", "O"], ["O", "O", "B-ORG"]), ["missed", "spurious"]);
  assert.deepEqual(kinds(["B-PER", "O"], ["B-PER", "O"]), []);
});
