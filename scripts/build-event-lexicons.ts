/**
 * Builds the derived trigger lexicons data/events/cameo.{en,es}.txt from the open CAMEO/PETRARCH verb
 * dictionaries (MIT; ../shared/train/events) mapped to PLOVER with CAMEO2PLOVER-2021.txt.
 *
 * Process (documented in data/events/README.md):
 *  1. Read each verb block ("--- NAME [code] ---"): its verbs (with irregular forms in braces) and the
 *     block's default code; a verb's own [code] overrides it. A block without a default takes the code
 *     most of its patterns give, when at least MAJORITY of them agree.
 *  2. Map the CAMEO code to a PLOVER type, mode and context (longest matching code prefix in the
 *     table; CAMEO 02 "appeal" folds into REQUEST as PLOVER does; 01 "make statement" is no event).
 *  3. English verbs get their regular forms (-s, -ed, -ing); Spanish verbs become stem prefixes
 *     (infinitive minus -ar/-er/-ir), kept only when the stem is long enough to be specific.
 * Run: node --import tsx scripts/build-event-lexicons.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { requireShared, REPO_DIR } from "../eval/shared.ts";

/** Share of a default-less block's patterns that must agree on one code for its verbs to take it. */
const MAJORITY = 0.6;
const MIN_PATTERNS = 3;
/** Spanish stems shorter than this match too many unrelated words as prefixes. */
const MIN_ES_STEM = 5;
/** Verbs too generic to trigger an event on their own, whatever the dictionary says. */
const TOO_GENERIC = new Set([
  "say", "tell", "be", "have", "do", "make", "take", "give", "get", "go", "come", "put", "set", "see", "hold", "keep",
  "call", "leave", "run", "move", "turn", "bring", "show", "find", "use", "work", "play", "meet_with", "express",
  "decir", "hacer", "tener", "estar", "poner", "llevar", "dejar", "pasar", "seguir", "tomar", "llamar", "venir",
]);

/**
 * Reporting verbs (verba dicendi) and light or aspectual verbs: the event, if any, is in their complement
 * ("anunció una huelga", "began shelling", "organizó una marcha"), which the lexicons code on its own; the
 * dictionaries give these verbs a code only inside their patterns.
 */
const SPEECH_AND_LIGHT = new Set([
  "state", "announce", "report", "add", "note", "explain", "declare", "stress", "remind", "comment", "reveal",
  "confirm", "mention", "respond", "reply", "begin", "start", "continue", "resume", "organize", "order", "decide",
  "try", "attempt", "conduct", "carry_out", "present", "establish", "prepare", "plan",
  "decir", "afirmar", "declarar", "anunciar", "informar", "señalar", "indicar", "precisar", "explicar", "añadir",
  "agregar", "sostener", "manifestar", "expresar", "recordar", "comentar", "asegurar", "subrayar", "destacar",
  "reiterar", "estimar", "considerar", "opinar", "revelar", "confirmar", "mencionar", "apuntar", "aclarar",
  "puntualizar", "responder", "replicar", "contestar", "notificar", "comunicar", "divulgar", "publicar",
  "proclamar", "pronunciar", "comenzar", "empezar", "iniciar", "continuar", "proseguir", "terminar", "concluir",
  "finalizar", "culminar", "realizar", "efectuar", "mantener", "establecer", "presentar", "ordenar", "decidir",
  "intentar", "tratar", "lograr", "conseguir", "organizar", "convocar", "preparar", "planear", "planificar",
  "protagonizar",
]);

interface PloverCode { type: string; mode: string; context: string }

/** "TYPE | pattern, ..." pairs of data/events/cameo-wrong.<lang>.txt: derived triggers wrong for the type by meaning. */
function readWrong(language: string): Set<string> {
  const path = resolve(REPO_DIR, `data/events/cameo-wrong.${language}.txt`);
  const wrong = new Set<string>();
  if (!existsSync(path)) return wrong;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [type, patterns] = line.split("|").map((s) => s.trim());
    for (const p of (patterns ?? "").split(",")) if (p.trim()) wrong.add(`${type}\t${p.trim()}`);
  }
  return wrong;
}

function readPloverTable(): Map<string, PloverCode> {
  const table = new Map<string, PloverCode>();
  const text = readFileSync(requireShared("eval/plover/CAMEO2PLOVER-2021.txt"), "utf8");
  for (const line of text.split("\n")) {
    const m = /^(\d{2,4}):\s*([A-Z]+)\s*,?\s*([^,#]*)?,?\s*([^#]*)?/.exec(line);
    if (!m) continue;
    table.set(m[1]!, { type: m[2]!, mode: (m[3] ?? "").trim(), context: (m[4] ?? "").trim().replace(/\s*;\s*/g, ";") });
  }
  return table;
}

function ploverOf(code: string, table: Map<string, PloverCode>): PloverCode | undefined {
  const c = code.split(":")[0]!.trim();
  if (!/^\d{2,4}$/.test(c) || c.startsWith("01")) return undefined;
  if (c.startsWith("02")) return { type: "REQUEST", mode: "", context: "" };
  for (let n = c.length; n >= 2; n--) {
    const hit = table.get(c.slice(0, n));
    if (hit) return hit;
  }
  return undefined;
}

interface Verb { forms: string[]; code?: string }
interface Block { code?: string; verbs: Verb[]; patternCodes: string[] }

function readBlocks(path: string): Block[] {
  const blocks: Block[] = [];
  let block: Block | undefined;
  let inVerbs = false;
  for (const raw of readFileSync(path, "utf8").split("\n")) {
    if (raw.startsWith("#")) continue;
    const line = raw.replace(/#.*$/, "").trim();
    const head = /^---\s+\S+\s+\[([^\]]*)\]/.exec(line);
    if (head) {
      block = { code: /\d/.test(head[1]!) ? head[1] : undefined, verbs: [], patternCodes: [] };
      blocks.push(block);
      inVerbs = true;
      continue;
    }
    if (!block || !line) continue;
    if (line.startsWith("-")) {
      inVerbs = false;
      const code = /\[([\d:]+)\]\s*$/.exec(line)?.[1];
      if (code) block.patternCodes.push(code);
      continue;
    }
    if (!inVerbs || line.startsWith("&")) continue;
    const m = /^\+?([\p{L}_'-]+)\s*(?:[{[]([^}\]]*)[}\]])?\s*(?:\[([\d:]+)\])?/u.exec(line);
    if (!m) continue;
    const irregular = (m[2] ?? "").split(/\s+/).map((f) => f.replace(/^[+#]/, "")).filter((f) => /^[\p{L}_'-]+$/u.test(f));
    block.verbs.push({ forms: [m[1]!, ...irregular], code: m[3] ?? (/\[([\d:]+)\]/.exec(line)?.[1]) });
  }
  return blocks;
}

function blockCode(block: Block): string | undefined {
  if (block.code) return block.code;
  if (block.patternCodes.length < MIN_PATTERNS) return undefined;
  const counts = new Map<string, number>();
  for (const c of block.patternCodes) {
    const top = c.split(":")[0]!.slice(0, 2);
    counts.set(top, (counts.get(top) ?? 0) + 1);
  }
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  if (n / block.patternCodes.length < MAJORITY) return undefined;
  return block.patternCodes.find((c) => c.startsWith(top))!.split(":")[0];
}

function englishForms(base: string): string[] {
  const words = base.toLowerCase().split("_");
  const verb = words[0]!;
  const rest = words.slice(1).join(" ");
  const forms = new Set([verb]);
  if (/(s|x|z|ch|sh|o)$/.test(verb)) forms.add(verb + "es");
  else if (/[^aeiou]y$/.test(verb)) forms.add(verb.slice(0, -1) + "ies");
  else forms.add(verb + "s");
  if (verb.endsWith("e")) forms.add(verb + "d");
  else if (/[^aeiou]y$/.test(verb)) forms.add(verb.slice(0, -1) + "ied");
  else forms.add(verb + "ed");
  forms.add(verb.endsWith("e") && !verb.endsWith("ee") ? verb.slice(0, -1) + "ing" : verb + "ing");
  return [...forms].map((f) => (rest ? `${f} ${rest}` : f));
}

function spanishPattern(base: string): string | undefined {
  const words = base.toLowerCase().split("_");
  const verb = words[0]!;
  const stem = /(ar|er|ir)(se)?$/.test(verb) ? verb.replace(/(ar|er|ir)(se)?$/, "") : verb;
  if (stem.length < MIN_ES_STEM) return undefined;
  return [`${stem}*`, ...words.slice(1)].join(" ");
}

function build(language: "en" | "es", path: string, table: Map<string, PloverCode>): string {
  const byKey = new Map<string, Set<string>>();
  const wrong = readWrong(language);
  for (const block of readBlocks(path)) {
    const fallback = blockCode(block);
    for (const verb of block.verbs) {
      const code = verb.code ?? fallback;
      const plover = code && ploverOf(code, table);
      if (!plover) continue;
      const base = verb.forms[0]!.toLowerCase();
      if (TOO_GENERIC.has(base) || SPEECH_AND_LIGHT.has(base)) continue;
      const patterns =
        language === "en"
          ? [...englishForms(verb.forms[0]!), ...verb.forms.slice(1).map((f) => f.toLowerCase().replace(/_/g, " "))]
          : [spanishPattern(verb.forms[0]!)].filter((p): p is string => !!p);
      const key = `${plover.type} | ${plover.mode} | ${plover.context}`;
      const set = byKey.get(key) ?? new Set<string>();
      for (const p of patterns) if (!wrong.has(`${plover.type}\t${p}`)) set.add(p);
      byKey.set(key, set);
    }
  }
  const lines = [...byKey].sort((a, b) => a[0].localeCompare(b[0])).map(([key, set]) => `${key} | ${[...set].sort().join(", ")}`);
  return `# Derived by scripts/build-event-lexicons.ts from the CAMEO/PETRARCH verb dictionary (MIT); do not edit.\n# TYPE | mode | context | patterns\n${lines.join("\n")}\n`;
}

const table = readPloverTable();
const out = resolve(REPO_DIR, "data/events");
writeFileSync(resolve(out, "cameo.en.txt"), build("en", requireShared("train/events/en/CAMEO.2.0.txt"), table));
writeFileSync(resolve(out, "cameo.es.txt"), build("es", requireShared("train/events/es/verbpatterns_es_190128.txt"), table));
console.log("wrote data/events/cameo.en.txt, data/events/cameo.es.txt");
