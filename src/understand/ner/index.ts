/**
 * NER step: recognise PER / ORG / LOC / MISC names in text, one trained linear model per language
 * (data/ner/<lang>.bin.gz, made by `npm run train:ner`), loaded lazily once per process.
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { featurize } from "./features.ts";
import { Gazetteer, GAZETTEER_KINDS, type GazetteerData } from "./gazetteer.ts";
import { Model, spansFromTags, type EntityType } from "./model.ts";
import { splitSentences, tokenizeText } from "./tokenize.ts";
import { truecase } from "./truecase.ts";

export type { EntityType } from "./model.ts";

export interface RecognizedEntity {
  /** character offsets into the given text, end exclusive */
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

export const NER_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../data/ner");

/** Language used when a text's language has no model of its own. */
export const FALLBACK_LANGUAGE = "en";

/**
 * Languages whose news convention (CoNLL) tags nationality words as MISC while the training data
 * (WikiANN) has no MISC: there a capitalised demonym the model left untagged becomes MISC.
 */
export const DEMONYM_MISC_LANGUAGES = new Set(["en"]);

export interface LoadedModel {
  model: Model;
  lowercaseWords: Set<string>;
}

const models = new Map<string, LoadedModel | null>();
let gazetteer: Gazetteer | undefined;

export function gazetteerPath(): string {
  return resolve(NER_DATA_DIR, "gazetteer.json.gz");
}

export function modelPath(language: string): string {
  return resolve(NER_DATA_DIR, `${language}.bin.gz`);
}

export function loadGazetteer(): Gazetteer {
  if (!gazetteer) {
    const path = gazetteerPath();
    const data: GazetteerData = existsSync(path) ? JSON.parse(gunzipSync(readFileSync(path)).toString()) : { entries: {} };
    gazetteer = new Gazetteer(data);
  }
  return gazetteer;
}

function loadModel(language: string): LoadedModel | null {
  if (!models.has(language)) {
    const path = modelPath(language);
    const model = existsSync(path) ? Model.deserialize(readFileSync(path)) : null;
    models.set(language, model && { model, lowercaseWords: new Set(model.header.lowercaseWords) });
  }
  return models.get(language)!;
}

/** The model for `language`, else the fallback model; throws when no model was trained. */
export function modelFor(language: string): LoadedModel {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? "";
  const model = loadModel(base) ?? loadModel(FALLBACK_LANGUAGE);
  if (!model) throw new Error(`no NER model in ${NER_DATA_DIR}; run npm run train:ner`);
  return model;
}

/** IOB2 tags for one pre-tokenised sentence. */
export function tagTokens(words: readonly string[], language: string): string[] {
  return tagWithModel(modelFor(language), words, loadGazetteer());
}

/** The whole tagging path for one sentence: truecase, features, Viterbi, MISC rule. */
export function tagWithModel(loaded: LoadedModel, words: readonly string[], gaz: Gazetteer): string[] {
  if (words.length === 0) return [];
  const { model, lowercaseWords } = loaded;
  const cased = truecase(words, lowercaseWords);
  const path = model.decode(featurize(cased, gaz, model.mask), words.length);
  const tags = Array.from(path, (l) => model.labels[l]!);
  if (DEMONYM_MISC_LANGUAGES.has(model.header.language)) markDemonyms(cased, tags, gaz);
  return tags;
}

/** A capitalised demonym alone (untagged, or tagged as a one-word name) is MISC in CoNLL style. */
function markDemonyms(words: readonly string[], tags: string[], gaz: Gazetteer): void {
  words.forEach((word, i) => {
    const alone = tags[i] === "O" || (tags[i]!.startsWith("B-") && !tags[i + 1]?.startsWith("I-"));
    if (!alone || !/^\p{Lu}/u.test(word)) return;
    const kinds = gaz.kindsOf(word.toLowerCase());
    if (kinds?.includes(GAZETTEER_KINDS.demonym) && !kinds.includes(GAZETTEER_KINDS.country)) tags[i] = "B-MISC";
  });
}

/** Named entities in `text` with character offsets; `language` is an ISO 639-1 code. */
export function recognizeEntities(text: string, language: string): RecognizedEntity[] {
  const tokens = tokenizeText(text, language);
  const entities: RecognizedEntity[] = [];
  for (const sentence of splitSentences(tokens, text)) {
    const tags = tagTokens(sentence.map((t) => t.text), language);
    for (const span of spansFromTags(tags)) {
      const start = sentence[span.start]!.start;
      const end = sentence[span.end - 1]!.end;
      entities.push({ start, end, text: text.slice(start, end), type: span.type as EntityType });
    }
  }
  return entities;
}
