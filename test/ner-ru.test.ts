import { test } from "node:test";
import assert from "node:assert/strict";
import { spansFromTags } from "../src/understand/ner/model.ts";
import { Conventions } from "../src/understand/ner/conventions.ts";
import { applyEastSlavicConventions } from "../src/understand/ner/conventions-ru.ts";

const lists = new Conventions({ entries: {} });

/**
 * The spans, as "words/TYPE", after the Russian conventions rewrite a tagger's output on
 * `sentence` (space-separated tokens), given as [start, end, type] token spans.
 */
function rewrite(sentence: string, ...spans: [number, number, string][]): string[] {
  const words = sentence.split(" ");
  const tags = Array<string>(words.length).fill("O");
  for (const [start, end, type] of spans) for (let i = start; i < end; i++) tags[i] = (i === start ? "B-" : "I-") + type;
  applyEastSlavicConventions(words, tags, lists);
  return spansFromTags(tags).map((s) => `${words.slice(s.start, s.end).join(" ")}/${s.type}`);
}

test("sentence adverbs and particles opening a sentence are no names", () => {
  assert.deepEqual(rewrite("Напомним , что переговоры в Минске прервались .", [0, 1, "PER"], [5, 6, "LOC"]), ["Минске/LOC"]);
  assert.deepEqual(rewrite("Втім , у Харкові про це не знали .", [0, 1, "PER"], [3, 4, "LOC"]), ["Харкові/LOC"]);
  assert.deepEqual(rewrite("Фактически , решение приняли в Кремле .", [0, 1, "PER"], [5, 6, "ORG"]), ["Кремле/ORG"]);
});

test("a legal form before a quoted company name is left out and the name is an organisation", () => {
  const sentence = "Совет директоров ПАО « Северсталь » одобрил сделку .";
  assert.deepEqual(rewrite(sentence, [2, 3, "ORG"], [4, 5, "PER"]), ["Северсталь/ORG"]);
  const ukrainian = "Акції ПрАТ « Укрнафтобуд » подешевшали .";
  assert.deepEqual(rewrite(ukrainian, [1, 2, "ORG"], [3, 4, "LOC"]), ["Укрнафтобуд/ORG"]);
});

test("quoted names take their type from the generic noun before them", () => {
  assert.deepEqual(rewrite("Об этом пишет газета « Северная звезда » ."), ["Северная звезда/ORG"]);
  assert.deepEqual(rewrite("Корабль « Прогресс М-12 » пристыковался к станции .", [2, 4, "ORG"]), ["Прогресс М-12/MISC"]);
  assert.deepEqual(rewrite("Фильм получил премию « Золотой орёл » .", [4, 6, "ORG"]), ["Золотой орёл/MISC"]);
});

test("a person's name given again in Latin letters is the same person", () => {
  const sentence = "Заявление сделал адвокат Джон Миллер ( John Miller ) .";
  assert.deepEqual(rewrite(sentence, [3, 5, "PER"]), ["Джон Миллер/PER", "John Miller/PER"]);
});

test("reporting verbs, pronouns and months end a name", () => {
  assert.deepEqual(rewrite("Педро Алварес сообщил об отставке .", [0, 3, "PER"]), ["Педро Алварес/PER"]);
  assert.deepEqual(rewrite("Тогда же Ротенберг заявил журналистам :", [2, 4, "ORG"]), ["Ротенберг/ORG"]);
  // After an adjective the lowercase word is the name's head noun.
  assert.deepEqual(rewrite("Вчера Центральный банк снизил ставку .", [1, 3, "ORG"]), ["Центральный банк/ORG"]);
  assert.deepEqual(rewrite("Генассамблея ООН их поддержала .", [1, 3, "ORG"]), ["ООН/ORG"]);
  assert.deepEqual(rewrite("Саммит пройдёт в Праге в ноябре .", [3, 6, "LOC"]), ["Праге/LOC"]);
  assert.deepEqual(rewrite("Гражданина Франции алжирского происхождения задержали .", [1, 3, "ORG"]), ["Франции/ORG"]);
  // Name particles stay: "Хасан ибн Али" is one name.
  assert.deepEqual(rewrite("Хасан ибн Али умер в Медине .", [0, 3, "PER"], [5, 6, "LOC"]), ["Хасан ибн Али/PER", "Медине/LOC"]);
});

test("a noun opening a sentence is not part of the person it governs", () => {
  assert.deepEqual(rewrite("Интересы Андрея Сомова представляет адвокат .", [0, 3, "PER"]), ["Андрея Сомова/PER"]);
  assert.deepEqual(rewrite("Решение Ивана Петрова удивило всех .", [0, 3, "PER"]), ["Ивана Петрова/PER"]);
  assert.deepEqual(rewrite("Андрей Сомов подал в отставку .", [0, 2, "PER"]), ["Андрей Сомов/PER"]);
  assert.deepEqual(rewrite("Повідомляє Олена Бойко .", [0, 3, "PER"]), ["Олена Бойко/PER"]);
});

test("stump compounds and websites' domains are organisations, and open no person's name", () => {
  assert.deepEqual(rewrite("Минобороны опровергло сообщение Газета.ру .", [0, 1, "LOC"]), ["Минобороны/ORG", "Газета.ру/ORG"]);
  const affiliation = "Глава Росавиации Игорь Петров уволен .";
  assert.deepEqual(rewrite(affiliation, [1, 4, "PER"]), ["Росавиации/ORG", "Игорь Петров/PER"]);
  assert.deepEqual(rewrite("Заявил глава МИДа Сергей Орлов .", [2, 5, "PER"]), ["МИДа/ORG", "Сергей Орлов/PER"]);
  assert.deepEqual(rewrite("У Мінцифри це підтвердили .", [1, 2, "LOC"]), ["Мінцифри/ORG"]);
  // A surname or a city beginning like a compound is left alone.
  assert.deepEqual(rewrite("Минченко приехал в Ростов .", [0, 1, "PER"], [3, 4, "LOC"]), ["Минченко/PER", "Ростов/LOC"]);
});

test("acronyms: a person never, a common noun no organisation", () => {
  assert.deepEqual(rewrite("Представитель НАСА подтвердил запуск .", [1, 2, "PER"]), ["НАСА/ORG"]);
  assert.deepEqual(rewrite("Об аварии сообщили СМИ Сербии .", [3, 4, "ORG"], [4, 5, "LOC"]), ["Сербии/LOC"]);
  assert.deepEqual(rewrite("После визита Ли Мён Бака КНДР ответила .", [2, 6, "PER"]), ["Ли Мён Бака/PER", "КНДР/ORG"]);
  assert.deepEqual(rewrite("Правил тогда Людовик XIV .", [2, 4, "PER"]), ["Людовик XIV/PER"]);
});

test("a name after a word for a place is that place", () => {
  assert.deepEqual(rewrite("Рыба погибла в реке Сестре .", [4, 5, "PER"]), ["Сестре/LOC"]);
  assert.deepEqual(rewrite("Жители села Лесное жалуются .", [2, 3, "ORG"]), ["Лесное/LOC"]);
});

test("a span turning from Cyrillic to Latin letters holds two names, Roman numerals aside", () => {
  assert.deepEqual(rewrite("Завод выпустил модель Лада Granta .", [3, 5, "ORG"]), ["Лада/ORG", "Granta/ORG"]);
  assert.deepEqual(rewrite("Папа Павло VI помер .", [1, 3, "PER"]), ["Павло VI/PER"]);
});
