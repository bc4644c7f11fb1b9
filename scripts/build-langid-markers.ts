/**
 * Builds data/langid/close-markers.json: words standard in one member of a close-language pair and not in
 * the other (ms/id, bs/hr, nb/nn), which src/understand/langid.ts adds to the hand-written markers of
 * data/langid/close-languages.json. No evaluation text is read.
 *
 * Evidence, all from Debian packages (fetched with `apt-get download`, nothing installed but `hunspell`):
 *  - usage: Firefox's translations into each language (firefox-esr-l10n-*, MPL-2.0), one parallel text
 *    per language: a word counts when one member's translation uses it at least MIN_COUNT times and the
 *    other member's never does;
 *  - standard: the LibreOffice spelling dictionaries (hunspell-bs, -hr, -no, -id; GPL/LGPL/MPL): the word
 *    must be accepted by its own language's dictionary and rejected by the other's. That drops what the
 *    user-interface text merely happens to avoid ("han", "vel" are Bokmål too) and keeps spelling and
 *    vocabulary differences ("ikkje"/"ikke", "sustav"/"sistem"). Words the English dictionary (hunspell-en-us)
 *    accepts are dropped too: untranslated strings are left in English. Malay has no dictionary there: a Malay
 *    word only needs to be rejected by the Indonesian one, and Indonesian words come from the hand list.
 *
 * Usage: node --import tsx scripts/build-langid-markers.ts   (needs apt-get, dpkg-deb, unzip, hunspell)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), "../data/langid/close-markers.json");
/** Uses in one translation (and none in the other) before a word is taken as that member's usage. */
const MIN_COUNT = 3;
/** Shorter tokens are mostly abbreviations and placeholders left in the translations. */
const MIN_LENGTH = 3;

interface Member {
  code: string;
  l10n: string;
  /** hunspell dictionary: package and base name under /usr/share/hunspell */
  dictionary?: [string, string];
}
const PAIRS: Array<[Member, Member]> = [
  [
    { code: "ms", l10n: "firefox-esr-l10n-ms" },
    { code: "id", l10n: "firefox-esr-l10n-id", dictionary: ["hunspell-id", "id_ID"] },
  ],
  [
    { code: "bs", l10n: "firefox-esr-l10n-bs", dictionary: ["hunspell-bs", "bs_BA"] },
    { code: "hr", l10n: "firefox-esr-l10n-hr", dictionary: ["hunspell-hr", "hr_HR"] },
  ],
  [
    { code: "nb", l10n: "firefox-esr-l10n-nb-no", dictionary: ["hunspell-no", "nb_NO"] },
    { code: "nn", l10n: "firefox-esr-l10n-nn-no", dictionary: ["hunspell-no", "nn_NO"] },
  ],
];

const work = mkdtempSync(join(tmpdir(), "langid-markers-"));

/** Downloads and unpacks a Debian package once; returns its root. */
const unpacked = new Map<string, string>();
function unpack(pkg: string): string {
  let root = unpacked.get(pkg);
  if (root) return root;
  execFileSync("apt-get", ["download", pkg], { cwd: work, stdio: "ignore" });
  const deb = readdirSync(work).find((f) => f.startsWith(`${pkg}_`) && f.endsWith(".deb"))!;
  root = join(work, pkg);
  execFileSync("dpkg-deb", ["-x", join(work, deb), root]);
  unpacked.set(pkg, root);
  return root;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The translated strings of a Firefox language pack (Fluent and .properties values, placeholders removed). */
function translations(pkg: string): string[] {
  const xpi = filesUnder(unpack(pkg)).find((f) => f.endsWith(".xpi"))!;
  const dir = join(work, `${pkg}-xpi`);
  execFileSync("unzip", ["-qo", xpi, "-d", dir]);
  const values: string[] = [];
  for (const file of filesUnder(dir)) {
    const fluent = file.endsWith(".ftl");
    if (!fluent && !file.endsWith(".properties")) continue;
    for (const raw of readFileSync(file, "utf8").split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const value = fluent ? line.replace(/^\.?[\w.-]+\s*=\s*/, "") : line.includes("=") ? line.slice(line.indexOf("=") + 1) : "";
      values.push(value.replace(/\{[^}]*\}/g, " ").replace(/<[^>]*>/g, " ").replace(/&\w+;|%\S+/g, " "));
    }
  }
  return values;
}

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;
function wordCounts(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) for (const [word] of line.matchAll(WORD)) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  return counts;
}

/** Untranslated strings are left in English in the translations: words English spelling accepts are dropped. */
const ENGLISH: Member = { code: "en", l10n: "", dictionary: ["hunspell-en-us", "en_US"] };

/** The words a hunspell dictionary accepts (hunspell -G prints the correct ones). */
function accepted(member: Member, words: string[]): Set<string> {
  if (!member.dictionary) return new Set();
  const [pkg, name] = member.dictionary;
  const base = join(unpack(pkg), "usr/share/hunspell", name);
  const out = execFileSync("hunspell", ["-d", base, "-i", "utf-8", "-G"], { input: words.join("\n"), maxBuffer: 64 << 20 }).toString();
  return new Set(out.split("\n").filter(Boolean).map((w) => w.toLowerCase()));
}

/** Words of `a` that `b`'s translation never uses and, by the dictionaries, are standard in a only. */
function markersOf(a: Member, b: Member, countsA: Map<string, number>, countsB: Map<string, number>): string[] {
  const candidates = [...countsA].filter(([w, n]) => n >= MIN_COUNT && !countsB.has(w) && [...w].length >= MIN_LENGTH && !/\d/.test(w)).map(([w]) => w);
  if (!a.dictionary && !b.dictionary) return [];
  // English proper adjectives are capitalised ("Chinese"): each word is also tried capitalised (answers come back lower-case).
  const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const english = accepted(ENGLISH, [...candidates, ...candidates.map(capitalised)]);
  const inB = new Set([...accepted(b, candidates), ...candidates.filter((w) => english.has(w))]);
  const inA = a.dictionary ? accepted(a, candidates) : undefined;
  return candidates.filter((w) => !inB.has(w) && (inA ? inA.has(w) : b.dictionary !== undefined)).sort();
}

const groups = PAIRS.map(([a, b]) => {
  const countsA = wordCounts(translations(a.l10n));
  const countsB = wordCounts(translations(b.l10n));
  // Without a dictionary for a member, "rejected by it" cannot be checked: the other member's list stays empty.
  const markers = { [a.code]: markersOf(a, b, countsA, countsB), [b.code]: a.dictionary ? markersOf(b, a, countsB, countsA) : [] };
  console.log(`${a.code}/${b.code}: ${markers[a.code]!.length} + ${markers[b.code]!.length} markers`);
  return { languages: [a.code, b.code], markers };
});

writeFileSync(
  OUT,
  JSON.stringify(
    {
      _about:
        "Generated by scripts/build-langid-markers.ts from Debian's Firefox translations (usage) and LibreOffice hunspell dictionaries (standard in one member, rejected by the other). Do not edit; the hand-written markers are in close-languages.json.",
      groups,
    },
    null,
    1,
  ) + "\n",
);
console.log(`wrote ${OUT}`);
