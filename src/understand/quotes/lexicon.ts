/**
 * Quotes step: reported-speech vocabulary per language, as data. Entries are regular-expression
 * fragments (matched case-insensitively as whole words) so one entry covers its inflections.
 * The NER rules that type speakers read the same verbs, sources and afterQuote words one token at a
 * time (speechWords in ner/lexicon.ts): a verb added here serves both.
 *
 * - verbs: finite reported-speech verbs and the participles of compound tenses ("a déclaré" is
 *   found by "déclaré"; the auxiliary is skipped through `skip`). The subject is before the verb
 *   ("X said") or, after a quote or in verb-first languages, after it ("said X", "قال X").
 * - participles: gerunds whose subject is the main clause's ("…, qualifiant ces allégations de …").
 * - sources: prepositions that name the source after them ("according to X", "selon X").
 * - afterQuote: words that attribute only right after a closing quote (German „…“, so X).
 * - skip: auxiliaries and adverbs that sit between a subject and its verb.
 * - pronouns: subjects that stand for the last speaker ("he added").
 * - stopwords: capitalised at a sentence start but never a name.
 * - titles: role words stripped from the front of a name ("President Joe Biden" → "Joe Biden").
 * - clauseEnds: words that end a speaker found after a verb ("said X that …", "قال X إن").
 * - determiners: words that open a role noun phrase.
 * - complementizers: "that", "que": a subject is looked for only after the last one before a verb.
 */

export interface SpeechLexicon {
  verbs: readonly string[];
  participles: readonly string[];
  sources: readonly string[];
  afterQuote: readonly string[];
  skip: readonly string[];
  pronouns: readonly string[];
  stopwords: readonly string[];
  titles: readonly string[];
  clauseEnds: readonly string[];
  determiners: readonly string[];
  complementizers: readonly string[];
  /** Common nouns are capitalised too (German): a capitalised word after an article is no name. */
  nounsCapitalised?: boolean;
  /** Compound role words end so ("Innenministerin", "Kremlsprecher"): stripped like titles. */
  titleSuffix?: string;
  /** Clitics glued to the front of a verb (Arabic wa-/fa-). */
  verbPrefix?: string;
  /** The subject normally follows the verb (Arabic VSO). */
  verbFirst?: boolean;
  /** Capitalisation does not mark names (Arabic script): names come only from opts.people. */
  noCase?: boolean;
}

const en: SpeechLexicon = {
  verbs: [
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "declared", "declares", "noted", "explained", "explains", "stressed", "stresses", "insisted", "insists", "warned", "warns", "announced", "announces",
    "claimed", "asserted", "denied", "denies", "confirmed", "confirms", "wrote", "writes", "replied", "answered",
    "argued", "argues", "acknowledged", "admitted", "admits", "recalled", "remarked", "commented", "continued",
    "emphasi[sz]ed", "underlined", "urged", "urges", "vowed", "promised", "pledged", "called", "described",
    "describes", "tweeted", "suggested", "predicted", "concluded", "cautioned", "complained", "conceded",
    "observed", "pointed out", "told reporters", "reiterated", "maintained", "assured", "dismissed", "rejected", "spoke", "speaks",
  ],
  participles: ["speaking", "saying", "adding", "calling", "describing", "noting", "stressing", "warning", "insisting", "claiming", "arguing", "telling", "dismissing"],
  sources: ["according to", "in the words of", "quoting"],
  afterQuote: [],
  skip: ["has", "have", "had", "already", "also", "later", "then", "previously", "earlier", "again", "further", "however", "repeatedly", "once", "recently", "publicly", "has also", "would", "will", "had also", "on"],
  pronouns: ["he", "she", "they", "it", "we"],
  stopwords: [
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "in", "on", "at", "but",
    "and", "or", "if", "when", "while", "after", "before", "as", "for", "with", "by", "from", "to", "of", "his", "her",
    "their", "its", "our", "my", "there", "here", "some", "many", "most", "all", "no", "not", "yet", "so", "also", "however",
    "meanwhile", "earlier", "later", "speaking", "asked", "since", "although", "though", "because", "during", "under",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "according",
  ],
  titles: [
    "president", "prime minister", "minister", "foreign minister", "defence minister", "defense minister", "chancellor",
    "secretary", "secretary-general", "spokesman", "spokeswoman", "spokesperson", "senator", "rep", "rep.", "gov", "gov.",
    "governor", "mayor", "gen.", "colonel", "col.", "admiral", "ambassador", "king", "queen", "prince",
    "pope", "judge", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor", "sir", "lord", "chief",
    "ceo", "director", "commander", "leader", "vice president", "deputy", "head", "officer", "detective", "sergeant",
    "captain", "lieutenant", "inspector", "chairman", "chairwoman", "councillor", "councilman", "councilwoman", "sheriff",
    "attorney", "prosecutor", "legislator", "lawmaker", "congressman", "congresswoman", "bishop", "reverend", "rabbi", "imam", "economist", "analyst", "coach", "manager",
  ],
  clauseEnds: ["that", "on", "in", "at", "to", "during", "after", "before", "when", "as", "while", "who", "which", "about", "of", "for", "with", "from"],
  determiners: ["the", "a", "an", "his", "her", "their", "its", "one", "another", "this", "that"],
  complementizers: ["that"],
};

const fr: SpeechLexicon = {
  verbs: [
    "dit", "disent", "disait", "déclaré", "déclare", "déclarent", "déclarait", "affirmé", "affirme", "affirment", "affirmait",
    "ajouté", "ajoute", "ajoutent", "expliqué", "explique", "expliquent", "souligné", "souligne", "soulignent", "indiqué",
    "indique", "indiquent", "estimé", "estime", "estiment", "assuré", "assure", "assurent", "démenti", "dément", "démentent",
    "confirmé", "confirme", "confirment", "annoncé", "annoncent", "précisé", "précise", "précisent", "insisté",
    "insiste", "martelé", "martèle", "prévenu", "prévient", "averti", "avertit", "répondu", "répond", "reconnu", "reconnaît",
    "reconnait", "rappelé", "rappelle", "poursuivi", "poursuit", "jugé", "dénoncé",
    "dénonce", "signalé", "signale", "signalent", "écrit", "tweeté", "fustigé", "fustige", "raconté", "raconte", "confié",
    "confie", "commenté", "réagi", "répété", "répète", "admis", "regretté", "regrette", "qualifié", "qualifie", "nié", "nie",
    "rapporté", "rapporte", "observé", "constaté", "promis", "menacé", "prévenu", "plaidé", "plaide", "conclu", "s'est dit",
  ],
  participles: [
    "qualifiant", "ajoutant", "affirmant", "estimant", "soulignant", "expliquant", "déclarant", "assurant", "précisant",
    "dénonçant", "jugeant", "évoquant", "rappelant", "insistant", "niant", "démentant", "prévenant", "avertissant",
  ],
  sources: ["selon", "d'après", "d’après", "aux yeux de", "de l'avis de", "pour reprendre les mots de"],
  afterQuote: [],
  skip: [
    "se", "s'est", "a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "toutefois", "cependant", "pourtant", "aussi", "également",
    "encore", "déjà", "ensuite", "alors", "lui", "leur", "en", "y", "même", "notamment", "néanmoins", "d'ailleurs", "par ailleurs",
    "de son côté", "pour sa part", "quant à lui", "quant à elle", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "hier", "dimanche soir", "récemment", "publiquement", "fermement",
  ],
  pronouns: ["il", "elle", "ils", "elles", "on", "t-il", "t-elle", "t-ils", "t-elles", "-il", "-elle", "-ils", "-elles"],
  stopwords: [
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "ce", "cet", "cette", "ces", "il", "elle", "ils", "elles", "on",
    "nous", "vous", "je", "en", "dans", "à", "au", "aux", "sur", "pour", "par", "avec", "mais", "et", "ou", "si", "quand",
    "lorsque", "après", "avant", "selon", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "tout", "tous", "toutes",
    "plusieurs", "certains", "mais", "or", "donc", "pourtant", "cependant", "toutefois", "ainsi", "alors", "depuis",
    "pendant", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "ajoutant", "interrogé", "interrogée",
  ],
  titles: [
    "président", "présidente", "premier ministre", "ministre", "chancelier", "chancelière", "secrétaire", "porte-parole",
    "sénateur", "député", "maire", "colonel", "amiral", "ambassadeur", "roi", "reine", "prince", "pape", "juge",
    "m.", "mme", "mlle", "dr", "pr", "professeur", "directeur", "directrice", "chef", "patron", "commandant",
  ],
  clauseEnds: ["que", "qu", "à", "au", "aux", "dans", "lors", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "sur", "pour", "devant", "après", "avant", "qui", "en"],
  determiners: ["le", "la", "les", "l'", "l’", "un", "une", "des", "son", "sa", "ses", "leur", "ce", "cette", "du"],
  complementizers: ["que", "qu"],
};

const es: SpeechLexicon = {
  verbs: [
    "dijo", "dice", "dicen", "dijeron", "decía", "dicho", "declaró", "declara", "declararon", "declarado", "afirmó", "afirma",
    "afirmaron", "afirmado", "aseguró", "asegura", "aseguraron", "asegurado", "añadió", "añade", "añadieron", "añadido",
    "agregó", "agrega", "agregaron", "explicó", "explica", "explicaron", "explicado", "señaló", "señala", "señalaron",
    "señalado", "indicó", "indica", "indicaron", "indicado", "subrayó", "subraya", "destacó", "destaca", "sostuvo", "sostiene",
    "advirtió", "advierte", "negó", "niega", "negaron", "negado", "confirmó", "confirma", "anunció", "anuncia", "manifestó",
    "expresó", "comentó", "respondió", "insistió", "reconoció", "apuntó", "precisó", "denunció", "recordó", "escribió",
    "calificó", "califica", "aseveró", "admitió", "criticó", "prometió", "concluyó", "tuiteó", "enfatizó", "remarcó",
    "reveló", "aclaró", "opinó", "consideró", "mantuvo",
  ],
  participles: ["diciendo", "añadiendo", "afirmando", "asegurando", "calificando", "señalando", "agregando", "subrayando", "insistiendo", "explicando", "advirtiendo", "negando"],
  sources: ["según", "de acuerdo con", "a juicio de", "en palabras de", "a decir de"],
  afterQuote: [],
  skip: ["se", "le", "les", "ha", "han", "había", "habían", "habría", "también", "además", "sin embargo", "no obstante", "luego", "ya", "hoy", "ayer", "este lunes", "este martes", "este miércoles", "este jueves", "este viernes", "este sábado", "este domingo", "por su parte", "asimismo"],
  pronouns: ["él", "ella", "ellos", "ellas"],
  stopwords: [
    "el", "la", "los", "las", "un", "una", "unos", "unas", "este", "esta", "estos", "estas", "ese", "esa", "él", "ella",
    "ellos", "en", "de", "del", "a", "al", "con", "por", "para", "pero", "y", "o", "si", "cuando", "tras", "según", "su",
    "sus", "todo", "todos", "también", "sin", "ya", "así", "mientras", "desde", "durante", "lunes", "martes", "miércoles",
    "jueves", "viernes", "sábado", "domingo", "no",
  ],
  titles: [
    "presidente", "presidenta", "primer ministro", "primera ministra", "ministro", "ministra", "canciller", "secretario",
    "secretaria", "portavoz", "senador", "senadora", "diputado", "diputada", "alcalde", "alcaldesa", "general", "coronel",
    "embajador", "rey", "reina", "príncipe", "papa", "juez", "jueza", "sr.", "sra.", "don", "doña", "dr.", "director", "directora", "jefe", "jefa",
  ],
  clauseEnds: ["que", "a", "al", "en", "durante", "tras", "ante", "sobre", "para", "este", "esta"],
  determiners: ["el", "la", "los", "las", "un", "una", "su", "sus", "este", "esta"],
  complementizers: ["que"],
};

const de: SpeechLexicon = {
  verbs: [
    "sagte", "sagt", "sagten", "sagen", "gesagt", "erklärte", "erklärt", "erklärten", "betonte", "betont", "betonten",
    "fügte", "fügt", "meinte", "meint", "teilte", "teilt", "bestätigte", "bestätigt", "warnte", "warnt", "kritisierte",
    "kritisiert", "schrieb", "schreibt", "berichtete", "berichtet", "unterstrich", "versicherte", "versichert",
    "behauptete", "behauptet", "dementierte", "bestritt", "bestreitet", "räumte", "antwortete", "forderte", "fordert",
    "sprach", "spricht", "kündigte", "verkündete", "erläuterte", "ergänzte", "zufolge", "bezeichnete", "nannte", "warf",
    "mahnte", "beteuerte", "twitterte", "ergänzt", "antwortet", "erläutert", "resümiert", "resümierte", "räumt", "mahnt",
    "klagt", "klagte", "verspricht", "versprach",
  ],
  participles: [],
  sources: ["laut", "nach angaben von", "nach angaben", "nach worten von", "nach den worten"],
  // Verbs that say something only after a quote ("„…“, gab X zu", "„…“, findet X"): elsewhere "es gibt", "findet statt".
  afterQuote: ["so", "gibt", "gab", "findet", "fand", "glaubt", "glaubte", "stellt", "stellte", "ruft", "rief", "lobt", "lobte"],
  skip: ["hat", "haben", "hatte", "hatten", "habe", "auch", "zudem", "jedoch", "aber", "bereits", "am montag", "am dienstag", "am mittwoch", "am donnerstag", "am freitag", "am samstag", "am sonntag", "dann", "später", "noch"],
  pronouns: ["er", "sie", "es"],
  stopwords: [
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "er", "sie", "es", "wir",
    "ich", "in", "im", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vor", "zu", "zum", "zur", "und", "oder",
    "aber", "doch", "wenn", "als", "wie", "so", "auch", "dieser", "diese", "dieses", "sein", "seine", "ihr", "ihre", "laut",
    "nach", "seit", "während", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "zudem",
  ],
  titles: [
    "präsident", "präsidentin", "bundespräsident", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin", "minister",
    "ministerin", "außenminister", "außenministerin", "verteidigungsminister", "sprecher", "sprecherin", "regierungssprecher",
    "kremlsprecher", "bürgermeister", "bürgermeisterin", "general", "botschafter", "könig", "königin", "papst", "richter",
    "herr", "frau", "dr.", "prof.", "chef", "chefin", "ministerpräsident", "ministerpräsidentin",
  ],
  clauseEnds: ["dass", "der", "dem", "den", "am", "im", "in", "auf", "bei", "gegenüber", "vor", "nach", "zu", "und"],
  determiners: ["der", "die", "das", "ein", "eine", "einer", "sein", "seine", "ihr", "ihre", "des", "dem", "den"],
  complementizers: ["dass"],
  nounsCapitalised: true,
  titleSuffix: "(?:minister|ministerin|sprecher|sprecherin|präsident|präsidentin|kanzler|kanzlerin|chef|chefin|meister|meisterin|vorsitzender|vorsitzende|botschafter|botschafterin|kommandeur)",
};

const ru: SpeechLexicon = {
  verbs: [
    "заявил[аио]?", "заявля(?:ет|ют|л[аи]?)", "сказал[аио]?", "говори(?:т|л[аи]?)", "говорят", "отметил[аи]?", "отмечает",
    "подч[её]ркнул[аи]?", "подч[её]ркивает", "добавил[аи]?", "добавляет", "сообщил[аио]?", "сообща(?:ет|ют)", "пояснил[аи]?",
    "уточнил[аи]?", "признал[аи]?", "заверил[аи]?", "указал[аи]?", "утвержда(?:ет|ют|л[аи]?)", "рассказал[аи]?",
    "написал[аи]?", "ответил[аи]?", "опроверг(?:л[аи])?", "назвал[аи]?", "считает", "полагает", "предупредил[аи]?",
    "объяснил[аи]?", "заключил[аи]?", "констатировал[аи]?", "подтвердил[аи]?", "напомнил[аи]?", "призвал[аи]?",
    "высказал(?:ся|ась|ись)", "пообещал[аи]?", "отверг(?:л[аи])?",
  ],
  participles: ["заявив", "добавив", "отметив", "подчеркнув", "назвав", "пояснив", "сказав", "указав", "уточнив", "опровергнув", "напомнив"],
  sources: ["по словам", "по данным", "по мнению", "как сообщил[аи]?", "как заявил[аи]?", "согласно"],
  afterQuote: [],
  skip: ["также", "тоже", "однако", "при этом", "в свою очередь", "ранее", "позже", "уже", "же", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье", "журналистам", "репортерам", "также", "ещё", "еще"],
  pronouns: ["он", "она", "они"],
  stopwords: [
    "в", "во", "на", "и", "а", "но", "с", "со", "по", "к", "у", "о", "об", "от", "до", "из", "за", "при", "он", "она", "они",
    "мы", "я", "это", "этот", "эта", "эти", "как", "так", "что", "когда", "если", "после", "перед", "по", "также", "однако",
    "его", "ее", "её", "их", "все", "всё", "ранее", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
  ],
  titles: [
    "президент", "премьер-министр", "министр", "глава", "пресс-секретарь", "представитель", "официальный представитель",
    "спикер", "сенатор", "депутат", "мэр", "губернатор", "генерал", "посол", "канцлер", "председатель", "директор", "командующий",
  ],
  clauseEnds: ["что", "в", "во", "на", "журналистам", "при", "после", "перед", "во время", "и"],
  determiners: [],
  complementizers: ["что", "чтобы"],
};

const uk: SpeechLexicon = {
  verbs: [
    "заявив", "заявил[аио]", "заявля(?:є|ють)", "сказав", "сказал[аи]", "каже", "кажуть", "говорить", "зазначив",
    "зазначил[аи]", "зазначає", "наголосив", "наголосил[аи]", "наголошує", "додав", "додал[аи]", "додає", "повідомив",
    "повідомил[аи]", "повідомля(?:є|ють)", "пояснив", "пояснил[аи]", "підкреслив", "підкреслил[аи]", "розповів",
    "розповіл[аи]", "написав", "написал[аи]", "відповів", "відповіл[аи]", "заперечив", "заперечил[аи]", "назвав",
    "назвал[аи]", "вважає", "запевнив", "запевнил[аи]", "наполягає", "застеріг", "попередив", "попередил[аи]", "визнав",
    "визнал[аи]", "нагадав", "нагадал[аи]", "підтвердив", "підтвердил[аи]", "закликав", "закликал[аи]",
  ],
  participles: ["додавши", "зазначивши", "назвавши", "наголосивши", "підкресливши"],
  sources: ["за словами", "за даними", "на думку", "як повідомив", "як повідомила", "як повідомили", "згідно з"],
  afterQuote: [],
  skip: ["також", "однак", "проте", "водночас", "раніше", "вже", "ж", "у понеділок", "у вівторок", "у середу", "у четвер", "у п'ятницю", "у суботу", "у неділю", "журналістам", "ще"],
  pronouns: ["він", "вона", "вони"],
  stopwords: [
    "в", "у", "на", "і", "й", "та", "а", "але", "з", "із", "зі", "по", "до", "від", "за", "при", "про", "він", "вона", "вони",
    "ми", "я", "це", "цей", "ця", "ці", "як", "що", "коли", "якщо", "після", "також", "його", "її", "їх", "всі", "раніше",
  ],
  titles: [
    "президент", "прем'єр-міністр", "прем’єр-міністр", "міністр", "глава", "голова", "речник", "речниця", "прессекретар",
    "прес-секретар", "представник", "спікер", "депутат", "мер", "губернатор", "генерал", "посол", "канцлер", "директор", "командувач",
  ],
  clauseEnds: ["що", "в", "у", "на", "журналістам", "під", "після", "перед", "і"],
  determiners: [],
  complementizers: ["що", "щоб"],
};

const ar: SpeechLexicon = {
  verbs: [
    "قال", "قالت", "يقول", "تقول", "أضاف", "أضافت", "يضيف", "تضيف", "صرح", "صرّح", "صرحت", "أكد", "أكدت", "يؤكد", "تؤكد",
    "أعلن", "أعلنت", "أوضح", "أوضحت", "أشار", "أشارت", "ذكر", "ذكرت", "نفى", "نفت", "اعتبر", "اعتبرت", "وصف", "وصفت",
    "تابع", "تابعت", "شدد", "شددت", "لفت", "لفتت", "كتب", "كتبت", "حذر", "حذرت", "رأى", "رأت", "أفاد", "أفادت", "زعم", "زعمت",
  ],
  participles: ["مضيفا", "مضيفاً", "مشيرا", "مشيراً", "مؤكدا", "مؤكداً", "معتبرا", "معتبراً", "واصفا", "واصفاً", "قائلا", "قائلاً"],
  sources: ["بحسب", "حسب", "وفقا ل", "وفقاً ل", "وفق", "نقلا عن", "نقلاً عن", "على حد قول"],
  afterQuote: [],
  skip: ["قد", "أيضا", "أيضاً", "كذلك"],
  pronouns: [],
  stopwords: [],
  titles: ["الرئيس", "رئيس الوزراء", "وزير", "الوزير", "المتحدث", "المتحدثة", "الناطق", "السفير", "الجنرال", "الملك"],
  clauseEnds: ["إن", "ان", "أن", "إنه", "إنها", "أنه", "أنها", "بأن", "في", "خلال", "لـ", "ل", "لوكالة", "للصحفيين"],
  determiners: [],
  complementizers: ["إن", "أن", "بأن", "إنه", "أنه"],
  verbPrefix: "[وف]?",
  verbFirst: true,
  noCase: true,
};

const it: SpeechLexicon = {
  verbs: [
    "detto", "dice", "dicono", "disse", "dichiarato", "dichiara", "affermato", "afferma", "aggiunto", "aggiunge", "spiegato",
    "spiega", "sottolineato", "sottolinea", "ribadito", "ribadisce", "precisato", "annunciato", "confermato", "smentito",
    "sostenuto", "sostiene", "osservato", "commentato", "scritto", "risposto", "assicurato", "avvertito", "denunciato",
    "definito", "ammesso", "negato",
  ],
  participles: ["aggiungendo", "precisando", "definendo", "sottolineando", "spiegando", "affermando", "dicendo"],
  sources: ["secondo", "stando a", "a detta di"],
  afterQuote: [],
  skip: ["ha", "hanno", "aveva", "avevano", "anche", "però", "inoltre", "poi", "già", "oggi", "ieri"],
  pronouns: ["lui", "lei", "loro"],
  stopwords: ["il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "in", "di", "del", "della", "a", "al", "con", "per", "ma", "e", "o", "se", "quando", "dopo", "secondo", "suo", "sua", "questo", "questa", "anche"],
  titles: ["presidente", "premier", "ministro", "ministra", "cancelliere", "segretario", "portavoce", "senatore", "sindaco", "generale", "ambasciatore", "papa", "giudice", "direttore", "capo"],
  clauseEnds: ["che", "a", "al", "in", "durante", "dopo", "davanti"],
  determiners: ["il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "l'", "l’"],
  complementizers: ["che"],
};

const nl: SpeechLexicon = {
  verbs: [
    "zei", "zegt", "zeiden", "gezegd", "verklaarde", "verklaart", "stelde", "stelt", "benadrukte", "benadrukt", "voegde",
    "schreef", "schrijft", "antwoordde", "ontkende", "ontkent", "bevestigde", "bevestigt", "waarschuwde", "waarschuwt",
    "meldde", "meldt", "vertelde", "vertelt", "sprak", "liet weten", "noemde", "aldus",
  ],
  participles: [],
  sources: ["volgens", "naar zeggen van"],
  afterQuote: [],
  skip: ["heeft", "hebben", "had", "ook", "echter", "wel", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "later", "eerder"],
  pronouns: ["hij", "zij", "ze"],
  stopwords: ["de", "het", "een", "dit", "dat", "deze", "die", "hij", "zij", "ze", "we", "wij", "ik", "in", "op", "aan", "bij", "met", "van", "voor", "na", "en", "of", "maar", "als", "toen", "volgens", "zijn", "haar", "ook"],
  titles: ["president", "premier", "minister", "kanselier", "secretaris", "woordvoerder", "woordvoerster", "burgemeester", "generaal", "ambassadeur", "koning", "koningin", "paus", "rechter", "directeur", "dhr.", "mevrouw"],
  clauseEnds: ["dat", "in", "op", "tegen", "tijdens", "na", "voor"],
  determiners: ["de", "het", "een", "zijn", "haar"],
  complementizers: ["dat"],
};

const pt: SpeechLexicon = {
  verbs: [
    "disse", "diz", "dizem", "disseram", "dito", "afirmou", "afirma", "afirmaram", "declarou", "declara", "acrescentou",
    "acrescenta", "explicou", "explica", "sublinhou", "destacou", "garantiu", "garante", "negou", "nega", "confirmou",
    "anunciou", "ressaltou", "salientou", "adiantou", "referiu", "escreveu", "respondeu", "advertiu", "alertou", "classificou",
    "afirmado", "declarado", "admitiu", "reconheceu",
  ],
  participles: ["acrescentando", "afirmando", "dizendo", "classificando", "sublinhando", "explicando"],
  sources: ["segundo", "de acordo com", "conforme"],
  afterQuote: [],
  skip: ["tem", "têm", "havia", "também", "porém", "contudo", "já", "ainda", "hoje", "ontem"],
  pronouns: ["ele", "ela", "eles", "elas"],
  stopwords: ["o", "a", "os", "as", "um", "uma", "em", "no", "na", "de", "do", "da", "ao", "com", "por", "para", "mas", "e", "ou", "se", "quando", "após", "segundo", "seu", "sua", "este", "esta", "também"],
  titles: ["presidente", "primeiro-ministro", "ministro", "ministra", "chanceler", "secretário", "porta-voz", "senador", "prefeito", "presidente da câmara", "general", "embaixador", "rei", "papa", "juiz", "diretor"],
  clauseEnds: ["que", "ao", "em", "durante", "após"],
  determiners: ["o", "a", "os", "as", "um", "uma", "seu", "sua"],
  complementizers: ["que"],
};

export const SPEECH_LEXICONS: Readonly<Record<string, SpeechLexicon>> = { en, fr, es, de, ru, uk, ar, it, nl, pt };

/** Unknown languages fall back to English words (the commonest in mixed feeds) plus none of the others. */
export const FALLBACK_SPEECH_LANGUAGE = "en";

/** A regular-expression alternation of lexicon entries: longest first, a space matching any run of spaces. */
export function alternation(entries: readonly string[]): string {
  return [...entries].sort((a, b) => b.length - a.length).map((e) => e.replace(/ /g, "\\s+")).join("|");
}

/**
 * Whether one token is one of `entries`, case-insensitively (for token-based steps such as NER).
 * Entries of several words match no single token.
 */
export function tokenMatcher(entries: readonly string[], prefix = ""): (token: string) => boolean {
  if (entries.length === 0) return () => false;
  const pattern = new RegExp(`^${prefix}(?:${alternation(entries)})$`, "iu");
  return (token) => pattern.test(token);
}
