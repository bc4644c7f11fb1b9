/**
 * Stories across languages, built online: each arriving understood article joins the most similar open
 * story or opens a new one. Similarity is language-independent: the article's linked entity ids and
 * folded names (people, organisations), places (GeoNames ids, countries), figures (value + unit) and
 * event types, each weighted by its rarity in the corpus so far (idf), compared with the story's centroid
 * by cosine, times a decay with the days between the article and the story. Candidate stories come from
 * an inverted index over the article's rarest features, so a new article never scans the whole corpus.
 * I/O-free: the store persists `toJSON()` and restores with `StoryClusterer.fromJSON`.
 */
import type { UnderstoodArticle } from "../schema.ts";
import { foldText, foldedWords } from "./text.ts";

/** Chosen by `npm run eval:stories` (B-cubed on the multilingual news sample). */
export const STORY_DEFAULTS = {
  /** Cosine (after time decay) at or above which an article joins a story (0.2 scores a hair higher on the sample, whose stories are translations sharing every name and number; 0.25 guards precision on real reporting). */
  threshold: 0.25,
  /** Articles further than this from a story's time span are never joined to it. */
  windowDays: 7,
  /** The e-folding time of the decay: at this distance a similarity counts 1/e (14 days merged same-topic stories of different weeks). */
  decayDays: 3,
  /** Candidate stories are fetched through the article's rarest features, at most this many of them. */
  lookupFeatures: 24,
};

export type StoryOptions = typeof STORY_DEFAULTS;

/** Pseudo-articles in which no feature occurs, added to the corpus size in idf. */
const IDF_BACKGROUND_ARTICLES = 100;

/** How much each kind of feature counts, before rarity: names and places identify a story, event types barely. */
const FEATURE_WEIGHTS = {
  entityId: 1.5,
  name: 1,
  nameWord: 0.4,
  place: 1,
  country: 0.3,
  figure: 0.8,
  eventType: 0.2,
} as const;

/** Figures below this are too common ("two", "three") to tell stories apart. */
const MIN_FIGURE_VALUE = 10;
/** Name words shorter than this ("de", "al", "jr") carry no identity. */
const MIN_NAME_WORD_LENGTH = 4;

export type Features = Map<string, number>;

/** The language-independent features of an understood article, with their within-article weights. */
export function storyFeatures(article: UnderstoodArticle): Features {
  const features: Features = new Map();
  const add = (key: string, weight: number) => features.set(key, Math.max(features.get(key) ?? 0, weight));
  for (const entity of article.entities) {
    const salience = 1 + Math.log(entity.mentions);
    if (entity.place) {
      const place = entity.place;
      add(place.geonameId !== undefined ? `geo:${place.geonameId}` : `place:${foldText(place.name)}`, FEATURE_WEIGHTS.place * salience);
      if (place.countryCode) add(`cc:${place.countryCode}`, FEATURE_WEIGHTS.country * salience);
      continue;
    }
    if (entity.id) add(`id:${entity.id}`, FEATURE_WEIGHTS.entityId * salience);
    const folded = foldText(entity.name);
    if (folded.length >= MIN_NAME_WORD_LENGTH) add(`name:${folded}`, FEATURE_WEIGHTS.name * salience);
    for (const word of foldedWords(entity.name)) {
      if (word.length >= MIN_NAME_WORD_LENGTH && !/^\d+$/.test(word)) add(`word:${word}`, FEATURE_WEIGHTS.nameWord * salience);
    }
  }
  for (const figure of article.figures) {
    if (figure.kind === "ordinal" || Math.abs(figure.value) < MIN_FIGURE_VALUE) continue;
    add(`fig:${figure.value}:${figure.unit ?? ""}`, FEATURE_WEIGHTS.figure);
  }
  for (const event of article.events ?? []) add(`event:${event.eventType}`, FEATURE_WEIGHTS.eventType);
  return features;
}

export interface StoryMember {
  id: string;
  title?: string;
  language?: string;
  source?: string;
  /** Day number (days since 1970-01-01) of the article's date, when it has one. */
  day?: number;
  features: Array<[string, number]>;
}

interface StoryState {
  id: string;
  members: StoryMember[];
  /** Sum of the members' feature weights. */
  totals: Map<string, number>;
  firstDay?: number;
  lastDay?: number;
}

/** A story as the store and the API show it. */
export interface Story {
  id: string;
  /** The most central English member's title, else the most central member's. */
  title?: string;
  start?: string;
  end?: string;
  languages: string[];
  sources: string[];
  members: string[];
}

export interface Assignment {
  storyId: string;
  /** The article opened the story. */
  opened: boolean;
  /** Decayed similarity to the story joined (0 when a story was opened). */
  score: number;
}

export interface StoryClustererState {
  version: 1;
  options: StoryOptions;
  articles: number;
  documentFrequency: Array<[string, number]>;
  stories: Array<{ id: string; members: StoryMember[] }>;
}

const DAY_MS = 86_400_000;

function dayOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const ms = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / DAY_MS);
}

function isoDay(day: number | undefined): string | undefined {
  return day === undefined ? undefined : new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export class StoryClusterer {
  readonly options: StoryOptions;
  private articles = 0;
  private readonly documentFrequency = new Map<string, number>();
  private readonly stories = new Map<string, StoryState>();
  /** feature -> stories holding it: the candidate lookup. */
  private readonly postings = new Map<string, Set<string>>();
  private readonly storyOf = new Map<string, string>();

  constructor(options: Partial<StoryOptions> = {}) {
    this.options = { ...STORY_DEFAULTS, ...options };
  }

  get size(): number {
    return this.stories.size;
  }

  /** The story an article was put in. */
  storyIdOf(articleId: string): string | undefined {
    return this.storyOf.get(articleId);
  }

  /** Puts an article into a story (an existing one or a new one). Adding an id twice returns its story. */
  add(articleId: string, article: UnderstoodArticle): Assignment {
    const known = this.storyOf.get(articleId);
    if (known) return { storyId: known, opened: false, score: 1 };
    const features = storyFeatures(article);
    const member: StoryMember = {
      id: articleId,
      ...(article.title ? { title: article.title } : {}),
      ...(article.language ? { language: article.language } : {}),
      ...(article.publisher || article.url || article.source ? { source: article.publisher ?? hostOf(article.url) ?? article.source } : {}),
      ...(dayOf(article.published) !== undefined ? { day: dayOf(article.published)! } : {}),
      features: [...features],
    };
    // Rarity counts this article too, so that its own features are never "unseen".
    this.articles++;
    for (const key of features.keys()) this.documentFrequency.set(key, (this.documentFrequency.get(key) ?? 0) + 1);
    const best = this.bestStory(features, member.day);
    if (best && best.score >= this.options.threshold) {
      this.join(best.story, member);
      return { storyId: best.story.id, opened: false, score: best.score };
    }
    const story: StoryState = { id: `story:${articleId}`, members: [], totals: new Map() };
    this.stories.set(story.id, story);
    this.join(story, member);
    return { storyId: story.id, opened: true, score: 0 };
  }

  /** Every story, largest first. */
  list(): Story[] {
    return [...this.stories.values()].sort((a, b) => b.members.length - a.members.length || a.id.localeCompare(b.id)).map((s) => this.describe(s));
  }

  get(storyId: string): Story | undefined {
    const story = this.stories.get(storyId);
    return story && this.describe(story);
  }

  toJSON(): StoryClustererState {
    return {
      version: 1,
      options: this.options,
      articles: this.articles,
      documentFrequency: [...this.documentFrequency],
      stories: [...this.stories.values()].map((s) => ({ id: s.id, members: s.members })),
    };
  }

  static fromJSON(state: StoryClustererState): StoryClusterer {
    const clusterer = new StoryClusterer(state.options);
    clusterer.articles = state.articles;
    for (const [key, n] of state.documentFrequency) clusterer.documentFrequency.set(key, n);
    for (const { id, members } of state.stories) {
      const story: StoryState = { id, members: [], totals: new Map() };
      clusterer.stories.set(id, story);
      for (const member of members) clusterer.join(story, member);
    }
    return clusterer;
  }

  /**
   * Rarity. The background count stands for the unseen corpus: without it, in a store of a few articles
   * every shared name looks common (two of three articles) and weighs less than the names that differ.
   */
  private idf(key: string): number {
    return Math.log((this.articles + IDF_BACKGROUND_ARTICLES) / ((this.documentFrequency.get(key) ?? 0) + 0.5));
  }

  private bestStory(features: Features, day: number | undefined): { story: StoryState; score: number } | undefined {
    const rarest = [...features.keys()]
      .filter((key) => this.postings.has(key))
      .sort((a, b) => this.idf(b) - this.idf(a))
      .slice(0, this.options.lookupFeatures);
    const candidates = new Set<string>();
    for (const key of rarest) for (const id of this.postings.get(key)!) candidates.add(id);
    const articleVector = new Map<string, number>();
    let articleNorm = 0;
    for (const [key, weight] of features) {
      const w = weight * this.idf(key);
      articleVector.set(key, w);
      articleNorm += w * w;
    }
    articleNorm = Math.sqrt(articleNorm);
    let best: { story: StoryState; score: number } | undefined;
    for (const id of candidates) {
      const story = this.stories.get(id)!;
      const distance = daysApart(day, story);
      if (distance > this.options.windowDays) continue;
      const score = this.cosine(articleVector, articleNorm, story) * Math.exp(-distance / this.options.decayDays);
      if (!best || score > best.score) best = { story, score };
    }
    return best;
  }

  /** Cosine between the article's idf-weighted vector and the story's mean vector. */
  private cosine(vector: Map<string, number>, norm: number, story: StoryState): number {
    if (norm === 0) return 0;
    let dot = 0;
    let storyNorm = 0;
    for (const [key, total] of story.totals) {
      const w = total * this.idf(key);
      storyNorm += w * w;
      const a = vector.get(key);
      if (a !== undefined) dot += a * w;
    }
    return storyNorm === 0 ? 0 : dot / (norm * Math.sqrt(storyNorm));
  }

  private join(story: StoryState, member: StoryMember): void {
    story.members.push(member);
    this.storyOf.set(member.id, story.id);
    for (const [key, weight] of member.features) {
      story.totals.set(key, (story.totals.get(key) ?? 0) + weight);
      let posting = this.postings.get(key);
      if (!posting) this.postings.set(key, (posting = new Set()));
      posting.add(story.id);
    }
    if (member.day !== undefined) {
      story.firstDay = Math.min(story.firstDay ?? member.day, member.day);
      story.lastDay = Math.max(story.lastDay ?? member.day, member.day);
    }
  }

  private describe(story: StoryState): Story {
    const centrality = (member: StoryMember) => {
      const vector = new Map(member.features.map(([key, w]) => [key, w * this.idf(key)] as const));
      let norm = 0;
      for (const w of vector.values()) norm += w * w;
      return this.cosine(vector, Math.sqrt(norm), story);
    };
    const titled = story.members.filter((m) => m.title);
    const english = titled.filter((m) => m.language === "en");
    const pool = english.length > 0 ? english : titled;
    let title: string | undefined;
    let bestScore = -1;
    for (const member of pool) {
      const score = pool.length === 1 ? 1 : centrality(member);
      if (score > bestScore) [title, bestScore] = [member.title, score];
    }
    const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))].sort();
    return {
      id: story.id,
      ...(title ? { title } : {}),
      ...(story.firstDay !== undefined ? { start: isoDay(story.firstDay)!, end: isoDay(story.lastDay)! } : {}),
      languages: distinct(story.members.map((m) => m.language)),
      sources: distinct(story.members.map((m) => m.source)),
      members: story.members.map((m) => m.id),
    };
  }
}

/** Days from a date to a story's time span (0 inside it, or when either has no date). */
function daysApart(day: number | undefined, story: StoryState): number {
  if (day === undefined || story.firstDay === undefined || story.lastDay === undefined) return 0;
  if (day < story.firstDay) return story.firstDay - day;
  if (day > story.lastDay) return day - story.lastDay;
  return 0;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}
