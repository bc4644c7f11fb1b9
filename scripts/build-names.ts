/**
 * Build the people/organisation name table: `npm run build:names` -> data/names/names.json.gz.
 *
 * Inputs (read-only, MIT; see data/names/README.md): the PETRARCH / UniversalPetrarch actor dictionaries in
 * ../shared/train/events (en: Phoenix.Countries, Phoenix.International, Phoenix.MilNonState; es: actors_unified).
 * An actor record is a primary phrase, "+" synonyms and date-bounded role codes (RUSGOV >080508).
 * Steps: parse records -> type (PER/ORG; countries skipped: geocoding owns places) -> drop title-bearing
 * forms ("PRESIDENT_PUTIN") -> merge records of one actor across files -> canonical name by vote of spellings.
 * Deterministic: same inputs, same bytes.
 */
import { prominentPlace } from "../src/understand/geocode.ts";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { requireShared } from "../eval/shared.ts";
import { NAMES_DIR, NAMES_PATH, type NameEntry, type NamesFile, type NameType } from "../src/understand/link/table.ts";
import { nameWords, phoneticWord, plainKey, plainLatin, skeletonKey } from "../src/understand/link/keys.ts";

const SOURCES: Array<{ file: string[]; lang: "en" | "es" }> = [
  { file: ["train", "events", "en", "Phoenix.Countries.actors.txt"], lang: "en" },
  { file: ["train", "events", "en", "Phoenix.International.actors.txt"], lang: "en" },
  { file: ["train", "events", "en", "Phoenix.MilNonState.actors.txt"], lang: "en" },
  { file: ["train", "events", "es", "actors_unified_181220.txt"], lang: "es" },
];

/** Words that make a phrase an organisation's name (English and Spanish dictionaries). */
const ORGANISATION_WORDS = new Set(
  `organization organisation organizacion front frente army ejercito party partido committee comite union council
  consejo brigade brigades brigada brigadas movement movimiento force forces fuerza fuerzas group grupo association
  asociacion agency agencia bank banco fund fondo commission comision court corte tribunal institute instituto nations
  naciones corporation corporacion company compania inc ltd corp co ministry ministerio office oficina program programme
  programa center centre centro federation federacion league liga alliance alianza foundation fundacion society sociedad
  board conference conferencia assembly asamblea coalition coalicion bloc bloque cells celulas nuclei guerrilla commando
  comando militia milicia battalion batallon regiment organizations network airlines airways holdings group petroleum
  energy motors university universidad church iglesia red cross cruz`.split(/\s+/),
);

/** Comments the dictionaries put on records of individual rulers and officials. */
const PERSON_SOURCE_COMMENT = /countryinfo|rulers/i;

/**
 * A word in the name forms of at least this many people, yet in few of their primary names, is a title or
 * role ("president", "minister"); given names ("Alexander") are common too but head primary names.
 */
const ROLE_WORD_MIN_PEOPLE = 25;
const ROLE_WORD_MAX_PRIMARY_SHARE = 0.2;

/** Readable form: these words stay lower case inside a name ("Organización de las Naciones Unidas"). */
const LOWER_PARTICLES = new Set(["of", "the", "and", "for", "in", "on", "de", "del", "la", "las", "los", "el", "y", "en", "para", "du", "des", "le", "da", "do", "dos", "van", "von", "bin", "ibn", "al"]);

/** An organisation name of one word up to this long, all capitals, is an acronym and stays in capitals. */
const ACRONYM_MAX_LETTERS = 6;

interface Role {
  code: string;
  /** Sort key of the role's end: open-ended roles ("> date") last = current. */
  until: number;
}

interface RawRecord {
  lang: "en" | "es";
  primary: string;
  synonyms: string[];
  roles: Role[];
  comments: string[];
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** YYMMDD or YYYYMMDD -> YYYYMMDD number (two-digit years: > 30 is 19xx). */
function dateNumber(text: string): number {
  if (text.length >= 8) return Number(text.slice(0, 8));
  const yy = Number(text.slice(0, 2));
  return (yy > 30 ? 19000000 : 20000000) + Number(text.slice(0, 6));
}

function parseRoles(text: string): Role[] {
  const roles: Role[] = [];
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    const [code, restriction] = m[1]!.trim().split(/\s+/);
    if (!code || !/^[A-Z]{3,}$/.test(code)) continue;
    let until = 0; // a default role (no dates) ranks below dated ones
    if (restriction?.startsWith(">")) until = 99999999;
    else if (restriction?.startsWith("<")) until = dateNumber(restriction.slice(1));
    else if (restriction?.includes("-")) until = dateNumber(restriction.split("-")[1]!);
    roles.push({ code, until });
  }
  return roles;
}

function parseDictionary(text: string, lang: "en" | "es"): RawRecord[] {
  const records: RawRecord[] = [];
  let current: RawRecord | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*#/.test(line) || !line.trim()) continue;
    const hash = line.indexOf("#");
    const body = hash >= 0 ? line.slice(0, hash) : line;
    const comment = hash >= 0 ? line.slice(hash + 1) : "";
    if (!body.trim()) continue;
    if (/^\s/.test(line) && body.trim().startsWith("[")) {
      current?.roles.push(...parseRoles(body));
      continue;
    }
    const phrase = body.replace(/\[[^\]]*\]/g, " ").replace(/^\s*\+/, "").trim();
    if (body.trimStart().startsWith("+")) {
      if (current && phrase) current.synonyms.push(phrase);
      if (current && comment) current.comments.push(comment);
      continue;
    }
    if (!phrase) continue;
    current = { lang, primary: phrase, synonyms: [], roles: parseRoles(body), comments: comment ? [comment] : [] };
    records.push(current);
  }
  return records;
}

/** "VLADIMIR_V._PUTIN_" -> "VLADIMIR V. PUTIN". */
function phraseText(phrase: string): string {
  return phrase.replace(/_/g, " ").replace(/\s+/g, " ").trim();
}

function readable(text: string, type: NameType): string {
  const words = text.split(" ");
  if (type === "ORG" && words.length === 1 && /^[\p{Lu}.]+$/u.test(text) && text.replace(/\./g, "").length <= ACRONYM_MAX_LETTERS) return text;
  return words
    .map((word, i) => {
      const lower = word.toLocaleLowerCase();
      if (i > 0 && LOWER_PARTICLES.has(lower)) return lower;
      if (type === "ORG" && /^\([\p{Lu}.]{2,8}\)$/u.test(word)) return word; // "(ONU)"
      return lower.replace(/(^|[-'(])(\p{L})/gu, (_, pre: string, letter: string) => pre + letter.toLocaleUpperCase());
    })
    .join(" ");
}

function typeOf(record: RawRecord, givenNames: Set<string>): NameType | "LOC" | undefined {
  const words = nameWords(record.primary.replace(/_/g, " ")).map(plainLatin);
  const hasDates = record.roles.some((r) => r.until > 0);
  const bareCountry = record.roles.length > 0 && record.roles.every((r) => r.code.length === 3 && r.until === 0);
  if (bareCountry) return "LOC";
  if (words.some((w) => ORGANISATION_WORDS.has(w))) return "ORG";
  if (hasDates || record.comments.some((c) => PERSON_SOURCE_COMMENT.test(c))) return "PER";
  if (record.roles.some((r) => r.code.endsWith("ELI"))) return "PER";
  if (givenNames.size && words.length >= 2 && words.length <= 4 && givenNames.has(words[0]!)) return "PER";
  if (record.roles.length === 0 && record.synonyms.length === 0) return undefined; // nothing says what it is
  return "ORG";
}

interface Actor {
  type: NameType;
  records: RawRecord[];
  /** Name forms (spaces, original letters), first the primary. */
  forms: string[];
  roles: Role[];
}

/** Levenshtein distance, small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Two name forms share a word, allowing the spelling drift of transliterations (Lukasenka ~ Lukashenko). */
function shareWord(a: string, b: string): boolean {
  const wa = nameWords(a).filter((w) => w.length >= 3).map((w) => phoneticWord(w));
  const wb = nameWords(b).filter((w) => w.length >= 3).map((w) => phoneticWord(w));
  return wa.some((x) => wb.some((y) => x === y || distance(x, y) <= Math.min(2, Math.floor(Math.min(x.length, y.length) / 3))));
}

/** Some person records list different people as synonyms (successive rulers): those become records of their own. */
function splitPeople(record: RawRecord): RawRecord[] {
  const kept: string[] = [record.primary];
  const others: RawRecord[] = [];
  for (const synonym of record.synonyms) {
    if (kept.some((k) => shareWord(phraseText(k), phraseText(synonym)))) kept.push(synonym);
    else others.push({ ...record, primary: synonym, synonyms: [] });
  }
  return [{ ...record, synonyms: kept.slice(1) }, ...others];
}

class UnionFind {
  private parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function countryOf(roles: Role[]): Set<string> {
  return new Set(roles.map((r) => r.code.slice(0, 3)));
}

function compatible(a: Actor, b: Actor): boolean {
  if (a.type !== b.type) return false;
  const ca = countryOf(a.roles);
  const cb = countryOf(b.roles);
  return ca.size === 0 || cb.size === 0 || [...ca].some((c) => cb.has(c));
}

/** The spelling most attested across the forms: each word scores the number of forms using it. */
function canonicalForm(forms: Array<{ text: string; lang: string }>, type: NameType, primary: string): string {
  if (type === "ORG") return primary;
  const plain = [...new Map(forms.map((f) => [`${f.lang}\u0000${plainKey(f.text)}`, f.text])).values()];
  const counts = new Map<string, number>();
  for (const f of plain) for (const w of new Set(nameWords(f).map(plainLatin))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const candidates = plain.filter((f) => !/\b\p{L}\./u.test(f) && nameWords(f).length >= 2);
  if (candidates.length === 0) return primary;
  const fewest = Math.min(...candidates.map((f) => nameWords(f).length));
  const score = (f: string) => nameWords(f).map(plainLatin).reduce((s, w) => s + (counts.get(w) ?? 0), 0);
  const pool = candidates.filter((f) => nameWords(f).length === fewest);
  pool.sort((a, b) => score(b) - score(a) || Number(b === primary) - Number(a === primary) || Number(/^[\x00-\x7f]*$/.test(b)) - Number(/^[\x00-\x7f]*$/.test(a)) || a.localeCompare(b));
  return pool[0]!;
}

function slug(text: string): string {
  return plainKey(text).replace(/ /g, "-") || "x";
}

/** CAMEO's transnational actor types, written before the country code. */
const TRANSNATIONAL_CODES = new Set(["IGO", "NGO", "MNC", "INT", "UNO", "IMG", "REF", "SPY"]);

function main(): void {
  const raw: RawRecord[] = [];
  for (const source of SOURCES) raw.push(...parseDictionary(decode(readFileSync(requireShared(...source.file))), source.lang));

  // First pass: people known from role dates, whose first words are given names for the second pass.
  const givenNames = new Set<string>();
  for (const r of raw) if (typeOf(r, new Set()) === "PER") {
    const words = nameWords(phraseText(r.primary)).map(plainLatin);
    if (words.length >= 2) givenNames.add(words[0]!);
  }

  const actors: Actor[] = [];
  for (const record of raw) {
    const type = typeOf(record, givenNames);
    if (type !== "PER" && type !== "ORG") continue;
    for (const r of type === "PER" ? splitPeople(record) : [record]) {
      actors.push({ type, records: [r], forms: [r.primary, ...r.synonyms].map(phraseText), roles: r.roles });
    }
  }

  // A one-word form that is a well-known place ("Kiev" listed under a country's government) belongs to
  // geocoding, not to the name table: drop it, and an actor left with no form.
  for (const a of actors) a.forms = a.forms.filter((f) => nameWords(f).length > 1 || !prominentPlace(f));
  actors.splice(0, actors.length, ...actors.filter((a) => a.forms.length > 0));

  // Title and role words: words in the forms of many people, outside each person's shortest full name.
  const peopleWithWord = new Map<string, number>();
  const primariesWithWord = new Map<string, number>();
  for (const a of actors) if (a.type === "PER") {
    for (const w of new Set(a.forms.flatMap((f) => nameWords(f).map(plainLatin)))) peopleWithWord.set(w, (peopleWithWord.get(w) ?? 0) + 1);
    for (const w of new Set(nameWords(a.forms[0]!).map(plainLatin))) primariesWithWord.set(w, (primariesWithWord.get(w) ?? 0) + 1);
  }
  for (const a of actors) if (a.type === "PER") {
    const full = a.forms.filter((f) => nameWords(f).length >= 2).sort((x, y) => nameWords(x).length - nameWords(y).length)[0] ?? a.forms[0]!;
    const own = new Set(nameWords(full).map(plainLatin));
    const isRole = (w: string) => {
      const people = peopleWithWord.get(w) ?? 0;
      return !own.has(w) && people >= ROLE_WORD_MIN_PEOPLE && (primariesWithWord.get(w) ?? 0) < ROLE_WORD_MAX_PRIMARY_SHARE * people;
    };
    a.forms = a.forms.filter((f) => !nameWords(f).map(plainLatin).some(isRole));
    if (a.forms.length === 0) a.forms = [full];
  }

  // Merge the records of one actor: a shared full name form, or (people) one skeleton and one role code.
  const uf = new UnionFind();
  const ids = actors.map(() => uf.add());
  const byForm = new Map<string, number[]>();
  for (let i = 0; i < actors.length; i++) {
    const a = actors[i]!;
    const keys = new Set<string>();
    for (const f of a.forms) {
      const words = nameWords(f);
      const key = plainKey(f);
      if (words.length >= 2 || (a.type === "ORG" && key.length >= 4)) keys.add(`${a.type}:${key}`);
      if (a.type === "PER" && words.length >= 2) for (const r of a.roles) keys.add(`S:${r.code}:${skeletonKey(f)}`);
    }
    for (const k of keys) {
      const list = byForm.get(k) ?? [];
      for (const j of list) if (compatible(a, actors[j]!)) uf.union(ids[i]!, ids[j]!);
      list.push(i);
      byForm.set(k, list);
    }
  }
  const groups = new Map<number, Actor[]>();
  for (let i = 0; i < actors.length; i++) {
    const root = uf.find(ids[i]!);
    const list = groups.get(root) ?? [];
    list.push(actors[i]!);
    groups.set(root, list);
  }

  const entries: NameEntry[] = [];
  for (const group of groups.values()) {
    const type = group[0]!.type;
    const forms = group.flatMap((a) => a.forms.map((text) => ({ text, lang: a.records[0]!.lang })));
    const english = group.find((a) => a.records[0]!.lang === "en") ?? group[0]!;
    const primary = english.forms[0] ?? forms[0]?.text;
    if (!primary) continue;
    const canonical = readable(canonicalForm(forms, type, primary), type);
    const aliases = new Map<string, string>();
    for (const f of forms) {
      const r = readable(f.text, type);
      const key = r.toLocaleLowerCase();
      if (r !== canonical && !aliases.has(key) && key !== canonical.toLocaleLowerCase()) aliases.set(key, r);
    }
    const roles = group.flatMap((a) => a.roles).sort((x, y) => y.until - x.until || x.code.localeCompare(y.code));
    const current = roles[0]?.code;
    const entry: NameEntry = {
      id: "",
      name: canonical,
      type,
      aliases: [...aliases.values()].sort(),
      weight: new Set(forms.map((f) => plainKey(f.text))).size,
    };
    if (current) {
      // CAMEO writes transnational actors type first ("MNCUSA": a US multinational): swap those into place.
      const [first, second] = [current.slice(0, 3), current.slice(3, 6)];
      const transnational = TRANSNATIONAL_CODES.has(first);
      entry.country = transnational ? second || first : first;
      const sector = transnational ? (second ? first : "") : second;
      if (sector) entry.sector = sector;
    }
    entries.push(entry);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type) || (a.country ?? "").localeCompare(b.country ?? "") || b.weight - a.weight);
  const used = new Map<string, number>();
  for (const e of entries) {
    const base = `name:${slug(e.name)}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    e.id = n === 1 ? base : `${base}-${n}`;
  }

  const file: NamesFile = {
    sources: SOURCES.map((s) => `shared/${s.file.join("/")}`),
    entries,
  };
  mkdirSync(NAMES_DIR, { recursive: true });
  const bytes = gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
  writeFileSync(NAMES_PATH, bytes);
  const people = entries.filter((e) => e.type === "PER").length;
  console.log(`records ${raw.length}, actors ${actors.length}, entries ${entries.length} (PER ${people}, ORG ${entries.length - people})`);
  console.log(`aliases ${entries.reduce((s, e) => s + e.aliases.length, 0)}, wrote ${NAMES_PATH} (${(bytes.length / 1024).toFixed(0)} KiB)`);
}

main();
