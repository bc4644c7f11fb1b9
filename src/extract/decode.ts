// STUB — owned by the decode helper. Interface is fixed; implementation to come.
import { DocumentError } from "../errors.ts";
import type { DocumentKind } from "../schema.ts";

export interface Decoded {
  text: string;
  /** WHATWG encoding label, lower case: "utf-8", "windows-1251", "utf-16le", "shift_jis"... */
  encoding: string;
  kind: DocumentKind;
  warnings: string[];
}

/** Bytes -> text. Throws DocumentError for empty input, binary junk or undecodable bytes. */
export function decodeDocument(bytes: Uint8Array, opts: { source: string; contentType?: string }): Decoded {
  if (bytes.length === 0) throw new DocumentError(opts.source, "empty file");
  const text = new TextDecoder("utf-8").decode(bytes);
  const kind: DocumentKind = /^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[\s>])/i.test(text) ? "html" : "text";
  return { text, encoding: "utf-8", kind, warnings: [] };
}
