/**
 * NER step: news annotation conventions particular to Russian and Ukrainian text, applied by
 * conventions.ts after the shared ones, sentence by sentence. The word lists are closed-class
 * words and generic nouns (grammar), never names:
 * - a sentence adverb or particle opening a sentence ("Напомним", "Втім") is capitalised by its
 *   position only;
 * - a legal form before a quoted name ("ОАО « Газпром »") is a common noun like "компания": the
 *   organisation is the quoted name; a quoted name after a word for a product or a craft
 *   ("шаттл « Дискавери »") names no organisation (MISC), one after a word for an organisation
 *   ("газета « ... »") is one;
 * - the original spelling of a name given in brackets ("Джон Смит ( John Smith )") is that name;
 * - pronouns, particles, adverbs, months and reporting verbs are never inside a name, and a
 *   person's name ends in no lowercase word but a particle;
 * - stump compounds ("Минфин", "Роскосмос"), domains ("Lenta.ru") and acronyms are no persons;
 * - a name after a generic word for a place ("реки Славянки") is that place.
 */
import { spansFromTags } from "./model.ts";
import { calendarWords } from "./lexicon.ts";
import { writeSpan, type Conventions } from "./conventions.ts";
import { hasLetter, hasUppercase, isAcronym, isCapitalised, startsCapitalThenLowercase, startsCyrillic, startsLatin, startsLowercase } from "../../letters.ts";

/** Sentence adverbs, particles and interjections (Russian and Ukrainian) that open sentences. */
const DISCOURSE_WORDS = new Set([
  "напомним", "впрочем", "ну", "однако", "кстати", "итак", "конечно", "видимо", "возможно", "действительно", "безусловно",
  "разумеется", "очевидно", "наверное", "вероятно", "зато", "поэтому", "следовательно", "например", "вообще", "пожалуй",
  "увы", "спасибо", "вот", "теперь", "естественно", "напротив", "кроме", "тем", "словом", "короче", "собственно",
  "нагадаємо", "втім", "утім", "проте", "однак", "зокрема", "отже", "звісно", "мабуть", "можливо", "справді", "дійсно",
  "наприклад", "тобто", "щоправда", "власне", "натомість", "дякую", "ось", "тепер", "загалом", "певно",
]);

/** Legal forms of companies (Russian and Ukrainian), lowercase: common nouns before the company's name. */
const LEGAL_FORMS = new Set(["оао", "зао", "ооо", "пао", "ао", "нао", "гуп", "фгуп", "муп", "ано", "нко", "тов", "пат", "прат", "ат", "зат", "ват", "дп", "кп"]);

/** Case endings a generic noun below may take (Russian and Ukrainian), none for the bare stem. */
const NOUN_ENDING = "(?:|ь|ью|ём|а|у|е|ом|ем|и|ы|ой|ою|ю|ей|ям|ами|ах|ов|я|ий|ия|ии|ию|ией|ії|ія|ію|ією|і|о|ях|ям|ями)";
const stemPattern = (stems: readonly string[]): RegExp => new RegExp(`^(?:${stems.join("|")})${NOUN_ENDING}$`, "u");

/** Generic nouns for organisations that name them in quotes ("газета « ... »", "рух « ... »"). */
const ORGANISATION_NOUN = stemPattern([
  "компани", "телекомпани", "концерн", "холдинг", "корпораци", "газет", "журнал", "еженедельник", "ежедневник", "издани",
  "интернет-издани", "агентств", "агенци", "телеканал", "радиостанци", "парти", "движени", "организаци", "объединени",
  "фонд", "банк", "клуб", "завод", "фабрик", "издательств", "институт", "университет", "обществ", "союз", "ассоциаци",
  "предприяти", "фирм", "сет", "портал", "видавництв", "товариств", "спілк", "рух", "об'єднанн",
]);

/** Generic nouns for places before their names ("реки Славянки", "республики Крым", "вулиці Хрещатик"); "сел" not bare: a verb. */
const PLACE_NOUN = stemPattern([
  "город", "сел(?=[аеоу])", "деревн", "пос[её]лк", "пос[её]л[оке]к", "станиц", "улиц", "площад", "проспект", "бульвар", "переулк", "переул[оке]к",
  "рек", "озер", "остров", "полуостров", "залив", "пролив", "провинци", "штат", "област", "кра[йяюе]", "район", "округ",
  "республик", "столиц", "курорт", "порт", "міст", "вулиц", "площ", "річк", "річц", "провінці", "республік",
]);

/** Generic nouns for products, craft and works named in quotes ("шаттл « ... »"): their names are MISC. */
const ARTIFACT_NOUN = stemPattern([
  "шаттл", "корабл", "ракет", "спутник", "самол[её]т", "лайнер", "крейсер", "л[оі]дк", "ледокол", "танкер", "теплоход",
  "автомобил", "машин", "модел", "фильм", "книг", "роман", "песн", "альбом", "спектакл", "сериал", "программ", "операци",
  "браузер", "приложени", "игр", "смартфон", "планшет", "літак", "автомобіл", "пісн", "книжк", "модул", "носител",
  "звани", "преми", "орден", "медал", "фестивал", "конкурс", "турнир", "закон", "договор", "соглашени", "проект",
  "доктрин", "передач", "звання", "нагород", "угод",
]);

const OPENING_QUOTES = new Set(["«", '"', "„", "“", "'"]);
const CLOSING_QUOTES = new Set(["»", '"', "“", "”", "'"]);

/** Words never inside a name: pronouns, particles, conjunctions and adverbs of time (Russian and Ukrainian). */
const NEVER_IN_NAME = new Set([
  "их", "его", "её", "ее", "это", "этот", "эта", "который", "которая", "которые", "не", "ни", "же", "бы",
  "ли", "что", "как", "но", "уже", "ещё", "еще", "также", "тоже", "накануне", "навсегда", "сегодня", "вчера", "завтра",
  "теперь", "сейчас", "тогда", "здесь", "там", "очень", "їх", "його", "її", "це", "цей",
  "що", "як", "але", "вже", "ще", "також", "теж", "напередодні", "назавжди", "сьогодні", "вчора", "тепер", "зараз",
  "тоді", "тут", "дуже",
]);

/** Lowercase words inside or at the end of a person's name ("Хасан ибн Али", "Грихальва , Хуан де"). */
const NAME_PARTICLES = new Set([
  "младший", "старший", "молодший", "оглы", "кызы", "де", "да", "ду", "дос", "ла", "ле", "фон", "ван", "дер", "ден", "ди",
  "дель", "делла", "мак", "ибн", "бин", "бен", "бинт", "аль", "эль", "ель", "ад", "ас", "ан", "ат", "ар", "цу",
]);

/** Prepositions that open a date or a place left behind when a span is cut ("в октябре 2007 года"). */
const PREPOSITIONS = new Set(["в", "во", "у", "на", "с", "со", "з", "із", "зі", "от", "від", "до", "к", "по", "за"]);

/** Adjective endings (Russian and Ukrainian, all cases). */
const ADJECTIVE = /(?:ый|ий|ій|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|ую|юю|ых|их|іх|ыми|ими|іми|ої|ською|ської|ской|цкой|ной)$/u;

/** Oblique-case adjective endings, which no noun shares ("ливанского", "ошибочным"). */
const OBLIQUE_ADJECTIVE = /(?:ого|его|ому|ему|ым|ыми|ими|ую|юю|ьої|ього|ьому)$/u;

/**
 * Stump compounds naming state bodies and companies: a clipped "министерство", "российский",
 * "государственный", "московский", "европейский", "український", "главный" before a clipped
 * field ("Минсвязи", "Роскосмос", "Госдума", "Еврокомиссия", "Укрзалізниця").
 */
const STUMP_COMPOUND = new RegExp(
  "^(?:мин|мін|рос|гос|мос|евро|укр|глав)(?:" +
    ["\\p{L}*надзор", "стат", "комисс", "союз", "космос", "нефт", "нафт", "газ", "атом", "связ", "зв'яз", "энерг", "енерг", "транс",
      "телеком", "пром", "строй", "фин", "юст", "здрав", "обр", "экономразвит", "культ", "спорт", "агро", "авиа", "дум", "совет",
      "банк", "налог", "гвард", "залізниц", "потреб", "сельхоз", "рыболов", "лесхоз", "кино", "гидромет",
      "оборон", "кабмин", "прокуратур", "суд", "коммун", "тех", "пошт", "інформ", "информ", "фін", "екон", "эконом", "цифр", "освіт", "просвещ", "природ", "труд",
      "регіон", "регион", "соц", "інфраструктур"].join("|") +
    ")\\p{Ll}*$",
  "u",
);

/** A website named by its domain ("Lenta.ru", "Газета.ру") is the publication, an organisation. */
const DOMAIN_NAME = /^\p{Lu}[\p{L}\p{N}-]*\.(?:ru|ру|рф|ua|юа|укр|by|kz|su|com|net|org|info)$/iu;

/** Noun and present-tense verb endings no given name or surname has (see trimSentenceInitialNouns). */
const COMMON_NOUN_ENDING = /(?:ы|ция|ции|цию|цией|ние|ния|нию|нием|ость|ости|остью|тель|теля|тели|телей|ство|ства|ству|ством|ативу|ативе|ативы|ає|яє|ує|ает|яет|ует|ише|ишет)$/u;

/** Sentence adverbs formed from adjectives ("Фактически", "Естественно"), by their suffix. */
const SENTENCE_ADVERB = /(?:чески|ально|ьно|енно|ательно|ливо|ично)$/u;

/** A lowercase Cyrillic word; "ад-Дин", "эль-Масри" are name parts with an article. */
const isLowerCyrillic = (word: string): boolean => startsLowercase(word) && startsCyrillic(word) && !hasUppercase(word);
const isLatinName = (word: string): boolean => startsLatin(word) && hasLetter(word);

function clear(tags: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) tags[i] = "O";
}

/** Rewrite one Russian or Ukrainian sentence's IOB2 `tags` in place. */
export function applyEastSlavicConventions(words: readonly string[], tags: string[], lists: Conventions): void {
  untagDiscourseWords(words, tags);
  trimSentenceInitialNouns(words, tags);
  splitAtScriptChange(words, tags);
  cutAtFunctionWords(words, tags);
  typeQuotedNames(words, tags);
  typeOriginalSpellings(words, tags);
  typeOrganisationWords(words, tags);
  splitAffiliations(words, tags);
  retypeAcronymPersons(words, tags, lists);
  untagCommonAcronyms(words, tags);
  typePlacesAfterPlaceNouns(words, tags);
}

/** A name right after a lowercase word for a place, alone or tagged alone, is that place. */
function typePlacesAfterPlaceNouns(words: readonly string[], tags: string[]): void {
  for (let i = 1; i < words.length; i++) {
    const noun = words[i - 1]!;
    if (!isLowerCyrillic(noun) || !PLACE_NOUN.test(noun) || !isCapitalised(words[i]!) || tags[i - 1] !== "O") continue;
    const span = spansFromTags(tags).find((s) => s.start === i);
    if (span ? span.end - span.start === 1 : tags[i] === "O") tags[i] = "B-LOC";
  }
}

const ALL_CAPITALS = /^\p{Lu}+$/u;

function untagCommonAcronyms(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    const word = words[span.start]!;
    if (span.end - span.start === 1 && ALL_CAPITALS.test(word) && COMMON_ACRONYMS.has(word.toLowerCase())) tags[span.start] = "O";
  }
}

/**
 * Acronyms of common nouns ("СМИ" mass media, "ДТП" road accident, "АЭС" nuclear plant, "ЗМІ")
 * name no organisation. Lowercase.
 */
const COMMON_ACRONYMS = new Set(["сми", "ввп", "дтп", "чп", "ндс", "аэс", "гэс", "тэц", "ос", "по", "спо", "вуз", "жкх", "нко", "змі", "пдв", "аес", "жкг", "зно"]);

/**
 * An acronym read as a person, alone or at the end of a person span, is an organisation, or a
 * place where the lists know it ("НАСА", "WFC", "КНДР").
 */
function retypeAcronymPersons(words: readonly string[], tags: string[], lists: Conventions): void {
  for (const span of spansFromTags(tags)) {
    const last = span.end - 1;
    if (span.type !== "PER" || !isAcronym(words[last]!) || /^[IVXLCDM]+$/u.test(words[last]!)) continue; // "Людовик XIV"
    // A person's name ending in an acronym ran into the next name ("после смерти Кима Чен Ира КНДР падёт").
    if (span.end - span.start > 1) writeSpan(tags, span.start, last, "PER");
    tags[last] = /[KAR]/.test(lists.match(words, last)?.[1] ?? "") ? "B-LOC" : "B-ORG";
  }
}

/** A lone sentence adverb or particle opening the sentence is no name ("Напомним , что ..."). */
function untagDiscourseWords(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    const opensSentence = span.start === 0 || /^[«"„“(—–-]$/u.test(words[span.start - 1]!);
    if (span.end - span.start !== 1 || !opensSentence) continue;
    const lower = words[span.start]!.toLowerCase();
    if (DISCOURSE_WORDS.has(lower) || (SENTENCE_ADVERB.test(lower) && words[span.start + 1] === ",")) tags[span.start] = "O";
  }
}

/**
 * A person span opening a sentence with a noun or a verb capitalised by its position, which no given
 * name ends like (plurals in -ы, abstract nouns in -ция, -ние, -ость, -ство, agent nouns in -тель,
 * verbs in -ает, -ує), begins at the person ("Интересы Виктора Бута", "Повідомляє Іван Петренко").
 */
function trimSentenceInitialNouns(words: readonly string[], tags: string[]): void {
  const span = spansFromTags(tags)[0];
  if (!span || span.type !== "PER" || span.end - span.start < 2 || !(span.start === 0 || /^[«"„“(—–-]$/u.test(words[span.start - 1]!))) return;
  if (!COMMON_NOUN_ENDING.test(words[span.start]!.toLowerCase())) return;
  tags[span.start] = "O";
  writeSpan(tags, span.start + 1, span.end, "PER");
}

/**
 * A span runs on past its name when it holds a pronoun, a particle, an adverb or a month ("ООН их
 * государственности", "Мехико в октябре"), and a person span past a trailing lowercase word
 * ("Хуан Суареш сообщил"): the name ends before them. A lowercase adjective after a capitalised
 * noun agrees with what follows ("Германии ливанского происхождения"), so it ends the name too.
 */
function cutAtFunctionWords(words: readonly string[], tags: string[]): void {
  const calendar = calendarWords("ru");
  // Month names in any case ("октябре", "мая"): a calendar word sharing the stem.
  const isCalendar = (lower: string): boolean => calendar.has(lower) || (lower.length >= 5 && [...calendar].some((w) => w.startsWith(lower.slice(0, -1)) && w.length - lower.length <= 1));
  for (const span of spansFromTags(tags)) {
    let end = span.end;
    for (let i = span.start + 1; i < span.end; i++) {
      const lower = words[i]!.toLowerCase();
      // A person's name ends in no lowercase Cyrillic word but "младший" ("Хуан Суареш сообщил").
      const trailsPerson = span.type === "PER" && words.slice(i, span.end).every(isLowerCyrillic) && !words.slice(i, span.end).some((w) => NAME_PARTICLES.has(w));
      const dateOrFunction = isLowerCyrillic(words[i]!) && (NEVER_IN_NAME.has(lower) || isCalendar(lower) || trailsPerson);
      // A past-tense verb after a noun's name ("Клинсман заявил"); after an adjective a lowercase word is the head noun.
      const verb = isLowerCyrillic(words[i]!) && i === span.end - 1 && lower.length >= 6 && /[аеиоуыя]л(?:а|и|о)?(?:ся|сь)?$/u.test(lower) && isCapitalised(words[i - 1]!) && !ADJECTIVE.test(words[i - 1]!.toLowerCase());
      const strayAdjective = i === span.end - 1 && isLowerCyrillic(words[i]!) && OBLIQUE_ADJECTIVE.test(lower) && isCapitalised(words[i - 1]!) && !ADJECTIVE.test(words[i - 1]!.toLowerCase());
      if (dateOrFunction || strayAdjective || verb) {
        end = i;
        break;
      }
    }
    if (end === span.end) continue;
    // Lowercase words just before the cut belong with it ("в октябре").
    while (end > span.start + 1 && isLowerCyrillic(words[end - 1]!) && (PREPOSITIONS.has(words[end - 1]!.toLowerCase()) || isCalendar(words[end - 1]!.toLowerCase()))) end--;
    clear(tags, span.start, span.end);
    writeSpan(tags, span.start, end, span.type);
  }
}

const LETTER_OR_DIGIT_INITIAL = /^[\p{L}\p{N}]/u;

/**
 * Quoted names after a generic noun or a legal form take their type from it: a legal form or a
 * word for an organisation makes the quoted name an organisation (the legal form itself is left
 * out), a word for a product or a craft makes it MISC.
 */
function typeQuotedNames(words: readonly string[], tags: string[]): void {
  for (let open = 1; open < words.length - 2; open++) {
    if (!OPENING_QUOTES.has(words[open]!)) continue;
    let close = open + 1;
    while (close < words.length && close - open <= 8 && !CLOSING_QUOTES.has(words[close]!)) close++;
    if (close >= words.length || close - open > 8 || close === open + 1 || !LETTER_OR_DIGIT_INITIAL.test(words[open + 1]!)) continue;
    // The words come truecased: a quoted name's first word may have lost its capital ("« Путь Грузии »").
    const noun = words[open - 1]!;
    const lower = noun.toLowerCase();
    const legalForm = LEGAL_FORMS.has(lower) && isCapitalised(noun);
    const generic = isLowerCyrillic(noun) || (open === 1 && startsCyrillic(noun)); // or capitalised as the first word
    const type = legalForm || (generic && ORGANISATION_NOUN.test(lower)) ? "ORG" : generic && ARTIFACT_NOUN.test(lower) ? "MISC" : undefined;
    if (!type) continue;
    // An entity running into the quotes from outside is the tagger's guess; the quotes decide.
    if (tags[open + 1]!.startsWith("I-") || tags[close]!.startsWith("I-") || (close + 1 < words.length && tags[close + 1]!.startsWith("I-"))) continue;
    if (legalForm && tags[open - 1] !== "O") {
      const span = spansFromTags(tags).find((s) => s.start <= open - 1 && open - 1 < s.end)!;
      clear(tags, span.start, span.end);
    }
    writeSpan(tags, open + 1, close, type);
    open = close;
  }
}

/**
 * "Джоэл Саймон ( Joel Simon )": a name followed by its spelling in Latin letters in brackets,
 * maybe after an acronym in brackets of its own, is given twice; the Latin one takes the type of
 * the first.
 */
function typeOriginalSpellings(words: readonly string[], tags: string[]): void {
  for (let open = 1; open < words.length - 2; open++) {
    if (words[open] !== "(") continue;
    let close = open + 1;
    while (close < words.length && words[close] !== ")" && words[close] !== "(") close++;
    if (words[close] !== ")") continue;
    const inner = words.slice(open + 1, close);
    if (inner.length === 0 || inner.length > 8 || !isCapitalised(inner[0]!) || !inner.every(isLatinName) || !isCapitalised(inner[inner.length - 1]!)) continue;
    let before = open - 1;
    if (words[before] === ")") {
      const acronymOpen = words.lastIndexOf("(", before);
      if (acronymOpen < 1 || before - acronymOpen !== 2) continue;
      before = acronymOpen - 1;
    }
    const tag = tags[before]!;
    if (tag === "O" || !isCapitalised(words[before]!)) continue;
    // Persons only: an organisation's foreign name is often no spelling of the same words.
    if (tag.slice(2) !== "PER") continue;
    writeSpan(tags, open + 1, close, tag.slice(2));
    open = close;
  }
}

/** A lone stump compound or a website's domain, untagged or tagged alone, is an organisation. */
function typeOrganisationWords(words: readonly string[], tags: string[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const alone = tags[i] === "O" || (tags[i]!.startsWith("B-") && !tags[i + 1]?.startsWith("I-"));
    if (!alone || !isCapitalised(word)) continue;
    if (STUMP_COMPOUND.test(word.toLowerCase()) || DOMAIN_NAME.test(word)) tags[i] = "B-ORG";
  }
}

/** An acronym, maybe with a case ending ("МВД", "МВДу"). */
const INFLECTED_ACRONYM = /^\p{Lu}{2,6}(?:а|у|е|ом|ы)?$/u;

/**
 * An acronym, bare or inflected, or a stump compound opening a person span is the person's
 * organisation ("глава МИДа Сэйдзи Маэхара", "президент ФИДЕ Илюмжинов", "глава Роскосмоса ...").
 */
function splitAffiliations(words: readonly string[], tags: string[]): void {
  for (const span of spansFromTags(tags)) {
    if (span.type !== "PER" || span.end - span.start < 2) continue;
    const first = words[span.start]!;
    const organisation = INFLECTED_ACRONYM.test(first) || STUMP_COMPOUND.test(first.toLowerCase());
    if (!organisation || !words.slice(span.start + 1, span.end).every((w) => startsCapitalThenLowercase(w))) continue;
    writeSpan(tags, span.start, span.start + 1, "ORG");
    writeSpan(tags, span.start + 1, span.end, "PER");
  }
}

const CYRILLIC_FIRST_LETTER = /^\P{L}*\p{Script=Cyrillic}/u;
const LATIN_FIRST_LETTER = /^\P{L}*\p{Script=Latin}/u;

/** A span turning from Cyrillic to Latin letters, or back, holds two names ("ЗАЗ Forza"), Roman numerals aside. */
function splitAtScriptChange(words: readonly string[], tags: string[]): void {
  // Roman numerals belong to either script ("Павло VI").
  const script = (word: string): string => (/^[IVXLCDM]+$/u.test(word) ? "" : CYRILLIC_FIRST_LETTER.test(word) ? "cyrillic" : LATIN_FIRST_LETTER.test(word) ? "latin" : "");
  for (const span of spansFromTags(tags)) {
    for (let i = span.start + 1; i < span.end; i++) {
      const before = script(words[i - 1]!);
      const after = script(words[i]!);
      if (before && after && before !== after && isCapitalised(words[i]!)) tags[i] = "B-" + span.type;
    }
  }
}
