/**
 * A tab's result in plain words, for the popup's headline (the badge says the same in colour).
 * The page's own strings are returned as data, for the UI to render as text.
 */
import type { MatchKind } from '../core/types';
import type { TabResult } from '../protocol';
import { verdictOf } from './verdict';

export type Tone = 'copy' | 'partial' | 'copied-by' | 'clean' | 'neutral' | 'error';

export interface VerdictWords {
  tone: Tone;
  /** The headline; when `subject` is set it ends with it (rendered in quotes by the UI). */
  headline: string;
  subject?: string;
  detail?: string;
}

const COPY_HEADLINE: Record<Exclude<MatchKind, 'partial'>, string> = {
  spun: 'Spun copy of',
  verbatim: 'Verbatim copy of',
};

const COPIED_BY_HEADLINE: Record<MatchKind, string> = {
  spun: 'This article has been copied (spun) by',
  verbatim: 'This article has been copied (verbatim) by',
  partial: 'This article has been partly copied by',
};

export function percent(share: number): string {
  return `${Math.max(share > 0 ? 1 : 0, Math.round(share * 100))}%`;
}

function others(count: number): string | undefined {
  return count > 0 ? `…and ${count} more library article${count === 1 ? '' : 's'}.` : undefined;
}

export function describeResult(result: TabResult): VerdictWords {
  switch (result.status) {
    case 'checking':
      return { tone: 'neutral', headline: 'Checking this page…' };
    case 'not-article':
      return { tone: 'neutral', headline: 'Not an article', detail: 'This page holds no news article to compare.' };
    case 'too-large':
      return { tone: 'neutral', headline: 'Too large to check', detail: 'This page is larger than anything the extension reads (millions of characters of text, or 100,000 elements), so it was not checked. Nothing of it was compared.' };
    case 'error':
      return { tone: 'error', headline: 'Could not check this page', detail: result.error };
    case 'disabled':
      return result.why === 'excluded'
        ? { tone: 'neutral', headline: 'Scanning is off for this site', detail: 'This site is on your exclusion list.' }
        : { tone: 'neutral', headline: 'Scanning waits for you', detail: 'Pages are only checked when you ask.' };
    case 'done':
      return describeMatches(result);
  }
}

function describeMatches(result: Extract<TabResult, { status: 'done' }>): VerdictWords {
  const verdict = verdictOf(result.matches);
  if (verdict.kind === 'clean') {
    return { tone: 'clean', headline: 'No recycled text found', detail: 'Nothing in your library matches this article.' };
  }
  if (verdict.kind === 'copied-by') {
    const [first] = verdict.matches;
    return {
      tone: 'copied-by',
      headline: COPIED_BY_HEADLINE[first.kind],
      subject: first.entry.title,
      detail: others(verdict.matches.length - 1),
    };
  }
  const { match, copyKind } = verdict;
  const copies = result.matches.filter((other) => other.direction === 'copies').length;
  return {
    tone: copyKind === 'partial' ? 'partial' : 'copy',
    headline: copyKind === 'partial' ? `Copies ${percent(match.coverage)} of` : COPY_HEADLINE[copyKind],
    subject: match.entry.title,
    detail: others(copies - 1),
  };
}
