/**
 * NER step: recognise PER / ORG / LOC / MISC names in text, one trained linear model per language
 * (data/ner/<lang>.bin.gz, made by `npm run train:ner`), loaded lazily once per process.
 */
import { existsSync, readFileSync } from "node:fs";
import { Conventions, lowercaseNameWords, recaseShoutedLine, type ConventionsData } from "./conventions.ts";
import { conventionsPath, loadGazetteer, modelPath, NER_DATA_DIR, readNameList } from "./data.ts";
export { conventionsPath, gazetteerPath, loadGazetteer, modelPath, NER_DATA_DIR } from "./data.ts";
import { GAZETTEER_KINDS, type Gazetteer } from "./gazetteer.ts";
import { wordClassesFor, type WordClasses } from "./lexicon.ts";
import { harmonizeDocument } from "./document.ts";
import { Model, spansFromTags, viterbi, type EntityType } from "./model.ts";
import { EmissionScorer } from "./scorer.ts";
import { splitSentences, tokenizeText } from "./tokenize.ts";
import { truecase, type CommonWordLookup } from "./truecase.ts";
import { hasLetterOrDigit, isLowerLatin, startsLowercase } from "../../letters.ts";

export type { EntityType } from "./model.ts";

export interface RecognizedEntity {
  /** character offsets into the given text, end exclusive */
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

/** Language used when a text's language has no model of its own. */
export const FALLBACK_LANGUAGE = "en";

export interface LoadedModel {
  model: Model;
  lowercaseWords: Set<string>;
  /** word classes read as features (common words, calendar words) */
  classes: WordClasses;
  scorer: EmissionScorer;
}

/** Training record key set on models trained with the title/organisation word classes. */
export const TRIGGER_CLASSES_FLAG = "triggerClasses";

/** A loaded model's companions, built from its header. */
export function loadedModel(model: Model): LoadedModel {
  const lowercaseWords = new Set(model.header.lowercaseWords);
  const classes = wordClassesFor(model.header.language, lowercaseWords, model.header.training[TRIGGER_CLASSES_FLAG] === true);
  return { model, lowercaseWords, classes, scorer: new EmissionScorer(model) };
}

const models = new Map<string, LoadedModel | null>();
let conventions: Conventions | undefined;

export function loadConventions(): Conventions {
  conventions ??= new Conventions(readNameList<ConventionsData>(conventionsPath()));
  return conventions;
}

function loadModel(language: string): LoadedModel | null {
  if (!models.has(language)) {
    const path = modelPath(language);
    const model = existsSync(path) ? Model.deserialize(readFileSync(path)) : null;
    models.set(language, model && loadedModel(model));
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

/** IOB2 tags for one pre-tokenised sentence (a document of one sentence). */
export function tagTokens(words: readonly string[], language: string): string[] {
  return tagDocument([words], language)[0]!;
}

/** The model's tagging of one sentence: truecase (with the model's own vocabulary), features, Viterbi. */
export function tagWithModel(loaded: LoadedModel, words: readonly string[], gaz: Gazetteer): string[] {
  return tagTruecased(loaded, truecase(words, loaded.lowercaseWords), gaz);
}

/** The model's tagging of one sentence already truecased: features, Viterbi. */
function tagTruecased(loaded: LoadedModel, cased: readonly string[], gaz: Gazetteer): string[] {
  if (cased.length === 0) return [];
  const { model, classes, scorer } = loaded;
  const path = viterbi(scorer.emissions(cased, gaz, classes), cased.length, model.labels.length, model.transitions, model.allowed);
  return Array.from(path, (l) => model.labels[l]!);
}

// Module-level tests: closures made inside hot functions cost an allocation (and a name wrapper) per call.
const UPPER_OR_DIGIT_INITIAL = /^[\p{Lu}\p{Lt}\p{N}]/u;
const UPPER_OR_TITLECASE_INITIAL = /^[\p{Lu}\p{Lt}]/u;
const isUpper = (word: string): boolean => UPPER_OR_DIGIT_INITIAL.test(word);
const startsUpperOrTitlecase = (word: string): boolean => UPPER_OR_TITLECASE_INITIAL.test(word);

/**
 * IOB2 tags for the sentences of one document, made consistent across it (document.ts), with
 * news-style boundaries and types (conventions.ts).
 */
export function tagDocument(sentences: ReadonlyArray<readonly string[]>, language: string): string[][] {
  const loaded = modelFor(language);
  const gaz = loadGazetteer();
  const rules = loadConventions();
  const modelLanguage = loaded.model.header.language;
  // Shouted lines are truecased with the dictionary's common words too, where the language has them.
  const commonWords: CommonWordLookup = {
    has: (word) => loaded.lowercaseWords.has(word) || (rules.isCommonWord(word, modelLanguage) && !rules.startsListedName(word)),
  };
  const cased = sentences.map((words) => recaseShoutedLine(words, truecase(words, commonWords), modelLanguage));
  const tags = cased.map((words) => tagTruecased(loaded, words, gaz));
  harmonizeDocument(sentences, tags, loaded.lowercaseWords);
  const isCommonWord = (word: string): boolean => commonWords.has(word.toLowerCase());
  sentences.forEach((words, i) => {
    trimLowercaseEdges(words, tags[i]!, modelLanguage, isCommonWord);
    rules.apply(cased[i]!, tags[i]!, modelLanguage, loaded.lowercaseWords);
  });
  rules.applyToDocument(cased, tags, modelLanguage, loaded.lowercaseWords, (name) => gaz.kindsOf(name.toLowerCase())?.includes(GAZETTEER_KINDS.city) ?? false);
  return tags;
}

/**
 * In a cased script a name starts and ends with a capitalised word or a digit: lower-case words at a
 * span's edges are context the model pulled in ("attaque de drones", "Minsk de directement"), so
 * they are cut off (particles inside a name stay: "Charles de Gaulle"), and a span left with no
 * capitalised word is dropped. Caseless scripts are untouched.
 */
function trimLowercaseEdges(words: readonly string[], tags: string[], language: string, isCommonWord: (word: string) => boolean): void {
  for (const span of spansFromTags(tags)) {
    let { start, end } = span;
    while (start < end && (startsLowercase(words[start]!) || !hasLetterOrDigit(words[start]!))) start++;
    // Slavic names end in a lower-case generic word ("Київська область", "Чёрное море"), French ones
    // in adjectives ("Assemblée nationale"): keep those.
    const ofName = start < end ? lowercaseNameWords(words, start, end, language, isCommonWord) : new Set<number>();
    while (end > start && ((isLowerLatin(words[end - 1]!) && !ofName.has(end - 1)) || !hasLetterOrDigit(words[end - 1]!))) end--;
    const cased = words.slice(span.start, span.end).some((w) => startsLowercase(w) || isUpper(w));
    if (!cased) continue;
    for (let i = span.start; i < span.end; i++) tags[i] = "O";
    if (start < end && words.slice(start, end).some(startsUpperOrTitlecase)) {
      tags[start] = `B-${span.type}`;
      for (let i = start + 1; i < end; i++) tags[i] = `I-${span.type}`;
    }
  }
}

/** Named entities in `text` with character offsets; `language` is an ISO 639-1 code. */
export function recognizeEntities(text: string, language: string): RecognizedEntity[] {
  const tokens = tokenizeText(text, language);
  const entities: RecognizedEntity[] = [];
  const sentences = splitSentences(tokens, text);
  const documentTags = tagDocument(sentences.map((sentence) => sentence.map((t) => t.text)), language);
  for (const [s, sentence] of sentences.entries()) {
    const tags = documentTags[s]!;
    for (const span of spansFromTags(tags)) {
      const start = sentence[span.start]!.start;
      const end = sentence[span.end - 1]!.end;
      entities.push({ start, end, text: text.slice(start, end), type: span.type as EntityType });
    }
  }
  return entities;
}
