/**
 * Extract stage, step 1: bytes -> text. Finds the byte encoding the way a browser would (BOM, HTTP
 * charset, <meta>/XML declaration, then statistics), but distrusts declarations the bytes contradict;
 * tells HTML from plain text; rejects what is not a text document with one-line DocumentErrors.
 */
import { isUtf8 } from "node:buffer";
import { gunzipSync } from "node:zlib";
import * as chardet from "chardet";
import iconv from "iconv-lite";
import { DocumentError } from "../errors.ts";
import { formatSize, MB } from "../ingest/files.ts";
import type { DocumentKind } from "../schema.ts";
import { hasLetter } from "../letters.ts";

export interface Decoded {
  text: string;
  /** WHATWG encoding label, lower case: "utf-8", "windows-1251", "utf-16le", "shift_jis"... */
  encoding: string;
  kind: DocumentKind;
  warnings: string[];
}

export interface DecodeOptions {
  source: string;
  /** HTTP-style Content-Type; its charset is a hint. */
  contentType?: string;
  /** Bytes kept from a gigantic document; the rest is dropped with a warning. Default DEFAULT_MAX_BYTES. */
  maxBytes?: number;
}

/** 20 MB of bytes is ~20 M characters: far more than any article, small enough to stay fast. */
export const DEFAULT_MAX_BYTES = 20 * MB;

/** File signatures of formats that are never a text document. */
const MAGIC_NUMBERS: ReadonlyArray<{ bytes: number[]; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: "a ZIP archive (or DOCX/ODT/EPUB)" },
  { bytes: [0x50, 0x4b, 0x05, 0x06], name: "an empty ZIP archive" },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], name: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "a GIF image" },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: "a RIFF file (WebP/WAV/AVI)" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: "an ELF executable" },
  { bytes: [0x42, 0x5a, 0x68], name: "bzip2-compressed data (decompress first)" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: "xz-compressed data (decompress first)" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], name: "zstd-compressed data (decompress first)" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: "a 7-Zip archive" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: "an MS Office (OLE) document" },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], name: "an SQLite database" },
];
const GZIP_MAGIC = [0x1f, 0x8b];

/** Byte-order marks, longest first (the UTF-32LE mark starts with the UTF-16LE one). */
const BOMS: ReadonlyArray<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: "utf-32le" },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: "utf-32be" },
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** Tunables of detection; each a share of the sampled bytes or characters unless named otherwise. */
const THRESHOLDS = {
  /** Bytes looked at for detection: enough for statistics, bounded for gigantic pages. */
  sampleBytes: 256 * 1024,
  /** Bytes looked at for the byte-pattern checks (binary data, UTF-16): a few KB decide them, and they run on every page. */
  patternBytes: 32 * 1024,
  /** Where <meta charset> / the XML declaration must appear. */
  prescanBytes: 4096,
  /** UTF-16 without BOM: share of code units whose high byte is 0 (spaces, digits, punctuation, Latin). */
  utf16MinZeroHighBytes: 0.1,
  /** ... while the other byte position is 0 far less often (CJK like 一 U+4E00 has a zero low byte). */
  utf16MaxZeroLowToHigh: 0.1,
  /** UTF-16 without zero bytes: share of letters, digits, punctuation and spaces in the right byte order... */
  utf16MinTextualShare: 0.98,
  /** ... and at most this in the other order (random bytes give ~0.8 in both). */
  utf16MaxWrongOrderShare: 0.95,
  /** Control characters (not tab/newline/CR/FF) beyond this share: binary data. */
  binaryControlShare: 0.01,
  /** Mostly-UTF-8 with a few bad bytes (mixed encodings): at most 1 invalid sequence per this many valid non-ASCII characters. */
  mixedUtf8ValidPerInvalid: 20,
  /** chardet confidence (0-100) under which a statistical guess is reported as uncertain. */
  uncertainConfidence: 25,
  /** chardet confidence needed to overrule a declared charset that decodes to another script. */
  overruleConfidence: 30,
  /** Share of U+FFFD among all characters above which a document is undecodable. */
  undecodableShare: 0.1,
  /** Only pages longer than this are checked for truncation (short fragments end anyhow). */
  truncatedHtmlMinChars: 2000,
  /** Tag density that makes a document without <html>/<head>/<body> HTML: tags, and tags per 1000 chars. */
  htmlMinTags: 4,
  htmlMinTagsPer1000: 1,
} as const;

/** Element names whose tags mark a text as HTML when no <html>/<head>/<body> says so. */
const HTML_TAG_DENSITY = /<\/?(?:p|div|span|a|br|hr|li|ul|ol|table|tr|td|th|h[1-6]|img|meta|link|script|style|article|section|header|footer|nav|main|aside|title|strong|em|b|i|blockquote|figure|time|form|input|iframe)\b[^<>]{0,2000}>/gi;
const HTML_STRONG_MARKERS = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html|<(?:html|head|body)[\s>]/i;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:+-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([a-z0-9_.:+-]+)["']/i;
const CONTENT_TYPE_CHARSET = /\bcharset\s*=\s*["']?([^;"'\s]+)/i;
/** ISO-2022-JP is 7-bit: its escape sequences are the only sign of it. */
const ISO_2022_JP_ESCAPE = /\x1b(?:\$[@B]|\([BJ]|\$\(D)/;

/** Which script the non-ASCII letters of a decoding fall in: a single-byte charset that decodes to the wrong script is a lie. */
const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["CJK", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
];

/** Bytes -> text. Throws DocumentError for empty input, binary junk or undecodable bytes. */
export function decodeDocument(bytes: Uint8Array, opts: DecodeOptions): Decoded {
  const { source } = opts;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const warnings: string[] = [];
  if (bytes.length === 0) throw new DocumentError(source, "empty file (0 bytes)");

  if (startsWith(bytes, GZIP_MAGIC)) {
    bytes = gunzip(bytes, source, maxBytes);
    warnings.push("input was gzip-compressed and has been decompressed");
    if (bytes.length === 0) throw new DocumentError(source, "empty file (gzip-compressed, 0 bytes inside)");
  }
  for (const magic of MAGIC_NUMBERS) {
    if (startsWith(bytes, magic.bytes)) throw new DocumentError(source, `binary file: ${magic.name}, not a text document`);
  }
  const capped = bytes.length > maxBytes;
  if (capped) {
    warnings.push(`document is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} cap: only the first ${formatSize(maxBytes)} were read`);
    bytes = bytes.subarray(0, withoutIncompleteUtf8Tail(bytes.subarray(0, maxBytes)) & ~1);
  }

  const encoding = chooseEncoding(bytes, opts.contentType, source, warnings);
  // A document we cut ourselves is truncated by design: the cap warning says so once.
  const text = decodeWith(bytes, encoding, capped ? [] : warnings, source);
  checkText(text, encoding, source, warnings, encoding === "utf-8" ? countUtf8ReplacementChars(bytes) : 0);
  const kind = sniffKind(text);
  if (kind === "html" && !capped && looksTruncatedHtml(text)) warnings.push("HTML looks truncated: it stops mid-tag or mid-text, without </html>");
  return { text, encoding, kind, warnings };
}

/** Which encoding the bytes are in: BOM > UTF-16 pattern > valid UTF-8 > declared charset > statistics. */
function chooseEncoding(bytes: Uint8Array, contentType: string | undefined, source: string, warnings: string[]): string {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return bom.encoding;

  const sample = statisticsSample(bytes);
  const patternSample = sample.subarray(0, THRESHOLDS.patternBytes);
  const utf16 = sniffUtf16(patternSample);
  if (utf16) {
    warnings.push(`no byte-order mark: read as ${utf16} from the pattern of zero bytes`);
    return utf16;
  }
  const binary = binaryShare(patternSample);
  if (binary > THRESHOLDS.binaryControlShare) {
    // CJK in UTF-16 has no zero bytes but many control-range bytes: rescue it before calling it binary.
    const cjkUtf16 = sniffUtf16ByDecoding(sample);
    if (cjkUtf16) {
      warnings.push(`no byte-order mark: read as ${cjkUtf16} from the byte pattern`);
      return cjkUtf16;
    }
    throw new DocumentError(source, `binary data, not text: ${percent(binary * 100, 100)} of the bytes are NUL or control bytes`);
  }

  const declared = declaredEncoding(bytes, contentType, warnings);
  if (!sample.some((b) => b >= 0x80)) {
    if (ISO_2022_JP_ESCAPE.test(latin1(sample))) return "iso-2022-jp";
    // Pure ASCII reads the same in every ASCII-compatible charset: keep the declaration when it is one.
    if (declared && !declared.name.startsWith("utf-16")) return declared.name;
    return "utf-8";
  }

  const utf8 = utf8Validity(bytes, sample);
  if (utf8.valid || utf8.mostlyValid) {
    if (declared && declared.name !== "utf-8") {
      warnings.push(`${declared.from} declares ${declared.name} but the bytes are ${utf8.valid ? "valid" : "mostly valid"} UTF-8: read as utf-8`);
    }
    if (!utf8.valid) warnings.push("mixed encodings: the bytes are mostly valid UTF-8, but not all");
    return "utf-8";
  }

  const guess = detectStatistically(sample);
  if (declared && declared.name !== "utf-8") {
    if (guess && guess.name !== declared.name && declarationContradicted(sample, declared.name, guess)) {
      warnings.push(`${declared.from} declares ${declared.name} but the text reads as ${guess.name} (confidence ${guess.confidence}): read as ${guess.name}`);
      return guess.name;
    }
    return declared.name;
  }
  if (declared) warnings.push(`${declared.from} declares utf-8 but the bytes are not valid UTF-8: detected ${guess?.name ?? "windows-1252"}`);
  if (!guess) {
    warnings.push("encoding could not be detected: read as windows-1252");
    return "windows-1252";
  }
  if (guess.confidence < THRESHOLDS.uncertainConfidence) {
    warnings.push(`encoding uncertain: guessed ${guess.name} (confidence ${guess.confidence})`);
  }
  return guess.name;
}

interface Declared {
  name: string;
  /** Who declared it, for warnings: "Content-Type", "<meta charset>", "XML declaration". */
  from: string;
}

/** The charset the transport or the document itself claims (HTTP header first, as browsers do). */
function declaredEncoding(bytes: Uint8Array, contentType: string | undefined, warnings: string[]): Declared | undefined {
  const fromHeader = contentType?.match(CONTENT_TYPE_CHARSET)?.[1];
  if (fromHeader) {
    const name = whatwgName(fromHeader);
    if (name) return { name, from: "Content-Type" };
    warnings.push(`Content-Type declares an unknown charset "${fromHeader}": ignored`);
  }
  const head = latin1(bytes.subarray(0, THRESHOLDS.prescanBytes)).replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  const fromXml = head.match(XML_ENCODING)?.[1];
  const fromMeta = head.match(META_CHARSET)?.[1];
  const label = fromXml ?? fromMeta;
  if (!label) return undefined;
  const from = fromXml ? "XML declaration" : "<meta charset>";
  const name = whatwgName(label);
  if (!name) {
    warnings.push(`${from} declares an unknown charset "${label}": ignored`);
    return undefined;
  }
  // WHATWG: a UTF-16 declaration readable as ASCII is false; x-user-defined means windows-1252.
  if (name.startsWith("utf-16")) return { name: "utf-8", from };
  if (name === "x-user-defined") return { name: "windows-1252", from };
  return { name, from };
}

/** A label ("latin1", "ISO-8859-1", "sjis", chardet's "GB18030") -> WHATWG name, or undefined if unknown. */
function whatwgName(label: string): string | undefined {
  const lower = label.trim().toLowerCase();
  if (lower === "utf-32le" || lower === "utf-32be") return lower;
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return undefined;
  }
}

/** UTF-16 without a BOM: text in UTF-16 has a zero byte in one position of most spaces, digits and Latin letters. */
function sniffUtf16(sample: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const units = Math.floor(sample.length / 2);
  if (units < 8) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const { utf16MinZeroHighBytes: high, utf16MaxZeroLowToHigh: low } = THRESHOLDS;
  if (zeroOdd >= high * units && zeroEven <= low * zeroOdd) return "utf-16le";
  if (zeroEven >= high * units && zeroOdd <= low * zeroEven) return "utf-16be";
  return undefined;
}

/**
 * UTF-16 text without zero bytes (CJK): read in the right byte order it is all letters, punctuation and
 * spaces; in the wrong order, or as random bytes, a fifth or more of the code units are not.
 */
function sniffUtf16ByDecoding(sample: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const even = sample.subarray(0, Math.min(sample.length, 64 * 1024) & ~1);
  if (even.length < 32) return undefined;
  const le = textualShare(safeDecode(even, "utf-16le"));
  const be = textualShare(safeDecode(even, "utf-16be"));
  const { utf16MinTextualShare: min, utf16MaxWrongOrderShare: wrong } = THRESHOLDS;
  if (le >= min && be <= wrong) return "utf-16le";
  if (be >= min && le <= wrong) return "utf-16be";
  return undefined;
}

/** A character of ordinary text (global: used by match only). */
const TEXT_CHARACTER = /[\p{L}\p{M}\p{N}\p{P}\p{Zs}\n\r\t]/gu;

function textualShare(text: string): number {
  return (text.match(TEXT_CHARACTER)?.length ?? 0) / Math.max(text.length, 1);
}

/** NULs and control characters do not occur in text in an ASCII-compatible charset. */
function binaryShare(sample: Uint8Array): number {
  let controls = 0;
  // Indexed loop over a lookup table: this runs over 256 KB of every document.
  for (let i = 0; i < sample.length; i++) controls += BINARY_CONTROL_BYTE[sample[i]!]!;
  return controls / Math.max(sample.length, 1);
}

const BINARY_CONTROL_BYTE = Uint8Array.from({ length: 256 }, (_, b) => (isBinaryControl(b) ? 1 : 0));

/** C0 controls other than tab, LF, VT, FF, CR, SUB (DOS end of file) and ESC (ISO-2022 escapes). */
function isBinaryControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1a && code !== 0x1b;
}

interface Utf8Validity {
  valid: boolean;
  /** Mixed encodings: many valid multi-byte characters, a few invalid bytes. */
  mostlyValid: boolean;
  invalid: number;
}

function utf8Validity(bytes: Uint8Array, sample: Uint8Array): Utf8Validity {
  // A truncated file may end mid-character: that is reported as truncation, not as invalid UTF-8.
  if (isUtf8(bytes.subarray(0, withoutIncompleteUtf8Tail(bytes)))) return { valid: true, mostlyValid: true, invalid: 0 };
  const text = new TextDecoder("utf-8").decode(sample.subarray(0, withoutIncompleteUtf8Tail(sample)));
  let invalid = 0;
  let nonAscii = 0;
  for (const ch of text) {
    if (ch === "\uFFFD") invalid++;
    else if (ch.charCodeAt(0) >= 0x80) nonAscii++;
  }
  // invalid == 0 here means only the rest of the file (past the sample, or its last bytes) is bad.
  const mostlyValid = invalid === 0 || nonAscii >= THRESHOLDS.mixedUtf8ValidPerInvalid * invalid;
  return { valid: false, mostlyValid, invalid };
}

/** The length of bytes without a UTF-8 sequence cut off at the end (unchanged if the end is whole). */
function withoutIncompleteUtf8Tail(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return bytes.length - i < needed ? i : bytes.length;
    }
  }
  return bytes.length;
}

/**
 * Up to sampleBytes of the document for detection, from the start unless the start is all ASCII
 * (a long <head> of scripts): then from just before the first non-ASCII byte.
 */
function statisticsSample(bytes: Uint8Array): Uint8Array {
  const size = THRESHOLDS.sampleBytes;
  const head = bytes.subarray(0, size);
  if (head.some((b) => b >= 0x80) || bytes.length <= size) return head;
  const first = bytes.findIndex((b) => b >= 0x80);
  if (first === -1) return head;
  const start = Math.max(0, first - 64);
  return bytes.subarray(start, start + size);
}

interface Guess {
  name: string;
  confidence: number;
}

/** chardet over the text of the sample (markup stripped: tags are ASCII noise to a statistical model). */
function detectStatistically(sample: Uint8Array): Guess | undefined {
  const textOnly = Buffer.from(stripMarkup(latin1(sample)), "latin1");
  const probe = textOnly.length >= 64 ? textOnly : sample;
  for (const match of chardet.analyse(probe)) {
    const name = whatwgName(match.name);
    // chardet also knows UTF-32 and ISO-2022-KR/CN, which WHATWG decoders do not: skip those.
    if (name && !name.startsWith("utf-32") && name !== "utf-8") return { name, confidence: match.confidence };
  }
  return undefined;
}

/** Markup removed from a latin1-mapped byte string (safe: '<' and '>' are never trail bytes of CJK charsets). */
function stripMarkup(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^<>]*>/g, " ")
    .replace(/&[#a-z0-9]+;/gi, " ");
}

/**
 * A declared legacy charset is overruled only on strong evidence: it breaks multi-byte sequences the
 * statistical guess reads cleanly, or it decodes the letters into another script than the guess does
 * (windows-1252 declared on Russian windows-1251 bytes gives "Ïðèâåò", Latin; the guess gives Cyrillic).
 */
function declarationContradicted(sample: Uint8Array, declared: string, guess: Guess): boolean {
  const body = Buffer.from(stripMarkup(latin1(sample)), "latin1");
  const asDeclared = safeDecode(body, declared);
  const asGuessed = safeDecode(body, guess.name);
  const badDeclared = countChar(asDeclared, "\uFFFD");
  const badGuessed = countChar(asGuessed, "\uFFFD");
  if (badDeclared > 2 && badGuessed * 4 < badDeclared) return true;
  if (guess.confidence < THRESHOLDS.overruleConfidence) return false;
  const declaredScript = dominantScript(asDeclared);
  const guessedScript = dominantScript(asGuessed);
  return declaredScript !== undefined && guessedScript !== undefined && declaredScript !== guessedScript;
}

function dominantScript(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80 || !hasLetter(ch)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? "other";
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [script, count] of counts) if (count > bestCount) [best, bestCount] = [script, count];
  return best;
}

function safeDecode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return "";
  }
}

/** Decodes with the WHATWG decoder (iconv-lite for UTF-32, which WHATWG lacks); reports a cut-off last character. */
function decodeWith(bytes: Uint8Array, encoding: string, warnings: string[], source: string): string {
  if (encoding.startsWith("utf-32")) {
    if (bytes.length % 4 !== 0) warnings.push("text ends mid-character: the file looks truncated");
    return stripBom(iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length - (bytes.length % 4)), encoding));
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new DocumentError(source, `undecodable: no decoder for ${encoding}`);
  }
  const text = decoder.decode(bytes, { stream: true });
  // What is left in the decoder after the last byte is an incomplete character.
  if (decoder.decode() !== "") warnings.push("text ends mid-character: the file looks truncated");
  return text;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whitespace-only, binary (decoded control characters) and undecodable texts are errors; replacements a warning. */
function checkText(text: string, encoding: string, source: string, warnings: string[], inSource: number): void {
  if (text.trim() === "") throw new DocumentError(source, "whitespace only: the document has no text");
  const head = text.slice(0, THRESHOLDS.patternBytes);
  let controls = 0;
  for (let i = 0; i < head.length; i++) if (isBinaryControl(head.charCodeAt(i))) controls++;
  if (controls > THRESHOLDS.binaryControlShare * head.length) {
    throw new DocumentError(source, `binary data, not text: ${percent(controls, head.length)} control characters when read as ${encoding}`);
  }
  const replaced = countChar(text, "\uFFFD") - inSource;
  if (inSource > 0) warnings.push(`the source already contains ${inSource} U+FFFD replacement character(s): damaged by an earlier conversion`);
  if (replaced <= 0) return;
  if (replaced > THRESHOLDS.undecodableShare * text.length) {
    throw new DocumentError(source, `undecodable: ${percent(replaced, text.length)} of the characters are invalid in ${encoding}`);
  }
  warnings.push(`${replaced} invalid byte sequence(s) replaced with U+FFFD when read as ${encoding}`);
}

/** HTML if it says so (doctype, <html>, <head>, <body>) or has the tag density of markup. */
function sniffKind(text: string): DocumentKind {
  const head = stripBom(text.slice(0, 64 * 1024));
  if (HTML_STRONG_MARKERS.test(head.slice(0, 64 * 1024))) return "html";
  const tags = head.match(HTML_TAG_DENSITY)?.length ?? 0;
  const per1000 = (tags * 1000) / Math.max(head.length, 1);
  return tags >= THRESHOLDS.htmlMinTags && per1000 >= THRESHOLDS.htmlMinTagsPer1000 ? "html" : "text";
}

/**
 * HTML may omit </body></html> (real pages end with a </script> and nothing else), so a missing
 * </html> alone proves nothing; a long page that also stops mid-tag or mid-text was cut.
 */
function looksTruncatedHtml(text: string): boolean {
  if (text.length < THRESHOLDS.truncatedHtmlMinChars) return false;
  if (!/<html[\s>]/i.test(text.slice(0, 64 * 1024))) return false;
  const tail = text.slice(-64 * 1024);
  return !/<\/html\s*>/i.test(tail) && !tail.trimEnd().endsWith(">");
}

function gunzip(bytes: Uint8Array, source: string, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: Math.max(maxBytes * 4, 64 * MB) });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
      throw new DocumentError(source, `gzip-compressed data expands past ${formatSize(Math.max(maxBytes * 4, 64 * MB))}`);
    }
    throw new DocumentError(source, `gzip-compressed but corrupt: ${(error as Error).message}`);
  }
}

/** U+FFFD written in the UTF-8 source itself (EF BF BD): damage done before us, not by our decoding. */
function countUtf8ReplacementChars(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const needle = Buffer.from([0xef, 0xbf, 0xbd]);
  let count = 0;
  for (let i = buffer.indexOf(needle); i !== -1; i = buffer.indexOf(needle, i + 3)) count++;
  return count;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
}

function countChar(text: string, ch: string): number {
  let count = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) count++;
  return count;
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / Math.max(whole, 1))}%`;
}
