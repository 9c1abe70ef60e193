/**
 * The verdict on one aligned pair, per ../shared/docs/SCAN-CONTRACT.md "What counts as reuse":
 * - verbatim: nearly all (~90%) of the ORIGINAL's words are present, in order, in the copy,
 *   and the copy carries little else; light edits (headline, byline, a dropped paragraph)
 *   allowed. The original is the library article (captions and credits a scrape kept aside),
 *   unless dates say the page came first: a page that is a shortened version of the article
 *   (all of the page in the article, 81% of the article on the page) is a partial copy, not
 *   a verbatim one, and so is a page holding the whole article inside much more text;
 * - spun: most of the article aligns in order, with many short substitutions that leave
 *   numbers and names alone (a template with other figures is not spinning);
 * - partial: a source-consecutive run of >= 80 words, or runs of >= 20 words from several
 *   places adding up to 80, or >= 2 whole consecutive paragraphs, or a whole short article
 *   inside a longer page; boilerplate does not count, and runs must be mostly the article's
 *   own (unquoted) text;
 * - otherwise no match (same topic, quotes, teasers, short excerpts, shared boilerplate).
 * Checked in that order; the score orders the matches of one page (0..1).
 */
import type { AlignmentFigures } from './measure';
import type { SubstitutionSummary } from './substitutions';
import type { Tuning } from './tuning';
import type { MatchKind } from './types';

export interface Verdict {
  kind: MatchKind;
  score: number;
  reason: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/**
 * `pageFirst`: the dates say the page was published before the library article (it may then
 * be the original, and the article its copy).
 */
export function classify(figures: AlignmentFigures, subs: SubstitutionSummary, tuning: Tuning, pageFirst = false): Verdict | null {
  const sourceEqual = ratio(figures.sourceEqual, figures.sourceWords);
  // The article's own words: captions, credits and gallery controls a scrape kept are not the story.
  const articleEqual = ratio(figures.sourceEqual, figures.sourceWords - figures.sourceCaptionExtra);
  const pageEqual = ratio(figures.pageEqual, figures.pageWords);
  const sourceSpan = ratio(figures.sourceSpan, figures.sourceWords);
  const pageSpan = ratio(figures.pageSpan, figures.pageWords);
  // The page must carry the article's own reporting too, not only the statements it quotes.
  const ownEnough = figures.ownEqual >= tuning.minOwnShare * figures.sourceOwnWords;
  const substitutionRate = ratio(subs.sourceTokens, figures.sourceSpan);

  if (ownEnough && substitutionRate < tuning.spunMinChanged) {
    const copiesArticle = articleEqual >= tuning.verbatimCoverage && pageEqual >= tuning.verbatimOtherCoverage;
    const copiedByArticle = pageFirst && pageEqual >= tuning.verbatimCoverage && sourceEqual >= tuning.verbatimOtherCoverage;
    if (copiesArticle || copiedByArticle) {
      const shared = Math.min(sourceEqual, pageEqual);
      return {
        kind: 'verbatim',
        score: 0.9 + 0.1 * shared,
        reason: copiesArticle
          ? `${percent(articleEqual)} of the article's words${figures.sourceCaptionExtra > 0 ? ' (captions and widget lines aside)' : ''} appear in the same order on the page.`
          : `${percent(pageEqual)} of the page's words appear in the same order in the library article.`,
      };
    }
  }

  const spanCoverage = Math.max(sourceSpan, pageSpan);
  const hardShare = ratio(subs.hard, subs.count);
  if (
    ownEnough &&
    spanCoverage >= tuning.spunCoverage &&
    substitutionRate >= tuning.spunMinChanged &&
    figures.changedShare <= tuning.spunMaxChanged &&
    subs.count - subs.hard >= Math.max(tuning.spunMinSwaps, tuning.spunMinSwapDensity * figures.sourceSpan) &&
    hardShare <= tuning.spunMaxHardShare
  ) {
    return {
      kind: 'spun',
      score: 0.6 + 0.3 * spanCoverage,
      reason:
        `${percent(spanCoverage)} of the ${sourceSpan >= pageSpan ? 'article' : 'page'} aligns in order, ` +
        `with ${subs.count - subs.hard} word or phrase swaps of a spinner's kind, changed names and numbers not counted (${percent(figures.changedShare)} of the words differ).`,
    };
  }

  const byRun = figures.longestRun >= tuning.partialRunWords;
  const byPieces = figures.piecesWords >= tuning.partialRunWords;
  const byParagraphs = figures.wholeParagraphWords >= tuning.partialParagraphWords;
  // A short article (a wire item) copied whole into a longer page.
  const byWhole = ownEnough && sourceEqual >= tuning.partialWholeArticleCoverage && figures.sourceWords >= tuning.partialWholeArticleWords;
  if (byRun || byParagraphs || byPieces || byWhole) {
    const shared = Math.max(sourceEqual, pageEqual);
    return {
      kind: 'partial',
      score: 0.2 + 0.5 * shared,
      reason: byRun
        ? `A run of ${figures.longestRun} words is copied word for word (${percent(sourceEqual)} of the article).`
        : byParagraphs
          ? `Consecutive paragraphs (${figures.wholeParagraphWords} words) are copied whole (${percent(sourceEqual)} of the article).`
          : byPieces
            ? `Passages from several places (${figures.piecesWords} words) are copied word for word (${percent(sourceEqual)} of the article).`
            : `The whole article (${figures.sourceWords} words) is copied into a longer page (${percent(pageEqual)} of the page).`,
    };
  }
  return null;
}
