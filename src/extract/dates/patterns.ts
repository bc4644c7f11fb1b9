/**
 * The vocabulary of date finding, as data: which meta tags, JSON-LD keys, class names and byline
 * words mark a publication or modification date, and the plausibility window.
 */

/** Earliest plausible publication year of a web page. */
export const MIN_YEAR = 1995;
/** How far in the future (relative to now) a date may lie: time zones, scheduled posts. */
export const MAX_FUTURE_MS = 24 * 3600 * 1000;

/** <meta name|property|itemprop> values carrying the publication date, most trusted first. */
export const META_PUBLISHED: readonly string[] = [
  "article:published_time", "og:article:published_time", "og:published_time", "article:published",
  "datepublished", "article.published", "article_date_original", "article:publicationdate",
  "originalpublicationdate", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
  "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued", "dcterms.issued",
  "dc.date.publication", "pubdate", "publishdate", "publish-date", "publish_date", "published-date",
  "published_time", "publication_date", "date_published", "dateposted", "rnews:datepublished",
  "shareaholic:article_published_time", "bt:pubdate", "og:pubdate", "pub_date", "schema:datepublished",
];
/**
 * Meta values that often hold a publication date but as often the generation or crawl date
 * of the page: trusted only below what the reader is shown.
 */
export const META_PUBLISHED_WEAK: readonly string[] = [
  "dc.date.created", "dcterms.created", "dc.date", "dc:date", "dcterms.date", "dc.created", "dc:created",
  "datecreated", "schema:datecreated", "article.created", "date", "created", "release_date", "gentime", "timestamp",
];

/** Meta values carrying the modification date. */
export const META_MODIFIED: readonly string[] = [
  "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified", "dateupdate",
  "article:modified", "modified_time", "updated_time", "dc.date.modified", "dcterms.modified", "dc.modified",
  "last-modified", "lastmodified", "revised", "sailthru.lastmodified", "schema:datemodified",
];

/** JSON-LD keys, in order of trust. */
export const JSONLD_PUBLISHED: readonly string[] = ["datePublished", "dateCreated", "uploadDate"];
export const JSONLD_MODIFIED: readonly string[] = ["dateModified"];
/** JSON-LD @types that describe the page's own article (a Person's birthDate or an Event's date do not). */
export const JSONLD_ARTICLE_TYPE = /article|posting|report|webpage|newsarticle|blog|videoobject|creativework|review|recipe|itempage/i;

/** class/id/itemprop words of elements holding a publication date (bylines, post meta). */
export const DATE_ELEMENT_HINT =
  /(?:^|[\s_-])(?:date|datum|fecha|data|time|timestamp|pubdate|published|publish|posted|postmeta|post-meta|entry-meta|article-meta|meta-info|byline|dateline|submitted|created|article-info|info-date|story-date|author)|(?:date|datum|time|published|byline)(?:$|[\s_-])/i;
/**
 * Elements whose dates are never the article's own (comments, related lists, footers), by the
 * start of a class/id token: "comment-list" and "sidebar" count, "has-sidebar" on <body> does not.
 */
export const FOREIGN_CONTAINER =
  /(?:^|\s)(?:comment|kommentar|reply|replies|respond|related|sidebar|widget|footer|teaser|recommend|popular|more-|most-|trending|archive|calendar|newsletter|promo|breadcrumb)/i;
export const FOREIGN_TAGS = new Set(["footer", "aside", "nav"]);
/** A "foreign" block holding more than this share of the page's text is a layout wrapper. */
export const WRAPPER_SHARE = 0.5;
/** Wrappers that hold the whole page: never foreign whatever their classes say. */
export const PAGE_WRAPPERS = new Set(["html", "body", "main", "article"]);
/** Hints that a date element is the modification date, not the publication. */
export const MODIFIED_HINT = /updated|modified|aktualisiert|geändert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt|обновлено|оновлено|last edited|stand:/i;

/** Byline words announcing the publication date in visible text. */
export const PUBLISHED_CUE =
  /(?:published|posted|written|released|erschienen|veröffentlicht|publiziert|publié|publie|mis en ligne|publicado|publicada|pubblicato|publicat|gepubliceerd|geplaatst|опубликовано|опубліковано|dodano|opublikowano|yayınlanma|publikováno|julkaistu|publicerad|udgivet|publisert|datum|date|fecha|data|дата)\b/i;

/** Tags whose text is never visible. */
export const INVISIBLE_TAGS = new Set(["script", "style", "noscript", "template", "svg", "head", "title", "iframe", "select", "option"]);
/** How much visible text after the headline a byline may be found in. */
export const HEADLINE_WINDOW_CHARS = 700;
/** Upper bound on elements examined per hint class, as a safeguard on huge pages. */
export const MAX_DATE_ELEMENTS = 60;
