/**
 * The toolbar badge for a tab: red for a spun or verbatim copy, amber with the reused share
 * for a partial copy, a quiet blue "i" when library articles copy this page, nothing otherwise.
 */
import { browser } from 'wxt/browser';
import { formatNumber, t } from '../i18n';
import type { StoredTabResult } from '../protocol';
import type { PackMatchView } from '../packs/messages';
import { spinHintOf, verdictOfResult } from './verdict';

export interface BadgeView {
  text: string;
  color: string;
  /** Tooltip of the toolbar button: the verdict in words, for people who do not see colour. */
  title: string;
}

export const BADGE_COLORS = { copy: '#c62828', partial: '#8a4f00', copiedBy: '#1565c0', hint: '#6a1b9a' } as const;

export function badgeFor(result: StoredTabResult | null): BadgeView | null {
  const name = t('extName');
  const verdict = verdictOfResult(result);
  const packMatch = result?.status === 'done' ? result.packMatches?.[0] : undefined;
  if (verdict?.kind === 'clean' && packMatch) return packBadge(name, packMatch);
  // The spin hint shows only when no source was found: a source-based verdict says more.
  if (verdict?.kind === 'clean' && spinHintOf(result)) {
    return { text: '?', color: BADGE_COLORS.hint, title: t('badgeTitleHint', name) };
  }
  if (!verdict || verdict.kind === 'clean') return null;
  if (verdict.kind === 'copied-by') {
    const count = verdict.matches.length;
    return { text: 'i', color: BADGE_COLORS.copiedBy, title: count === 1 ? t('badgeTitleCopiedByOne', name) : t('badgeTitleCopiedBy', name, formatNumber(count)) };
  }
  const { match, copyKind } = verdict;
  // The library's own copy of this very page is no recycling: the popup says "in your library".
  if (match.sameAddress) return null;
  if (copyKind === 'partial') {
    const share = Math.max(1, Math.round(match.coverage * 100));
    return { text: `${share}%`, color: BADGE_COLORS.partial, title: t('badgeTitlePartial', name, formatNumber(share / 100, { style: 'percent' }), match.entry.title) };
  }
  const spun = copyKind === 'spun';
  return {
    text: spun ? 'SPUN' : 'COPY',
    color: BADGE_COLORS.copy,
    title: t(spun ? 'badgeTitleSpun' : 'badgeTitleVerbatim', name, match.entry.title),
  };
}

/** A copy only a pack knows of: the same colours as a library copy, the title names the pack. */
function packBadge(name: string, match: PackMatchView): BadgeView {
  const title = match.title ?? match.url ?? match.id;
  if (match.kind === 'partial') {
    const share = Math.max(1, Math.round(match.coverage * 100));
    return { text: `${share}%`, color: BADGE_COLORS.partial, title: t('badgeTitlePack', name, title, match.pack) };
  }
  return { text: match.kind === 'spun' ? 'SPUN' : 'COPY', color: BADGE_COLORS.copy, title: t('badgeTitlePack', name, title, match.pack) };
}

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge calls. */
function toolbarButton() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Shows (or clears) the badge of one tab. A tab closed meanwhile is not an error. */
export async function showBadge(tabId: number, result: StoredTabResult | null, enabled: boolean): Promise<void> {
  const view = enabled ? badgeFor(result) : null;
  const button = toolbarButton();
  try {
    await button.setBadgeText({ tabId, text: view?.text ?? '' });
    if (view) await button.setBadgeBackgroundColor({ tabId, color: view.color });
    await button.setTitle({ tabId, title: view?.title ?? t('extName') });
  } catch (error) {
    if (!/no tab with id/i.test(String(error))) throw error;
  }
}
