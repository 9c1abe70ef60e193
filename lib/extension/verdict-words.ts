/**
 * A tab's result in plain words, for the popup's headline (the badge says the same in colour
 * and in its tooltip). Every share names whose share it is ("of this page"). The page's own
 * strings are returned as data, for the UI to render as text. Words come from the i18n catalogue.
 */
import { formatNumber, formatPercent, t, type MessageKey } from '../i18n';
import type { MatchKind } from '../core/types';
import type { MatchView, StoredTabResult } from '../protocol';
import { isSameArticle, spinHintOf, verdictOf } from './verdict';

export type Tone = 'copy' | 'partial' | 'copied-by' | 'clean' | 'hint' | 'neutral' | 'error';

export interface VerdictWords {
  tone: Tone;
  /** The headline; when `subject` is set it ends with it (rendered in quotes by the UI). */
  headline: string;
  subject?: string;
  detail?: string;
}

const COPY_HEADLINE: Record<Exclude<MatchKind, 'partial'>, MessageKey> = {
  spun: 'verdictSpunCopyOf',
  verbatim: 'verdictVerbatimCopyOf',
};

const COPIED_BY_HEADLINE: Record<MatchKind, MessageKey> = {
  spun: 'verdictCopiedBySpun',
  verbatim: 'verdictCopiedByVerbatim',
  partial: 'verdictCopiedByPartial',
};

/** A share (0..1) as a percentage in the user's style ("52%", "52 %"). */
export const percent = formatPercent;

function others(count: number): string | undefined {
  if (count <= 0) return undefined;
  return count === 1 ? t('verdictOneMore') : t('verdictMore', formatNumber(count));
}

/** The headline's detail for the match it names: that its text is no longer kept, when it was
 *  dropped (known from fingerprints only), then how many other matches there are. */
function matchDetail(match: MatchView, otherCount: number): string | undefined {
  const parts = [match.textDropped ? t('verdictTextDropped') : undefined, others(otherCount)].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** What the popup says when a page has never been checked. */
export function uncheckedWords(): VerdictWords {
  return { tone: 'neutral', headline: t('verdictUnchecked'), detail: t('verdictUncheckedDetail') };
}

/**
 * The headline for `result`. `librarySize` (entries in the library), when known, is named in
 * a clean verdict so the reader knows how much was compared.
 */
export function describeResult(result: StoredTabResult, librarySize?: number): VerdictWords {
  switch (result.status) {
    case 'checking':
      return { tone: 'neutral', headline: t('verdictChecking') };
    case 'not-article':
      return { tone: 'neutral', headline: t('verdictNotArticle'), detail: t('verdictNotArticleDetail') };
    case 'too-large':
      return { tone: 'neutral', headline: t('verdictTooLarge'), detail: t('verdictTooLargeDetail') };
    case 'error':
      return { tone: 'error', headline: t('verdictError'), detail: result.error };
    case 'disabled':
      return result.why === 'excluded'
        ? { tone: 'neutral', headline: t('verdictExcluded'), detail: t('verdictExcludedDetail') }
        : { tone: 'neutral', headline: t('verdictWaits'), detail: t('verdictWaitsDetail') };
    case 'done':
      return describeMatches(result, librarySize);
  }
}

function describeMatches(result: Extract<StoredTabResult, { status: 'done' }>, librarySize: number | undefined): VerdictWords {
  const verdict = verdictOf(result.matches);
  if (verdict.kind === 'clean' && result.inLibrary) {
    return { tone: 'clean', headline: t('verdictInLibrary'), subject: result.inLibrary.title, detail: t('verdictInLibraryDetail') };
  }
  const [packMatch] = result.packMatches ?? [];
  if (verdict.kind === 'clean' && packMatch) {
    // Only a pack knows the original: name it, and that the comparison is from fingerprints.
    return {
      tone: packMatch.kind === 'partial' ? 'partial' : 'copy',
      headline: packMatch.kind === 'partial' ? t('verdictPartialOf', percent(packMatch.coverage)) : t(COPY_HEADLINE[packMatch.kind]),
      subject: packMatch.title ?? packMatch.url ?? packMatch.id,
      detail: t('verdictFromPack', packMatch.pack),
    };
  }
  if (verdict.kind === 'clean' && spinHintOf(result)) {
    // A hint, not a verdict: no source was found, only wording typical of a synonym spinner.
    return { tone: 'hint', headline: t('spinHintHeadline'), detail: t('spinHintDetail') };
  }
  if (verdict.kind === 'clean') {
    const detail =
      librarySize === undefined
        ? t('verdictCleanDetail')
        : librarySize === 1
          ? t('verdictCleanDetailOne')
          : t('verdictCleanDetailCount', formatNumber(librarySize));
    return { tone: 'clean', headline: t('verdictClean'), detail };
  }
  if (verdict.kind === 'copied-by') {
    const [first] = verdict.matches;
    return {
      tone: 'copied-by',
      headline: t(COPIED_BY_HEADLINE[first.kind]),
      subject: first.entry.title,
      detail: matchDetail(first, verdict.matches.length - 1),
    };
  }
  const { match, copyKind } = verdict;
  if (match.sameAddress) {
    // Only the library's own copy of this very article (saved from this address) matched: no recycling.
    return { tone: 'neutral', headline: t('verdictInLibrary'), subject: match.entry.title, detail: t('verdictInLibraryDetail') };
  }
  const copies = result.matches.filter((other) => other.direction === 'copies' && !isSameArticle(other)).length;
  return {
    tone: copyKind === 'partial' ? 'partial' : 'copy',
    headline: copyKind === 'partial' ? t('verdictPartialOf', percent(match.coverage)) : t(COPY_HEADLINE[copyKind]),
    subject: match.entry.title,
    detail: matchDetail(match, copies - 1),
  };
}
