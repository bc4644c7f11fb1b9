/**
 * Events step: who did what to whom, where and when, coded in PLOVER straight from the text.
 * Per sentence and clause: trigger words from the lexicons (events/lexicon.ts), the leftmost trigger
 * governs its clause ("threatened to attack" is THREATEN; "denied that X attacked" is REJECT by the
 * speaker), negated triggers yield nothing, hedged ones are marked hypothetical with less confidence.
 * Actor = nearest entity or agent noun before the trigger, recipient = the first after it.
 */
import type { Entity, Event, EventParticipant, Figure, Mention, PloverType, TextSpan } from "../schema.ts";
import { PloverType as PloverTypes } from "../schema.ts";
import { parseDateText } from "../extract/dates.ts";
import { sentenceSpans, type Span } from "./quotes/sentences.ts";
import { lexiconFor, matchesAt, normalizeWord, WORD, type Lexicon, type LexiconEntry } from "./events/lexicon.ts";
import { hasLowercase, isCapitalised, startsWithDigit } from "../letters.ts";

export interface EventInput {
  text: string;
  language?: string;
  published?: string;
  mentions?: readonly Mention[];
  entities?: readonly Entity[];
  figures?: readonly Figure[];
}

/** Confidence of a trigger from the hand-curated lexicon, and of one derived from the CAMEO dictionaries. */
const CORE_CONFIDENCE = 0.75;
const DERIVED_CONFIDENCE = 0.45;
const ACTOR_BONUS = 0.15;
const HEDGE_FACTOR = 0.5;
/** How many words before a trigger a negation or hedge reaches. */
const NEGATION_REACH = 3;
const HEDGE_REACH = 4;
/** Types that are themselves about intent or speech: a hedge word before them is part of their meaning. */
const INTENT_TYPES = new Set<string>(["THREATEN", "REQUEST", "AGREE", "REJECT"]);
/**
 * A hostile act announced for later ("will impose a curfew", "may halt mediation") is a threat, a
 * cooperative one ("will withdraw", "plans to provide aid") an agreement: PLOVER codes the intent.
 */
const INTENT_OF: Record<string, PloverType> = {
  ASSAULT: "THREATEN", COERCE: "THREATEN", SANCTION: "THREATEN", PROTEST: "THREATEN",
  AID: "AGREE", COOPERATE: "AGREE", RETREAT: "AGREE", CONCEDE: "AGREE", CONSULT: "AGREE", SUPPORT: "AGREE",
};
const INTENT_FACTOR = 0.8;
/**
 * A threat's mode is what it threatens (CAMEO2PLOVER 13x): an attack "violence" (138), protest "relations"
 * (133); sanctions or an embargo "restrict" (1312), cutting aid, relations or talks "relations" (1311, 1313,
 * 134), expelling "expel" (136); a curfew, martial law or a blockade "restrict" (1323, 1324, 1381), a ban "ban"
 * (132), an occupation "territory" (1382).
 */
const THREAT_MODE_OF: Record<string, string> = { ASSAULT: "violence", PROTEST: "relations" };
const THREAT_MODE_BY_MODE: Record<string, Record<string, string>> = {
  SANCTION: { "": "restrict", withdraw: "relations", discontinue: "relations", expel: "expel" },
  COERCE: { curfew: "restrict", "martial-law": "restrict", restrict: "restrict", ban: "ban", seize: "territory" },
};
const threatMode = (type: string, mode: string | undefined) => THREAT_MODE_OF[type] ?? THREAT_MODE_BY_MODE[type]?.[mode ?? ""];
/** How many words after "threatened" the threatened act may start ("threatened to impose a curfew"). */
const THREAT_OBJECT_REACH = 5;
/**
 * An event stopped or lifted is a different event (CAMEO2PLOVER 08x, 16x): "halted aid" is SANCTION,
 * "called off the strike" CONCEDE, "lifted the curfew" RETREAT, "lifted sanctions" RETREAT.
 */
const REVERSAL_OF: Record<string, { type: PloverType; mode?: string }> = {
  AID: { type: "SANCTION", mode: "discontinue" }, COOPERATE: { type: "SANCTION", mode: "discontinue" },
  CONSULT: { type: "SANCTION", mode: "withdraw" }, AGREE: { type: "SANCTION", mode: "withdraw" }, SUPPORT: { type: "SANCTION" },
  PROTEST: { type: "CONCEDE" }, COERCE: { type: "CONCEDE" }, SANCTION: { type: "RETREAT", mode: "ease" },
  ASSAULT: { type: "RETREAT", mode: "disarm" }, MOBILIZE: { type: "RETREAT", mode: "disarm" },
};
/**
 * A cooperative verbal act negated is a refusal: "will not accept", "failed to reach agreement", "no aceptó"
 * are REJECT (CAMEO 12x); any other negated event is no event.
 */
const NEGATED_TO_REJECT = new Set<string>(["AGREE", "CONCEDE"]);
/**
 * Restrictions PLOVER v0.8 files under RETREAT when eased (0813 curfew, 0814 state of emergency), and a
 * military restriction (a blockade, a siege: 0872 "ease military blockade", RETREAT/withdraw).
 */
const EASED_TO_RETREAT = new Set(["curfew", "martial-law"]);
const easedToRetreat = (entry: LexiconEntry): { type: PloverType; mode?: string } | undefined =>
  EASED_TO_RETREAT.has(entry.mode ?? "") ? { type: "RETREAT" } : entry.contexts.includes("military") ? { type: "RETREAT", mode: "withdraw" } : undefined;
/** How many words after "withdraw" the withdrawn mission may stand ("withdraw all its weapons inspectors"). */
const MISSION_REACH = 4;
const STOP_REACH = 4;
/** "must cooperate", "debe retirar": the speaker demands it (REQUEST). */
const OBLIGE_REACH = 3;
/**
 * Languages whose nouns nearly always carry a determiner, so that a trigger right after one is a noun: there
 * a verb trigger governs its clause before a nominal one ("tras la marcha, los estudiantes ocuparon el rectorado": the occupation).
 * English bare plurals ("restrictions", "allegations") make the same test mislead, so it is not applied.
 */
const NOMINAL_BY_DETERMINER = new Set(["es", "fr"]);

/** Clause boundaries: semicolons, colons, and a comma before a contrastive conjunction. */
const CLAUSE_BREAK =
  /[;:]|,\s*(?:but|while|whereas|although|pero|mientras|aunque|mais|tandis|alors que|но|а|однак|але|لكن)\s|,\s*(?:\p{L}+\s+){0,2}(?:after|before|après|avant|después|antes|после|перед|після|бو|بعد)\s/giu;
/** Words that introduce a place. */
const LOCATION_PREPOSITIONS = new Set([
  "in", "at", "near", "over", "en", "a", "sobre", "au", "dans", "pres", "sur", "au-dessus", "в", "во", "у", "под", "над", "під", "біля", "في",
]);
const TYPES = new Set<string>(PloverTypes.options);

interface Word {
  norm: string;
  start: number;
  end: number;
  raw: string;
}

interface Hit {
  entry: LexiconEntry;
  from: number;
  to: number;
}

interface Candidate {
  start: number;
  end: number;
  from: number;
  to: number;
  entity?: number;
}

/** The events of an article, in text order. Pure: same input, same events. */
export function codeEvents(article: EventInput): Event[] {
  const language = (article.language ?? "en").toLowerCase().slice(0, 2);
  const lexicon = lexiconFor(language);
  if (lexicon.byKey.size === 0 && lexicon.containing.length === 0) return [];
  const text = article.text;
  const reference = article.published ? new Date(article.published) : undefined;
  const events: Event[] = [];
  for (const sentence of sentenceSpans(text)) {
    events.push(...codeSentence(text, sentence, language, lexicon, article, reference));
  }
  return events;
}

function wordsOf(text: string, span: Span): Word[] {
  const slice = text.slice(span.start, span.end);
  return [...slice.matchAll(WORD)].map((m) => ({
    norm: normalizeWord(m[0]),
    raw: m[0],
    start: span.start + m.index,
    end: span.start + m.index + m[0].length,
  }));
}

/** Longest match at each position, core before derived; matches do not overlap. */
function findHits(words: readonly Word[], lexicon: Lexicon): Hit[] {
  const norms = words.map((w) => w.norm);
  const raws = words.map((w) => w.raw.toLowerCase());
  const hits: Hit[] = [];
  for (let i = 0; i < norms.length; i++) {
    const found = matchesAt(lexicon, norms, i, raws);
    if (found.length === 0) continue;
    found.sort((a, b) => b.length - a.length || Number(b.entry.core) - Number(a.entry.core));
    const best = found[0]!;
    if (found.some((f) => f.entry.cls === "NONE" && f.length === best.length)) {
      // The words name no event, but may still be a control ("aid workers" names no aid, yet is a MISSION).
      for (const f of found) if (f.length === best.length && f.entry.cls !== "NONE" && !TYPES.has(f.entry.cls)) hits.push({ entry: f.entry, from: i, to: i + f.length });
      i += best.length - 1;
      continue;
    }
    // Keep the controls and agents that share the span: "denied" is both DENY and a trigger word elsewhere.
    for (const f of found) if (f.length === best.length && (f === best || f.entry.cls !== best.entry.cls)) hits.push({ entry: f.entry, from: i, to: i + f.length });
    i += best.length - 1;
  }
  return hits;
}

function codeSentence(
  text: string,
  sentence: Span,
  language: string,
  lexicon: Lexicon,
  article: EventInput,
  reference: Date | undefined,
): Event[] {
  const words = wordsOf(text, sentence);
  if (words.length === 0) return [];
  const hits = findHits(words, lexicon);
  const agents = hits.filter((h) => h.entry.cls === "AGENT");
  const inAgent = (i: number) => agents.some((a) => i >= a.from && i < a.to);
  const headline = !hasLowercase(text.slice(sentence.start, sentence.end));
  const denials = hits.filter((h) => h.entry.cls === "DENY");
  // Participles that name people after a determiner or a number: "the wounded", "los otros detenidos"; not
  // after an agent noun, the subject of the participle as a verb ("the opposition accused").
  const isPersonNoun = (h: Hit) =>
    h.from > 0 &&
    hits.some((p) => p.entry.cls === "PERSON" && p.from === h.from) &&
    ((hasBefore(hits, "DET", h.from, 1, 0) && !inAgent(h.from - 1)) || startsWithDigit(words[h.from - 1]!.raw));
  // "lifted the curfew": the stop word is not an event of its own when what it stops follows.
  const stopsNext = (h: Hit) =>
    hits.some((s) => s.entry.cls === "STOP" && s.from === h.from) &&
    hits.some((n) => REVERSAL_OF[n.entry.cls] && n.entry.core && stopsObject(hits, h, n));
  const triggers = hits.filter(
    (h) =>
      TYPES.has(h.entry.cls) &&
      !stopsNext(h) &&
      !inAgent(h.from) &&
      !isPersonNoun(h) &&
      // "los militantes encarcelados": a participle describing a participant; a killing or wounding so
      // reported (a hand-curated ASSAULT participle: "un policía muerto", "asesinada el lunes") is news of its own.
      !(!headline && h.from > 0 && !(h.entry.core && h.entry.cls === "ASSAULT") && adjectivalParticiple(words, hits, h, language)) &&
      // A capitalised word inside a sentence is a name ("March", "Accord"), not a verb.
      (h.from === 0 || headline || !isCapitalised(words[h.from]!.raw)),
  );
  if (triggers.length === 0 && denials.length === 0) return [];
  const candidates = actorCandidates(words, agents, article.mentions ?? [], sentence);
  const clauses = clauseRanges(text, sentence, words);
  const events: Event[] = [];
  // How prominent each event's trigger is in the sentence, to mark the main event (see salience).
  const salienceOf: number[] = [];
  let suppressedFrom = Infinity;
  for (const [cFrom, cTo] of clauses) {
    if (cFrom >= suppressedFrom) break;
    // A denial governs its clause unless an event precedes it there ("would prohibit aid ... and deny entry"):
    // the leftmost trigger governs, as everywhere.
    const denial = denials.find((d) => d.from >= cFrom && d.from < cTo && !strongest(text, words, hits, triggers, cFrom, d.from, language)?.entry.core);
    let chosen: Hit | undefined;
    let type: string | undefined;
    let mode: string | undefined;
    if (denial) {
      chosen = denial;
      type = "REJECT";
      suppressedFrom = denial.to; // the denied event is not coded
    } else {
      const governing = strongest(text, words, hits, triggers, cFrom, cTo, language);
      chosen = governing;
      type = governing?.entry.cls;
      mode = governing?.entry.mode ?? (governing && modeOfSameType(triggers, governing, cFrom, cTo));
      const stopped = !!governing && hits.some((h) => h.entry.cls === "STOP" && h.from >= cFrom && stopsObject(hits, h, governing));
      const reversal = stopped && type ? REVERSAL_OF[type] : undefined;
      if (reversal && governing) {
        const eased = reversal.type === "CONCEDE" ? easedToRetreat(governing.entry) : undefined;
        type = (eased ?? reversal).type;
        mode = (eased ?? reversal).mode;
      }
      if (governing && type === "ASSAULT" && !mode && killsLeader(text, words, hits, cFrom, cTo)) mode = "assassinate";
      if (governing && type === "RETREAT" && !mode && hasAfter(hits, "MISSION", governing.to, MISSION_REACH, cTo)) {
        type = "SANCTION";
        mode = "expel";
      }
    }
    if (!chosen || !type) continue;
    if (!denial && stative(hits, words, chosen, language)) continue;
    if (!denial && negated(hits, chosen.from, cFrom)) {
      if (!NEGATED_TO_REJECT.has(type)) continue;
      type = "REJECT";
      mode = undefined;
    }
    if (!denial && type !== "REQUEST" && hasBefore(hits, "OBLIGE", chosen.from, OBLIGE_REACH, cFrom)) {
      type = "REQUEST";
      mode = undefined;
    }
    let hedged = !denial && !INTENT_TYPES.has(type) && hasBefore(hits, "HEDGE", chosen.from, HEDGE_REACH, cFrom);
    // "will withdraw its force unless...": an announced act on a condition is a threat (CAMEO 13x, ultimatum).
    const conditional = hedged && hits.some((h) => h.entry.cls === "CONDITION" && h.from >= chosen!.to && h.from < cTo);
    const intent = conditional ? "THREATEN" : hedged ? INTENT_OF[type] : undefined;
    if (intent) {
      mode = intent === "THREATEN" ? threatMode(type, mode) : undefined;
      type = intent;
      hedged = false;
    }
    if (type === "THREATEN" && !mode) mode = threatenedMode(hits, triggers, chosen, cTo);
    let actor = pickActor(candidates, chosen, cFrom, cTo);
    let recipient = pickRecipient(candidates, chosen, cTo, actor);
    const agentOfPassive = passiveAgent(hits, candidates, chosen, cTo);
    if (agentOfPassive) {
      recipient = actor && actor !== agentOfPassive ? actor : undefined;
      actor = agentOfPassive;
    }
    // A derived trigger needs an actor; a derived stem ("centr*" also matches nouns) its subject: an actor
    // in its own clause before it, or a passive agent.
    const subject = !!actor && (actor === agentOfPassive || (actor.from >= cFrom && actor.to <= chosen.from));
    const stem = chosen.entry.tokens.some((t) => t.prefix);
    if (!chosen.entry.core && !denial && !(stem ? subject : actor)) continue;
    // One event per sentence, unless a later clause has a strong trigger and participants of its own.
    const ownParticipant = (c: Candidate | undefined) => !!c && c.from >= cFrom && c.to <= cTo;
    if (events.length > 0) {
      if (!(chosen.entry.core && (ownParticipant(actor) || ownParticipant(recipient)))) continue;
      if (!denial && inPhrase(hits, chosen, cFrom)) continue; // "..., en protesta por": qualifies the main event
      if (!ownParticipant(actor)) actor = undefined; // the earlier clause's actor did the earlier event
    }
    let confidence = (chosen.entry.core || denial ? CORE_CONFIDENCE : DERIVED_CONFIDENCE) + (actor ? ACTOR_BONUS : 0);
    if (hedged) confidence *= HEDGE_FACTOR;
    if (intent) confidence *= INTENT_FACTOR;
    const trigger = spanOf(text, words[chosen.from]!.start, words[chosen.to - 1]!.end);
    const clauseText = text.slice(words[cFrom]!.start, words[cTo - 1]!.end);
    events.push({
      id: `e${sentence.start}-${trigger.start}`,
      date: eventDate(clauseText, text.slice(sentence.start, sentence.end), language, reference, article.published),
      eventType: type as PloverType,
      mode: denial ? undefined : mode,
      contexts: denial ? [] : chosen.entry.contexts,
      actor: actor && participant(text, actor),
      recipient: recipient && participant(text, recipient),
      location: findLocation(text, words, hits, sentence, article, [cFrom, cTo]),
      size: sizeOf(sentence, article.figures ?? [], language),
      trigger,
      sentence: spanOf(text, sentence.start, sentence.end),
      hypothetical: hedged || undefined,
      confidence: Math.round(confidence * 100) / 100,
    });
    salienceOf.push(salience(text, words, hits, chosen, cFrom, language));
  }
  const motive = events.length > 0 && suppressedFrom === Infinity ? protestMotive(hits, triggers, events) : undefined;
  if (motive) {
    const main = events[0]!;
    const trigger = spanOf(text, words[motive.from]!.start, words[motive.to - 1]!.end);
    events.push({ ...main, id: `e${sentence.start}-${trigger.start}`, eventType: "PROTEST", mode: motive.entry.mode, contexts: motive.entry.contexts, recipient: undefined, trigger });
    // "se retiró de la cumbre para protestar", "shunned work to protest": PLOVER codes the act done as dissent as
    // the PROTEST (its GSR records code such sentences PROTEST, the act its mode), so the protest is the main event.
    salienceOf.push(Infinity);
  }
  const mainAt = salienceOf.reduce((best, score, i) => (score > salienceOf[best]! ? i : best), 0);
  return events.map((e, i) => ({ ...e, main: i === mainAt }));
}

/**
 * How prominent a trigger is in its sentence, for marking the sentence's main event (the root verb's, as
 * GDELT's IsRootEvent or PETRARCH's event per verb phrase), by precedence (see byPrecedence):
 * an event in the main clause beats one in a clause opened by a relative pronoun or subordinating conjunction
 * ("los campesinos, que reclaman..., bloquearon"), then one that is not a purpose ("para protestar"), then
 * one that is not a noun in a prepositional phrase ("en protesta por"), then a verb over a noun with a
 * determiner ("la huelga"), then a hand-curated trigger over a derived one; the leftmost among equals.
 * Reporting verbs are no events, so in "X dijo que Y atacó" the reported attack is the main event.
 */
function salience(text: string, words: readonly Word[], hits: readonly Hit[], t: Hit, cFrom: number, language: string): number {
  return byPrecedence([
    !subordinate(text, words, hits, t, cFrom, language),
    !opensPhraseOf(text, words, hits, "PURPOSE", t, cFrom),
    !inPhrase(hits, t, cFrom),
    !hasBefore(hits, "DET", t.from, 0, cFrom),
    t.entry.core,
  ]);
}

/** A score that ranks by the first test passed where two candidates differ: each test outweighs all the later ones together. */
function byPrecedence(passed: readonly boolean[]): number {
  return passed.reduce((score, ok) => score * 2 + (ok ? 1 : 0), 0);
}

/**
 * A trigger that cannot head the sentence's main clause: in a clause a subordinator opens ("que reclaman"),
 * or a verb form that is not finite (see NON_FINITE).
 */
function subordinate(text: string, words: readonly Word[], hits: readonly Hit[], t: Hit, cFrom: number, language: string): boolean {
  return opensPhraseOf(text, words, hits, "SUBORD", t, cFrom) || nonFinite(words, hits, t, language);
}

/**
 * Verb forms that head no main clause (they are the complement or adjunct of another verb, or modify a noun):
 * Spanish infinitives and gerunds with their clitics ("protestar", "exigiendo", "bloquearla"), and a past
 * participle without an auxiliary before it ("los militantes encarcelados", "proscrito durante"; not "han
 * detenido", "fue detenido"). After a determiner the word is a noun ("un atentado"), not a verb form.
 */
const NON_FINITE: Record<string, RegExp> = {
  es: /^\p{L}{2,}(?:ar|er|ir|ando|iendo|yendo)(?:se|lo|la|los|las|le|les)?$/u,
};
/** How many words before a participle its auxiliary may stand ("han sido detenidos", "fue luego detenido"). */
const AUXILIARY_REACH = 2;

function nonFinite(words: readonly Word[], hits: readonly Hit[], t: Hit, language: string): boolean {
  const form = NON_FINITE[language];
  if (!form || hasBefore(hits, "DET", t.from, 0, 0)) return false;
  // The verb of "se manifestaron", not its clitic.
  const verb = words.slice(t.from, t.to).find((w) => !CLITIC.has(w.norm))?.norm ?? words[t.from]!.norm;
  return form.test(verb) || adjectivalParticiple(words, hits, t, language);
}

/**
 * A past participle with no auxiliary, after a noun or a comma ("los militantes encarcelados", "el Senado,
 * controlado por la oposición"): it describes a participant by a state or an earlier act, reported as
 * background, not as an event of the report (as "están detenidos" names a state, see stative).
 */
function adjectivalParticiple(words: readonly Word[], hits: readonly Hit[], t: Hit, language: string): boolean {
  const participle = PARTICIPLE[language];
  if (!participle || t.to - t.from !== 1 || !participle.test(words[t.from]!.norm)) return false;
  if (hasBefore(hits, "DET", t.from, 0, 0)) return false;
  return !["AUX", "PASSIVE", "STATE"].some((cls) => hasBefore(hits, cls, t.from, AUXILIARY_REACH, 0));
}
const CLITIC = new Set(["se", "me", "te", "nos", "os", "le", "les", "lo", "la", "los", "las"]);

/** Punctuation that closes a subordinate clause or phrase ("Los presos, que protestaban, fueron trasladados"). */
const PHRASE_END = /[,;:()\[\]—–]/;

/**
 * A word of `cls` (subordinator, purpose word) earlier in the trigger's clause with no punctuation between:
 * the trigger is in the clause or phrase that word opens.
 */
function opensPhraseOf(text: string, words: readonly Word[], hits: readonly Hit[], cls: string, t: Hit, cFrom: number): boolean {
  return hits.some(
    (h) => h.entry.cls === cls && h.from >= cFrom && h.to <= t.from && !PHRASE_END.test(text.slice(words[h.to - 1]!.end, words[t.from]!.start)),
  );
}

/** Protest modes one can be "in" ("en protesta", "en huelga", "en huelga de hambre"): see protestMotive. */
const STATE_OF_PROTEST = new Set(["demo", "boycott", "hunger"]);

/**
 * "bloquearon el puerto para protestar", "dimitió en protesta por": a protest named as the motive of the main
 * act says the act is a protest; it is coded beside it, by the same actor (PLOVER codes both what was done
 * and that it was done as dissent). Only protest motives: "para exigir" is the purpose, not a second act. After
 * a motive word ("en", "in", "como") a protest, a strike or a hunger strike ("in protest", "en señal de protesta",
 * "en huelga de hambre desde hace 50 días") names the dissent the actor is in; a riot or a blockade does not
 * ("her role in rioting").
 */
function protestMotive(hits: readonly Hit[], triggers: readonly Hit[], events: readonly Event[]): Hit | undefined {
  if (events.some((e) => e.eventType === "PROTEST")) return undefined;
  return triggers.find(
    (t) =>
      t.entry.core &&
      t.entry.cls === "PROTEST" &&
      (hasBefore(hits, "PURPOSE", t.from, 0, 0) || (STATE_OF_PROTEST.has(t.entry.mode ?? "") && hasBefore(hits, "MOTIVE", t.from, 0, 0))) &&
      !negated(hits, t.from, 0),
  );
}

/**
 * "lifted the curfew", "levantaron la huelga": a stop word acts on an event that is its object, a few words on
 * and not inside a prepositional phrase ("levantó un coro de protestas" raised protests, it did not end them).
 */
function stopsObject(hits: readonly Hit[], stop: Hit, event: Hit): boolean {
  // Passive: "the strike was called off", "talks were suspended": the event is the subject before it.
  if (event.to <= stop.from) return stop.from - event.to <= STOP_REACH && hasBefore(hits, "PASSIVE", stop.from, 1, event.to);
  return (
    event.from >= stop.to &&
    event.from <= stop.to + STOP_REACH &&
    !hits.some((h) => h.entry.cls === "PREP" && h.from >= stop.to && h.to <= event.from)
  );
}

/**
 * Past participles by language: after a verb of state ("están detenidos", "sigue prohibida") a participle
 * names a standing state, not an event of the reported time.
 */
const PARTICIPLE: Record<string, RegExp> = {
  es: /^\p{L}{2,}(?:ad|id)[oa]s?$|^(?:muert|pres|proscrit|impuest|abiert|devuelt|hech|escrit|cubiert|suspens)[oa]s?$/u,
};

function stative(hits: readonly Hit[], words: readonly Word[], trigger: Hit, language: string): boolean {
  const participle = PARTICIPLE[language];
  return (
    !!participle &&
    trigger.to - trigger.from === 1 &&
    participle.test(words[trigger.from]!.norm) &&
    hasBefore(hits, "STATE", trigger.from, 0, 0)
  );
}

/**
 * The clause's governing trigger: the strongest, the leftmost among equals, not negated. Strength, by
 * precedence (see byPrecedence): a hand-curated trigger beats a derived one, one in a clause a relative
 * pronoun or subordinating conjunction opens yields to the main clause's ("los campesinos, que reclaman
 * tierras, bloquearon la ruta": the blockade; see opensPhraseOf), one after a purpose word ("to protest",
 * "para protestar") is the motive of the clause's event rather than the event, a verb beats a noun
 * (NOMINAL_BY_DETERMINER), and a noun in a prepositional phrase yields. (Dropping nouns outright lost:
 * "declared a ceasefire" is the event.)
 */
function strongest(text: string, words: readonly Word[], hits: readonly Hit[], triggers: readonly Hit[], cFrom: number, cTo: number, language: string): Hit | undefined {
  const nominalByDeterminer = NOMINAL_BY_DETERMINER.has(language);
  // A trigger right after "was", "were" is a verb ("the ceasefire was violated by"): a noun with a determiner
  // before it in the clause is its subject (or patient), not the event (in any language).
  const passiveVerb = triggers.find((v) => v.from >= cFrom && v.to <= cTo && hasBefore(hits, "PASSIVE", v.from, 1, cFrom));
  let best: Hit | undefined;
  let bestScore = -1;
  for (const t of triggers) {
    if (t.from < cFrom || t.to > cTo) continue;
    // A negation scopes over its own trigger only: "stormed the building without injuring anyone" is an assault.
    if (!NEGATED_TO_REJECT.has(t.entry.cls) && negated(hits, t.from, cFrom)) continue;
    const score = byPrecedence([
      t.entry.core,
      !opensPhraseOf(text, words, hits, "SUBORD", t, cFrom),
      !hasBefore(hits, "PURPOSE", t.from, t.from - cFrom, cFrom),
      !((nominalByDeterminer || (passiveVerb !== undefined && passiveVerb.from > t.from)) && hasBefore(hits, "DET", t.from, 0, cFrom)),
      !inPhrase(hits, t, cFrom),
    ]);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A trigger without a mode ("killed", "held talks") takes it from another trigger of its type that names the
 * means in its clause ("killed ... in a suicide car bombing", "a meeting at a lunch hosted by"): the general
 * word and the specific one describe the same act.
 */
function modeOfSameType(triggers: readonly Hit[], t: Hit, cFrom: number, cTo: number): string | undefined {
  return triggers.find((o) => o !== t && o.entry.cls === t.entry.cls && o.entry.core && o.entry.mode && o.from >= cFrom && o.to <= cTo)?.entry.mode;
}

/** How many words after "killed" its victim, a leader, may stand ("killed at least eight top rebel leaders"). */
const VICTIM_REACH = 6;

/** A killing word in the clause whose object, in the same phrase, is a leader: an assassination. */
function killsLeader(text: string, words: readonly Word[], hits: readonly Hit[], cFrom: number, cTo: number): boolean {
  return hits.some(
    (kill) =>
      kill.entry.cls === "DEAD" &&
      kill.from >= cFrom &&
      kill.to <= cTo &&
      hits.some(
        (leader) =>
          leader.entry.cls === "LEADER" &&
          leader.from >= kill.to &&
          leader.from <= kill.to + VICTIM_REACH &&
          leader.to <= cTo &&
          !PHRASE_END.test(text.slice(words[kill.to - 1]!.end, words[leader.from]!.start)),
      ),
  );
}

/** The mode of what a THREATEN trigger threatens: the first event trigger after it in its clause. */
function threatenedMode(hits: readonly Hit[], triggers: readonly Hit[], threat: Hit, cTo: number): string | undefined {
  const object = triggers.find((t) => t.entry.core && t.from >= threat.to && t.from <= threat.to + THREAT_OBJECT_REACH && t.to <= cTo);
  if (!object) return undefined;
  // "threatened to stop negotiations", "to cut aid": what is threatened is the reversal (SANCTION).
  const stopped = hits.some((h) => h.entry.cls === "STOP" && h.from >= threat.to && stopsObject(hits, h, object));
  const reversal = stopped ? REVERSAL_OF[object.entry.cls] : undefined;
  return reversal ? threatMode(reversal.type, reversal.mode) : threatMode(object.entry.cls, object.entry.mode);
}

/**
 * A trigger right after a preposition, or a preposition and a determiner ("en protesta por", "al final de
 * la marcha"): a noun that qualifies the clause's event rather than being one.
 */
function inPhrase(hits: readonly Hit[], t: Hit, cFrom: number): boolean {
  const det = hits.find((h) => h.entry.cls === "DET" && h.to === t.from);
  return hasBefore(hits, "PREP", t.from, 0, cFrom) || (!!det && hasBefore(hits, "PREP", det.from, 0, cFrom));
}

/** "was attacked by the rebels", "fue detenido por la policía": the agent after "by" acts. */
function passiveAgent(hits: readonly Hit[], candidates: readonly Candidate[], trigger: Hit, cTo: number): Candidate | undefined {
  if (!hasBefore(hits, "PASSIVE", trigger.from, 2, 0)) return undefined;
  const by = hits.find((h) => h.entry.cls === "BY" && h.from >= trigger.to && h.from <= trigger.to + 2 && h.from < cTo);
  if (!by) return undefined;
  return candidates.find((c) => c.from >= by.to && c.from <= by.to + 2 && c.to <= cTo);
}

function spanOf(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

function participant(text: string, c: Candidate): EventParticipant {
  return { ...spanOf(text, c.start, c.end), ...(c.entity !== undefined ? { entity: c.entity } : {}) };
}

/**
 * A negation word a few words before the trigger; a preposition like "sin", "without" only over its own
 * complement ("sin heridos"): "Reporteros sin Fronteras pide..." is not negated.
 */
function negated(hits: readonly Hit[], at: number, floor: number): boolean {
  const det = hits.find((h) => h.entry.cls === "DET" && h.to === at);
  return hasBefore(hits, "NEG", at, NEGATION_REACH, floor) || hasBefore(hits, "WITHOUT", det ? det.from : at, 0, floor);
}

function hasBefore(hits: readonly Hit[], cls: string, at: number, reach: number, floor: number): boolean {
  return hits.some((h) => h.entry.cls === cls && h.to <= at && h.to >= Math.max(floor, at - reach));
}

/** A word of `cls` starting at most `reach` words after `at`, before the clause ends at `ceiling`. */
function hasAfter(hits: readonly Hit[], cls: string, at: number, reach: number, ceiling: number): boolean {
  return hits.some((h) => h.entry.cls === cls && h.from >= at && h.from <= at + reach && h.to <= ceiling);
}

/** Word-index ranges of the clauses of a sentence. */
function clauseRanges(text: string, sentence: Span, words: readonly Word[]): [number, number][] {
  const slice = text.slice(sentence.start, sentence.end);
  const breaks = [...slice.matchAll(CLAUSE_BREAK)].map((m) => sentence.start + m.index);
  const ranges: [number, number][] = [];
  let from = 0;
  for (const at of breaks) {
    const to = words.findIndex((w) => w.start >= at);
    if (to <= from) continue;
    ranges.push([from, to]);
    from = to;
  }
  ranges.push([from, words.length]);
  return ranges;
}

/**
 * Who can act: named entities (mentions) and agent nouns, or capitalised word runs when no NER ran;
 * adjacent ones join ("Romanian officials", "Hungarian and Romanian officials").
 */
function actorCandidates(words: readonly Word[], agents: readonly Hit[], mentions: readonly Mention[], sentence: Span): Candidate[] {
  const raw: Candidate[] = [];
  const wordIndexAt = (pos: number) => words.findIndex((w) => w.end > pos);
  for (const m of mentions) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const from = wordIndexAt(m.start);
    let to = from;
    while (to < words.length && words[to]!.start < m.end) to++;
    if (from >= 0 && to > from) raw.push({ start: m.start, end: m.end, from, to, entity: m.entity });
  }
  if (mentions.length === 0) {
    for (let i = 0; i < words.length; i++) {
      if (!isCapitalised(words[i]!.raw) || (i === 0 && !isCapitalised(words[1]?.raw ?? ""))) continue;
      let j = i + 1;
      while (j < words.length && isCapitalised(words[j]!.raw)) j++;
      raw.push({ start: words[i]!.start, end: words[j - 1]!.end, from: i, to: j });
      i = j - 1;
    }
  }
  for (const a of agents) {
    if (raw.some((r) => a.from < r.to && r.from < a.to)) continue;
    raw.push({ start: words[a.from]!.start, end: words[a.to - 1]!.end, from: a.from, to: a.to });
  }
  raw.sort((a, b) => a.from - b.from);
  const joined: Candidate[] = [];
  for (const c of raw) {
    const last = joined[joined.length - 1];
    const gap = last ? c.from - last.to : Infinity;
    const joiner = gap === 1 && /^(and|y|e|et|и|і|та|و)$/.test(words[last!.to]!.norm);
    if (last && (gap === 0 || joiner)) {
      joined[joined.length - 1] = { ...last, end: c.end, to: c.to, entity: last.entity ?? c.entity };
    } else joined.push({ ...c });
  }
  return joined;
}

function pickActor(candidates: readonly Candidate[], trigger: Hit, cFrom: number, cTo: number): Candidate | undefined {
  const before = candidates.filter((c) => c.to <= trigger.from);
  const inClause = before.filter((c) => c.from >= cFrom);
  // Nearest in the clause, else the sentence's; else a subject after the verb (Spanish "protestaron miles de estudiantes").
  return inClause[inClause.length - 1] ?? before[before.length - 1] ?? candidates.find((c) => c.from >= trigger.to && c.to <= cTo);
}

function pickRecipient(candidates: readonly Candidate[], trigger: Hit, cTo: number, actor: Candidate | undefined): Candidate | undefined {
  return candidates.find((c) => c.from >= trigger.to && c.to <= cTo && c !== actor && c.start !== actor?.start);
}

/**
 * A named place after a locative preposition or a place noun ("the region of Belgorod"), in the event's
 * clause first, else in the sentence; without NER mentions, a capitalised word run in the same position.
 */
function findLocation(
  text: string,
  words: readonly Word[],
  hits: readonly Hit[],
  sentence: Span,
  article: EventInput,
  clause: [number, number],
): EventParticipant | undefined {
  const introduced = (index: number) => {
    const before = words[index - 1]?.norm;
    if (before && LOCATION_PREPOSITIONS.has(before)) return true;
    // "région Belgorod", "region of Belgorod", "province de Neuquén"
    return hasBefore(hits, "PLACE", index, 2, 0);
  };
  const places: { from: number; participant: EventParticipant }[] = [];
  const mentions = (article.mentions ?? []).filter((m) => m.start >= sentence.start && m.end <= sentence.end);
  for (const m of mentions) {
    const isPlace = m.type === "LOC" || article.entities?.[m.entity]?.place !== undefined;
    if (!isPlace) continue;
    const index = words.findIndex((w) => w.start >= m.start);
    if (index > 0 && introduced(index)) places.push({ from: index, participant: { ...spanOf(text, m.start, m.end), entity: m.entity } });
  }
  if (article.mentions === undefined || article.mentions.length === 0) {
    for (let i = 1; i < words.length; i++) {
      if (!isCapitalised(words[i]!.raw) || !introduced(i)) continue;
      let j = i + 1;
      while (j < words.length && isCapitalised(words[j]!.raw)) j++;
      places.push({ from: i, participant: spanOf(text, words[i]!.start, words[j - 1]!.end) });
      i = j - 1;
    }
  }
  const [cFrom, cTo] = clause;
  return (places.find((p) => p.from >= cFrom && p.from < cTo) ?? places[0])?.participant;
}

/** Dead, injured, arrested from the sentence's figures, by the words of what each figure counts. */
function sizeOf(sentence: Span, figures: readonly Figure[], language: string): Event["size"] {
  const lexicon = lexiconFor(language);
  const size: NonNullable<Event["size"]> = {};
  for (const f of figures) {
    if (f.start < sentence.start || f.end > sentence.end || f.kind !== "count") continue;
    const about = [f.counted?.text, f.predicate?.text].filter(Boolean).join(" ");
    const norms = [...about.matchAll(WORD)].map((m) => normalizeWord(m[0]));
    for (let i = 0; i < norms.length; i++) {
      const cls = matchesAt(lexicon, norms, i).map((m) => m.entry.cls);
      const key = cls.includes("DEAD") ? "dead" : cls.includes("INJURED") ? "injured" : cls.includes("ARRESTED") ? "arrested" : undefined;
      if (key && size[key] === undefined) {
        size[key] = f.value;
        break;
      }
    }
  }
  return Object.keys(size).length > 0 ? size : undefined;
}

/** A day named in the event's clause, else in its sentence, resolved against the article's date; else the article's date. */
function eventDate(
  clause: string,
  sentence: string,
  language: string,
  reference: Date | undefined,
  published: string | undefined,
): string | undefined {
  if (!reference || Number.isNaN(reference.getTime())) return undefined;
  const found = parseDateText(clause, { language, reference }) ?? parseDateText(sentence, { language, reference });
  return (found ?? published)?.slice(0, 10);
}
