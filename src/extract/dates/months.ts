/**
 * Month names per language, index 0 = January. Each month lists every written form we accept:
 * full names, genitive/inflected forms (Slavic, Armenian, Finnish), common abbreviations.
 * Only used right next to digits (a day or a year), so short forms like "mar" or "mai" are safe.
 */
export type MonthTable = readonly (readonly string[])[];

export const MONTH_NAMES: Record<string, MonthTable> = {
  en: [
    ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
    ["july", "jul"], ["august", "aug"], ["september", "sept", "sep"], ["october", "oct"], ["november", "nov"],
    ["december", "dec"],
  ],
  fr: [
    ["janvier", "janv"], ["février", "fevrier", "févr", "fevr", "fév"], ["mars"], ["avril", "avr"], ["mai"],
    ["juin"], ["juillet", "juil"], ["août", "aout"], ["septembre"], ["octobre"], ["novembre"], ["décembre", "decembre", "déc"],
  ],
  de: [
    ["januar", "jänner", "jaenner"], ["februar", "feber"], ["märz", "maerz", "mär", "mrz"], ["april"], ["mai"],
    ["juni"], ["juli"], ["august"], ["september"], ["oktober", "okt"], ["november"], ["dezember", "dez"],
  ],
  es: [
    ["enero", "ene"], ["febrero"], ["marzo"], ["abril", "abr"], ["mayo"], ["junio"], ["julio"], ["agosto", "ago"],
    ["septiembre", "setiembre"], ["octubre"], ["noviembre"], ["diciembre", "dic"],
  ],
  it: [
    ["gennaio", "gen"], ["febbraio"], ["marzo"], ["aprile"], ["maggio", "mag"], ["giugno", "giu"], ["luglio", "lug"],
    ["agosto"], ["settembre", "set"], ["ottobre", "ott"], ["novembre"], ["dicembre"],
  ],
  pt: [
    ["janeiro"], ["fevereiro", "fev"], ["março", "marco"], ["abril"], ["maio"], ["junho"], ["julho"], ["agosto"],
    ["setembro"], ["outubro", "out"], ["novembro"], ["dezembro", "dez"],
  ],
  nl: [
    ["januari"], ["februari"], ["maart", "mrt"], ["april"], ["mei"], ["juni"], ["juli"], ["augustus"],
    ["september"], ["oktober", "okt"], ["november"], ["december"],
  ],
  ru: [
    ["января", "январь", "янв"], ["февраля", "февраль", "фев"], ["марта", "март"], ["апреля", "апрель", "апр"],
    ["мая", "май"], ["июня", "июнь", "июн"], ["июля", "июль", "июл"], ["августа", "август", "авг"],
    ["сентября", "сентябрь", "сент", "сен"], ["октября", "октябрь", "окт"], ["ноября", "ноябрь", "нояб", "ноя"],
    ["декабря", "декабрь", "дек"],
  ],
  uk: [
    ["січня", "січень", "січ"], ["лютого", "лютий", "лют"], ["березня", "березень", "бер"], ["квітня", "квітень", "квіт"],
    ["травня", "травень", "трав"], ["червня", "червень", "черв"], ["липня", "липень", "лип"], ["серпня", "серпень", "серп"],
    ["вересня", "вересень", "вер"], ["жовтня", "жовтень", "жовт"], ["листопада", "листопад", "лист"],
    ["грудня", "грудень", "груд"],
  ],
  pl: [
    ["stycznia", "styczeń"], ["lutego", "luty"], ["marca", "marzec"], ["kwietnia", "kwiecień"], ["maja", "maj"],
    ["czerwca", "czerwiec"], ["lipca", "lipiec"], ["sierpnia", "sierpień"], ["września", "wrzesień"],
    ["października", "październik"], ["listopada", "listopad"], ["grudnia", "grudzień"],
  ],
  tr: [
    ["ocak"], ["şubat", "subat"], ["mart"], ["nisan"], ["mayıs", "mayis"], ["haziran"], ["temmuz"],
    ["ağustos", "agustos"], ["eylül", "eylul"], ["ekim"], ["kasım", "kasim"], ["aralık", "aralik"],
  ],
  sv: [
    ["januari"], ["februari"], ["mars"], ["april"], ["maj"], ["juni"], ["juli"], ["augusti"], ["september"],
    ["oktober"], ["november"], ["december"],
  ],
  da: [
    ["januar"], ["februar"], ["marts"], ["april"], ["maj"], ["juni"], ["juli"], ["august"], ["september"],
    ["oktober"], ["november"], ["december"],
  ],
  fi: [
    ["tammikuuta", "tammikuu"], ["helmikuuta", "helmikuu"], ["maaliskuuta", "maaliskuu"], ["huhtikuuta", "huhtikuu"],
    ["toukokuuta", "toukokuu"], ["kesäkuuta", "kesäkuu"], ["heinäkuuta", "heinäkuu"], ["elokuuta", "elokuu"],
    ["syyskuuta", "syyskuu"], ["lokakuuta", "lokakuu"], ["marraskuuta", "marraskuu"], ["joulukuuta", "joulukuu"],
  ],
  hu: [
    ["január", "jan"], ["február", "febr"], ["március", "márc"], ["április", "ápr"], ["május", "máj"],
    ["június", "jún"], ["július", "júl"], ["augusztus", "aug"], ["szeptember", "szept"], ["október", "okt"],
    ["november", "nov"], ["december", "dec"],
  ],
  ro: [
    ["ianuarie"], ["februarie"], ["martie"], ["aprilie"], ["mai"], ["iunie"], ["iulie"], ["august"],
    ["septembrie"], ["octombrie"], ["noiembrie"], ["decembrie"],
  ],
  cs: [
    ["ledna", "leden"], ["února", "únor"], ["března", "březen"], ["dubna", "duben"], ["května", "květen"],
    ["června", "červen"], ["července", "červenec"], ["srpna", "srpen"], ["září"], ["října", "říjen"],
    ["listopadu"], ["prosince", "prosinec"],
  ],
  id: [
    ["januari"], ["februari"], ["maret"], ["april"], ["mei"], ["juni"], ["juli"], ["agustus"], ["september"],
    ["oktober"], ["november"], ["desember"],
  ],
  hy: [
    ["հունվարի", "հունվար"], ["փետրվարի", "փետրվար"], ["մարտի", "մարտ"], ["ապրիլի", "ապրիլ"], ["մայիսի", "մայիս"],
    ["հունիսի", "հունիս"], ["հուլիսի", "հուլիս"], ["օգոստոսի", "օգոստոս"], ["սեպտեմբերի", "սեպտեմբեր"],
    ["հոկտեմբերի", "հոկտեմբեր"], ["նոյեմբերի", "նոյեմբեր"], ["դեկտեմբերի", "դեկտեմբեր"],
  ],
  el: [
    ["ιανουαρίου", "ιανουάριος"], ["φεβρουαρίου", "φεβρουάριος"], ["μαρτίου", "μάρτιος"], ["απριλίου", "απρίλιος"],
    ["μαΐου", "μαίου", "μάιος"], ["ιουνίου", "ιούνιος"], ["ιουλίου", "ιούλιος"], ["αυγούστου", "αύγουστος"],
    ["σεπτεμβρίου", "σεπτέμβριος"], ["οκτωβρίου", "οκτώβριος"], ["νοεμβρίου", "νοέμβριος"],
    ["δεκεμβρίου", "δεκέμβριος"],
  ],
  // Arabic, Egyptian/Gulf system (transliterated Latin names) and Maghreb (French-derived) variants.
  ar: [
    ["يناير", "جانفي"], ["فبراير", "فيفري"], ["مارس"], ["أبريل", "ابريل", "إبريل", "أفريل", "افريل"],
    ["مايو", "ماي"], ["يونيو", "يونيه", "جوان"], ["يوليو", "يوليه", "جويلية"], ["أغسطس", "اغسطس", "أوت", "اوت"],
    ["سبتمبر"], ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"],
  ],
  // Arabic, Levantine/Iraqi (Syriac-derived) system.
  "ar-levant": [
    ["كانون الثاني"], ["شباط"], ["آذار", "اذار"], ["نيسان"], ["أيار", "ايار"], ["حزيران"], ["تموز"], ["آب"],
    ["أيلول", "ايلول"], ["تشرين الأول", "تشرين الاول"], ["تشرين الثاني"], ["كانون الأول", "كانون الاول"],
  ],
  // Persian names of the Gregorian months (the Solar Hijri calendar is in JALALI_MONTHS).
  fa: [
    ["ژانویه", "ژانویهٔ"], ["فوریه", "فوریهٔ"], ["مارس"], ["آوریل"], ["مه", "می"], ["ژوئن"], ["ژوئیه", "ژوئیهٔ", "جولای"],
    ["اوت", "آگوست"], ["سپتامبر"], ["اکتبر"], ["نوامبر"], ["دسامبر"],
  ],
};

/** Solar Hijri (Iranian) months; dates written with them are converted to Gregorian. */
export const JALALI_MONTHS: MonthTable = [
  ["فروردین"], ["اردیبهشت"], ["خرداد"], ["تیر"], ["مرداد", "امرداد"], ["شهریور"], ["مهر"], ["آبان"], ["آذر"],
  ["دی"], ["بهمن"], ["اسفند"],
];

/** Digits of other numeral systems, mapped to ASCII before any pattern runs. */
export const DIGIT_ZEROS: readonly number[] = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0xff10, // fullwidth
];

/** Time-zone abbreviations whose offset is unambiguous (IST, CST... are not, so they are absent). */
export const ZONE_OFFSETS: Record<string, string> = {
  utc: "Z", gmt: "Z", z: "Z",
  cet: "+01:00", cest: "+02:00", mez: "+01:00", mesz: "+02:00",
  eet: "+02:00", eest: "+03:00", msk: "+03:00", wet: "+00:00", west: "+01:00", bst: "+01:00",
  est: "-05:00", edt: "-04:00", pst: "-08:00", pdt: "-07:00", mst: "-07:00", mdt: "-06:00",
  jst: "+09:00", kst: "+09:00", aest: "+10:00", aedt: "+11:00",
};
