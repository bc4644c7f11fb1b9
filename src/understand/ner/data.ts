/**
 * NER step: where the trained models and name lists live, and the gazetteer, loaded once. Apart from
 * index.ts so that the conventions can read the gazetteer without importing the tagger.
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Gazetteer, type NameListData } from "./gazetteer.ts";

/** Model directory; SITREP_NER_DIR points elsewhere (candidate models under evaluation). */
export const NER_DATA_DIR = process.env.SITREP_NER_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../../data/ner");

export function gazetteerPath(): string {
  return resolve(NER_DATA_DIR, "gazetteer.json.gz");
}

export function conventionsPath(): string {
  return resolve(NER_DATA_DIR, "conventions.json.gz");
}

/** A gzipped name-list file; an absent one (models not trained yet) is an empty list. */
export function readNameList<Data extends NameListData>(path: string): Data {
  return (existsSync(path) ? JSON.parse(gunzipSync(readFileSync(path)).toString()) : { entries: {} }) as Data;
}

export function modelPath(language: string): string {
  return resolve(NER_DATA_DIR, `${language}.bin.gz`);
}

let gazetteer: Gazetteer | undefined;

export function loadGazetteer(): Gazetteer {
  gazetteer ??= new Gazetteer(readNameList(gazetteerPath()));
  return gazetteer;
}
