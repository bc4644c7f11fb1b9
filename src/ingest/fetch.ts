/**
 * Polite, safe fetching of web pages for ingest: robots.txt (RFC 9309, cached per host, Crawl-delay
 * honoured), a per-host rate limit, a timeout, a size cap, a redirect limit (each hop re-checked), a
 * User-Agent naming the tool, and no loopback/private/link-local/multicast addresses unless allowed.
 */
import { lookup } from "node:dns/promises";
import { readFileSync } from "node:fs";
import ipaddr from "ipaddr.js";
import { createRequire } from "node:module";
import type { RawDocument } from "../schema.ts";

export interface FetchOptions {
  /** Allow loopback and private addresses (tests, intranets). */
  allowPrivate?: boolean;
  /** Requests per second to one host (a robots.txt Crawl-delay lowers it, never raises it). */
  ratePerSecond?: number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export type FetchResult = { ok: true; raw: RawDocument; status: number } | { ok: false; problem: string };

// robots-parser is CommonJS whose typings declare an ES default export; require() gives the function itself.
const robotsParser = createRequire(import.meta.url)("robots-parser") as (
  url: string,
  text: string,
) => { isAllowed(url: string, agent?: string): boolean | undefined; getCrawlDelay(agent?: string): number | undefined };

const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
export const USER_AGENT = `sitrep/${VERSION} (news analysis tool; polite crawler: robots.txt, rate-limited)`;
/** The token robots.txt groups are matched against. */
const ROBOTS_AGENT = "sitrep";

export const FETCH_DEFAULTS = {
  allowPrivate: false,
  ratePerSecond: 1,
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: USER_AGENT,
} as const satisfies Required<FetchOptions>;

/** Content worth fetching: pages, plain text (URL lists) and feeds. */
const FETCHABLE_CONTENT = /^(?:text\/(?:html|plain|xml)|application\/(?:xhtml\+xml|rss\+xml|atom\+xml|rdf\+xml|xml))\b/i;
const ROBOTS_MAX_BYTES = 500 * 1024;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);
/** ipaddr.js range names that are not the public internet. */
const NON_PUBLIC_RANGES = new Set([
  "unspecified", "broadcast", "multicast", "linkLocal", "loopback", "carrierGradeNat", "private", "reserved", "uniqueLocal",
]);
/** Names reserved for documentation and testing (RFC 2606, RFC 6761): never resolved, never fetched. */
const RESERVED_NAME = /(?:^|\.)(?:example\.(?:com|net|org)|example|invalid|test|localhost)$/i;

class FetchProblem extends Error {}

interface HostState {
  /** Earliest time the next request may start (ms since epoch). */
  nextSlot: number;
  intervalMs: number;
  robots?: Promise<RobotsRules>;
}

interface RobotsRules {
  allows(url: string): boolean;
  crawlDelaySeconds?: number;
  /** Set when the rules forbid everything because robots.txt could not be read (RFC 9309 §2.3.1.4). */
  unreachable?: string;
}

export class Fetcher {
  readonly options: Required<FetchOptions>;
  private readonly hosts = new Map<string, HostState>();

  constructor(options: FetchOptions = {}) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.options = { ...FETCH_DEFAULTS, ...given };
  }

  /** One page, following redirects; failures come back as a problem naming what went wrong. */
  async fetchPage(url: string): Promise<FetchResult> {
    try {
      const { response, finalUrl } = await this.request(url, true);
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        throw new FetchProblem(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
      }
      const contentType = response.headers.get("content-type") ?? undefined;
      if (contentType && !FETCHABLE_CONTENT.test(contentType)) {
        await response.body?.cancel();
        throw new FetchProblem(`not a document (${contentType.split(";")[0]})`);
      }
      const bytes = await this.readCapped(response, this.options.maxBytes);
      return { ok: true, status: response.status, raw: { source: url, url: finalUrl, contentType, bytes: bytes as RawDocument["bytes"] } };
    } catch (error) {
      return { ok: false, problem: describe(error, this.options) };
    }
  }

  /** GET with manual redirects: every hop is checked for address, robots.txt and rate. */
  private async request(start: string, obeyRobots: boolean): Promise<{ response: Response; finalUrl: string }> {
    let url = start;
    for (let hop = 0; ; hop++) {
      const target = parseHttpUrl(url);
      await this.checkAddress(target.hostname);
      if (obeyRobots) await this.checkRobots(target);
      await this.waitTurn(target);
      const response = await fetch(target, {
        redirect: "manual",
        headers: { "user-agent": this.options.userAgent, accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5" },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const location = response.headers.get("location");
      if (!REDIRECT_STATUS.has(response.status) || !location) return { response, finalUrl: target.href };
      await response.body?.cancel();
      if (hop >= this.options.maxRedirects) throw new FetchProblem(`too many redirects (more than ${this.options.maxRedirects})`);
      url = new URL(location, target).href;
    }
  }

  /** Refuses names and addresses off the public internet, before any connection is made. */
  private async checkAddress(hostname: string): Promise<void> {
    if (this.options.allowPrivate) return;
    const bare = hostname.replace(/^\[|\]$/g, "");
    if (RESERVED_NAME.test(bare)) throw new FetchProblem(`${bare} is a reserved name (RFC 2606/6761), not fetched`);
    let addresses: { address: string }[];
    try {
      addresses = await lookup(bare, { all: true, verbatim: true });
    } catch (error) {
      throw new FetchProblem(`cannot resolve ${bare} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) {
        throw new FetchProblem(`refused: ${bare} resolves to ${address} (${range}); use --allow-private to fetch private addresses`);
      }
    }
  }

  private host(url: URL): HostState {
    let state = this.hosts.get(url.host);
    if (!state) {
      state = { nextSlot: 0, intervalMs: 1000 / this.options.ratePerSecond };
      this.hosts.set(url.host, state);
    }
    return state;
  }

  /** Per-host spacing: each request reserves the next slot, so concurrent callers queue in order. */
  private async waitTurn(url: URL): Promise<void> {
    const state = this.host(url);
    const now = Date.now();
    const slot = Math.max(now, state.nextSlot);
    state.nextSlot = slot + state.intervalMs;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  private async checkRobots(url: URL): Promise<void> {
    const state = this.host(url);
    state.robots ??= this.loadRobots(url);
    const rules = await state.robots;
    if (rules.unreachable) throw new FetchProblem(`robots.txt ${rules.unreachable}: treated as disallowing all`);
    if (!rules.allows(url.href)) throw new FetchProblem("disallowed by robots.txt");
  }

  private async loadRobots(url: URL): Promise<RobotsRules> {
    const robotsUrl = new URL("/robots.txt", url).href;
    let status: number;
    let text = "";
    try {
      const { response } = await this.request(robotsUrl, false);
      status = response.status;
      if (status >= 200 && status < 300) text = Buffer.from(await this.readCapped(response, ROBOTS_MAX_BYTES)).toString("utf8");
      else await response.body?.cancel();
    } catch (error) {
      if (error instanceof FetchProblem && /^refused|reserved|resolve/.test(error.message)) throw error;
      return { allows: () => false, unreachable: `unreachable (${describe(error, this.options)})` };
    }
    // RFC 9309: 4xx means no rules; 5xx means the site is unavailable, so nothing is fetched.
    if (status >= 500) return { allows: () => false, unreachable: `unavailable (HTTP ${status})` };
    const robots = robotsParser(robotsUrl, status < 300 ? text : "");
    const delay = robots.getCrawlDelay(ROBOTS_AGENT);
    const state = this.host(url);
    if (delay !== undefined && delay * 1000 > state.intervalMs) state.intervalMs = delay * 1000;
    return { allows: (u) => robots.isAllowed(u, ROBOTS_AGENT) !== false, crawlDelaySeconds: delay };
  }

  /** The body, streamed, aborted as soon as it passes the cap. */
  private async readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      throw new FetchProblem(`over ${megabytes(maxBytes)} MB (${megabytes(declared)} MB declared)`);
    }
    if (!response.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new FetchProblem(`over ${megabytes(maxBytes)} MB`);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }
}

/** The range name of an address off the public internet (loopback, private, linkLocal...), else undefined. */
export function nonPublicRange(address: string): string | undefined {
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  return NON_PUBLIC_RANGES.has(range) ? range : undefined;
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchProblem("not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new FetchProblem(`cannot fetch ${parsed.protocol} URLs`);
  return parsed;
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/** Any failure -> a short message naming the cause. */
function describe(error: unknown, options: Required<FetchOptions>): string {
  if (error instanceof FetchProblem) return error.message;
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return `timed out after ${options.timeoutMs / 1000} s`;
  const cause = err?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ""}`;
  return err?.message ?? String(error);
}
