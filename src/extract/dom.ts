/**
 * The parsed page shared by every HTML step. htmlparser2 builds a plain node tree about ten
 * times faster than jsdom and without a DOM emulation layer; linkedom is close but allocates
 * a full DOM. The extract steps only read the tree, so the plainest tree wins.
 */
import { parseDocument } from "htmlparser2";
import type { Document } from "domhandler";

export type { Document, Element, AnyNode, Text } from "domhandler";

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}
