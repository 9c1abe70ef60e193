/** The evidence input for one match of a tab's finished check (what the popup holds). */
import type { MatchView, TabResult } from '../protocol';
import type { EvidenceInput } from './build';

/** `libraryText`: the library article's text, null when it has left the library. */
export function evidenceInputFrom(
  result: Extract<TabResult, { status: 'done' }>,
  match: MatchView,
  libraryText: string | null,
  versions: EvidenceInput['versions'],
  exportedAt: number,
): EvidenceInput {
  const { entry, id: _id, ...verdict } = match;
  return {
    page: { url: result.url, title: result.article.title, siteName: result.article.siteName, publishedAt: result.article.publishedAt, text: result.text },
    library: { ...entry, text: libraryText },
    match: verdict,
    checkedAt: result.at,
    exportedAt,
    versions,
  };
}
