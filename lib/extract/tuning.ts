/**
 * Extraction tunables, in one place, each with the reason for its value.
 * The same numbers apply in the content script (real DOM) and the scan command (jsdom).
 */

/**
 * Readability runs only up to this many elements (after pruning). The 326 real news pages in
 * ../shared/eval-data hold at most about 2,000 elements; modern pages hold up to about 8,000.
 * Beyond it (a forum dump, tag soup with one element per word) Readability's scoring is slow,
 * and the pruned page body is read as it is instead.
 */
export const MAX_ELEMENTS_TO_PARSE = 15_000;

/**
 * Readability's time grows steeply with nesting depth (in jsdom: 0.7 s at 250 levels, 15 s at
 * 1,000, 2 minutes at 2,000), which tag soup with unclosed <div>s can reach. The 468 real pages
 * in ../shared/eval-data nest at most 51 levels (median 16); deeper pages are read without it.
 */
export const MAX_DEPTH_TO_PARSE = 200;

/**
 * Pages beyond any of these caps are "too large to check" (said as such, never "not an
 * article"); the caps are decided before cloning or parsing. What is read counts, not markup.
 * The 417 real pages in ../shared/eval-data hold at most 493,262 characters of text, 9,060
 * non-blank text nodes and 9,888 elements (lib/extract/page-size, measured 2026-11-30):
 * - text: 2 million characters, four times that, and twice the longest article text handed on
 *   (MAX_ARTICLE_CHARS), so a 1 MB article with its comments is still checked;
 * - pieces of text (non-blank text nodes): 50,000, five times that;
 * - elements of any kind: 100,000, ten times that and far above the padding a page could hide
 *   an article behind (a page with 46,000 empty elements is still checked: empty and hidden
 *   elements are dropped from the clone before Readability's budget is counted), but a bound on
 *   what cloning alone costs.
 */
export const MAX_PAGE_TEXT_CHARS = 2_000_000;
export const MAX_PAGE_TEXT_NODES = 50_000;
export const MAX_PAGE_ELEMENTS = 100_000;

/** Readability's own default: an attempt with less article text than this is retried more loosely. */
export const READABILITY_CHAR_THRESHOLD = 500;

/** Longest article text handed on, in characters: far beyond any news article, bounds later work. */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** Without Readability's result, the page body is used only when it holds at least this much text. */
export const MIN_FALLBACK_CHARS = 200;

/** A paragraph counts towards "is this an article?" from this length (as in Readability's readerable check). */
export const MIN_ARTICLE_PARAGRAPH_CHARS = 140;

/**
 * Pages Readability's check rejects (2008 layouts with <br>-separated text) still count as
 * articles with this much prose (about 200 words) in at least MIN_ARTICLE_PARAGRAPHS paragraphs.
 */
export const MIN_PROSE_CHARS_WITHOUT_READABILITY = 1_200;
export const MIN_ARTICLE_PARAGRAPHS = 2;

/** Above this share of link text, a paragraph or a whole page is navigation, not prose. */
export const MAX_LINK_DENSITY = 0.5;

/**
 * A paragraph whose text is nearly all link (and short) is a teaser or a "Read more" line,
 * not article prose; long all-link paragraphs are rare enough to keep.
 */
export const TEASER_LINK_DENSITY = 0.8;
export const TEASER_MAX_WORDS = 40;
/**
 * …unless it reads as a story sentence of at least this many words (headline teasers are
 * shorter, and seldom end with a full stop): sites wrap story paragraphs in a link too.
 */
export const STORY_LINK_MIN_WORDS = 12;

/**
 * A furniture container (share bar, "related" box, comments...) is removed before Readability
 * only when it holds less than this share of the page's paragraph text: a class name alone
 * must never remove the article itself (e.g. a wrapper called "article-with-comments").
 */
export const MAX_FURNITURE_TEXT_SHARE = 0.3;

/**
 * A comment-section heading ("12 Comments") ends the article's container only after this much
 * text outside links (a headline and a few lines): the same heading before any text is no end.
 */
export const MIN_TEXT_BEFORE_COMMENT_HEADING = 60;

/** Boilerplate labels are short: a long paragraph that mentions cookies or newsletters is prose. */
export const MAX_BOILERPLATE_LABEL_CHARS = 300;
