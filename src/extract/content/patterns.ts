/**
 * The vocabulary of main-content extraction: which tags, roles and class/id words mark page
 * furniture, which mark the article body, and the thresholds the algorithm uses. Kept apart
 * from the code so the whole rule set reads on one screen.
 */

/** Never text: their content is code, styling, media or form widgets. */
export const SKIPPED_TAGS = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "video",
  "audio", "canvas", "map", "button", "select", "option", "textarea", "input", "label", "head",
  "title", "meta", "link", "picture", "img", "source",
]);

/** Page furniture by its HTML5 meaning, dropped wherever it sits. */
export const FURNITURE_TAGS = new Set(["nav", "aside", "menu", "dialog"]);

/** Furniture unless it holds most of the page's body-like text (some sites misuse them as wrappers). */
export const SOFT_FURNITURE_TAGS = new Set(["header", "footer", "form"]);

/** ARIA roles of page furniture. */
export const FURNITURE_ROLES = new Set([
  "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar",
  "search", "toolbar", "tablist", "alert", "status",
]);

/** Never dropped by a class/id word: the document itself and elements that declare the article. */
export const PROTECTED_TAGS = new Set(["html", "body", "main", "article"]);

/** A class/id word boundary: start/end, whitespace, '-', '_' or a camelCase hump is handled by lowercasing first. */
const word = (alternatives: string): RegExp => new RegExp(`(?:^|[\\s_-])(?:${alternatives})(?=$|[\\s_-]|\\d)`);

/**
 * Class/id words of furniture that is dropped whatever its size: comment threads can be longer
 * than the article, and share bars, consent banners or recommendation lists are never body.
 */
export const HARD_NOISE = word(
  [
    "comments?", "comment-?list", "disqus", "respond", "replies", "reply",
    "cookies?", "consent", "gdpr", "cmp", "privacy-?banner", "onetrust",
    "share", "shares", "sharing", "sharebar", "social", "socials", "sociallinks", "share-?tools",
    "related", "recommend(?:ed|ations?)?", "more-?stories", "most-?(?:read|popular|viewed|shared)", "popular",
    "trending", "outbrain", "taboola", "read-?more", "read-?next", "up-?next", "also-?read", "see-?also",
    "newsletter", "subscribe", "subscription", "signup", "sign-?up", "registration",
    "ads?", "advert", "advertisement", "adslot", "ad-?slot", "ad-?container", "ad-?wrapper", "dfp", "gpt",
    "sponsor(?:ed)?", "promo", "promotion", "banner", "breadcrumbs?", "pagination", "pager",
    "modal", "popup", "overlay", "lightbox", "skip-?link", "sr-only", "visually-?hidden", "screen-?reader",
    "print-?only", "offscreen", "tags", "tag-?list", "keywords", "topics",
    "author-?bio", "about-?author", "bio", "byline", "dateline", "timestamp", "published",
    "footer", "toolbar", "tools", "utility", "caption", "credit", "credits", "copyright", "disclaimer",
  ].join("|"),
);

/**
 * Class/id words of furniture that is dropped only when it does not look like body text (few
 * body-like characters or mostly links): these words also appear on generic page wrappers.
 */
export const SOFT_NOISE = word(
  [
    "nav", "navbar", "navigation", "menu", "sidebar", "side-?bar", "rail", "right-?rail", "widget",
    "foot", "header", "masthead", "topbar", "meta", "links", "teaser", "aside", "secondary", "complementary", "supplementary",
  ].join("|"),
);

/** Class/id words of content embedded in the body (posts quoted from social networks): never furniture by class. */
export const EMBED_HINT = word("embed|embedded|embeds|tweet|twitter-tweet|instagram-media");

/** Class/id/itemprop words of the article body itself: a strong vote in container selection. */
export const BODY_HINT = word(
  [
    "article-?body", "articlebody", "article-?content", "article-?text", "story-?body", "story-?content",
    "story-?text", "post-?body", "post-?content", "entry-?content", "entry-?body", "body-?text",
    "content-?body", "text-?body", "rich-?text", "richtext", "article-?main", "post-?text",
  ].join("|"),
);

/** The microdata and ARIA declarations of the article body. */
export const BODY_ITEMPROPS = new Set(["articlebody", "reviewbody"]);

/** Tags that end an inline run: each starts a new block of text. */
export const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "br", "caption",
  "legend", "ins",
]);

/** Blocks that are a paragraph of a body, never its container (their parent is). */
export const PARAGRAPH_TAGS = new Set(["p", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figcaption", "caption", "tr", "th"]);

export const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
export const LIST_TAGS = new Set(["ul", "ol", "dl"]);

/** Whole class names that hide an element in common CSS frameworks (as parts of names, "hidden" means other things, e.g. "label-hidden"). */
export const HIDDEN_CLASSES = new Set(["hidden", "hide", "d-none", "is-hidden", "invisible", "display-none"]);

/** Inline style declarations that hide an element, or push it off screen (a classic cloaking trick for link spam). */
export const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top)\s*:\s*-\d{3,}px)/i;

/** Sentence-ending punctuation across scripts: a short block ending so is prose, not a label. */
export const SENTENCE_END = /[.!?…。！？؟।»"”'’)]\s*$/u;

/**
 * Short blocks that are labels of furniture in many languages, never body: matched against a
 * whole block (case-insensitive), so real sentences that contain the words are kept.
 */
export const LABEL_BLOCK =
  /^(?:advertisement|advertising|advert|ad|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below| the main story)?|read more|read (?:the )?full (?:story|article)|(?:related|more)(?: stories| articles| coverage)?|share(?: this)?(?: article| story)?|follow us|sign up|subscribe(?: now)?|click here|anzeige|werbung|publicité|publicidad|pubblicità|реклама|광고|広告|(?:hide |show |toggle )?caption|close|expand|collapse|enlarge(?: this)?(?: image| photo)?|view (?:gallery|photos|slideshow)|play video|full ?screen|back to top|print(?: this)?(?: article| page)?|e-?mail(?: this)?(?: article| story)?)[.:!]?$/iu;

/**
 * Datelines and bylines left inside a body ("12/03/2024 10:15", "Monday, 4 March 2024, 9:30"):
 * a short block with a time or a numeric date, or a year beside a day number, and few words.
 */
export const DATELINE_MARK = /\b\d{1,2}:\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|(?=.*\b(?:19|20)\d{2}\b)(?=.*\b(?:[1-9]|[12]\d|3[01])\b)/u;
export const DATELINE_MAX_CHARS = 80;
export const DATELINE_MAX_WORDS = 7;

export const THRESHOLDS = {
  /** A block with at least this many characters outside links is body-like (if links are a minority). */
  bodyBlockChars: 60,
  maxBodyLinkDensity: 0.5,
  /** A shorter block still counts as prose when it ends like a sentence, is this long and has few links. */
  proseBlockChars: 30,
  maxProseLinkDensity: 0.33,
  /** Lists and soft-noise containers with more link text than this are link farms. */
  linkFarmDensity: 0.5,
  /** Weight of non-body text against body text when scoring a container. */
  nonBodyPenalty: 0.5,
  /** Soft-furniture keeps its place when it holds at least this share of the page's body text. */
  softFurnitureBodyShare: 0.5,
  /** A block inside the body with this link density and shorter than linkBlockMaxChars is a link teaser. */
  linkBlockDensity: 0.6,
  linkBlockMaxChars: 200,
  /** Below this many characters the chosen container is not trusted and the fallback is tried. */
  minBodyChars: 250,
  /** A sibling of the chosen container joins it with this share of its score, or this many body characters. */
  siblingScoreShare: 0.2,
  siblingBodyChars: 80,
  /** A parent adding at most this share (plus these characters) of text is a mere wrapper of the container. */
  wrapperExtraShare: 0.1,
  wrapperExtraChars: 20,
  /** The page-wide baseline replaces a too-short result only when it holds this many times more text. */
  baselineGain: 2,
  /** A declared body (itemprop, body class) shorter than this is a teaser, not the article. */
  minDeclaredBodyChars: 200,
} as const;
