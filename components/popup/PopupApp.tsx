/**
 * The popup: fetches the tab's result from the background (through the `send` client, which
 * tests replace), follows a check in progress, and renders the verdict and its matches.
 * In "only when I click" mode the popup opening is the click: it asks for the check at once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { sendMessage } from '../../lib/messaging/client';
import { unreadableFromError, unreadableReason } from './page-access';
import { INDEX_VERSION } from '../../lib/core/tuning';
import { buildEvidence } from '../../lib/evidence/build';
import { evidenceInputFrom } from '../../lib/evidence/from-result';
import type { TabResult } from '../../lib/protocol';
import type { MatchActions } from './MatchCard';
import { PopupBody, type PopupView } from './PopupBody';

export interface PopupAppProps {
  /** The tab to show; null when it could not be determined. */
  tabId: number | null;
  /** The tab's address when known (the click on the toolbar button grants it): tells browser pages apart. */
  pageUrl?: string;
  send: typeof sendMessage;
  onOpenOptions?: () => void;
  /** Opens the page where the library grows (import, learning). */
  onGrowLibrary?: () => void;
  /** How often a check in progress is looked at again. */
  pollMs?: number;
  /** The extension's version (manifest), written into evidence files. */
  extensionVersion?: string;
  /** The options page's address of a library entry. */
  entryUrl?: (id: string) => string;
}

/** A check that has not settled after this long is shown as stuck, not as spinning forever. */
const GIVE_UP_MS = 30_000;

/** A page still loading may not have reported yet: a missing result is looked at this often. */
const MISSING_RESULT_POLLS = 5;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function PopupApp({ tabId, pageUrl, send, onOpenOptions, onGrowLibrary, pollMs = 400, extensionVersion = 'unknown', entryUrl }: PopupAppProps) {
  const [view, setView] = useState<PopupView>({ state: 'loading' });
  // A new object for each watch (not just its time): a scan asked within the same millisecond
  // as the last watch began must still start watching again.
  const [watch, setWatch] = useState(() => ({ since: Date.now() }));
  const [librarySize, setLibrarySize] = useState<number | undefined>(undefined);
  const clickScanDone = useRef(false);
  const unreadable = unreadableReason(pageUrl);

  useEffect(() => {
    // The size only adds to a clean verdict: without it the verdict still stands.
    send('library/stats', {}).then(
      (stats) => setLibrarySize(stats.total),
      () => setLibrarySize(undefined),
    );
  }, [send]);
  const [stuck, setStuck] = useState(false);

  useEffect(() => {
    if (tabId === null) {
      setView({ state: 'failed', message: t('popupNoTab') });
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const result = await send('tab/result', { tabId });
        if (cancelled) return;
        if (result?.status === 'disabled' && result.why === 'click-to-scan' && !clickScanDone.current) {
          clickScanDone.current = true;
          void scan(false);
          return;
        }
        setView(result ? { state: 'result', result } : unreadable ? { state: 'unreadable', reason: unreadable } : { state: 'unchecked' });
        const waiting = result === null ? Date.now() - watch.since < pollMs * MISSING_RESULT_POLLS : result.status === 'checking';
        if (waiting && Date.now() - watch.since < GIVE_UP_MS) timer = setTimeout(load, pollMs);
        else setStuck(result?.status === 'checking');
      } catch (error) {
        if (!cancelled) setView({ state: 'failed', message: messageOf(error) });
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tabId, send, pollMs, watch]);

  async function scan(force: boolean) {
    if (tabId === null) return;
    if (unreadable) {
      setView({ state: 'unreadable', reason: unreadable });
      return;
    }
    setView({ state: 'loading' });
    try {
      await send('tab/scan', force ? { tabId, force } : { tabId });
      setStuck(false);
      setWatch({ since: Date.now() });
    } catch (error) {
      const reason = unreadableFromError(messageOf(error));
      setView(reason ? { state: 'unreadable', reason } : { state: 'failed', message: t('popupScanFailed', messageOf(error)) });
    }
  }

  const matchActions =
    tabId === null
      ? undefined
      : (result: Extract<TabResult, { status: 'done' }>): MatchActions => ({
          showOnPage: (match) => send('tab/highlight', { tabId, matchId: match.id }),
          makeEvidence: async (match) => {
            const libraryText = await send('library/source-text', { id: match.id });
            return buildEvidence(evidenceInputFrom(result, match, libraryText, { extension: extensionVersion, engineIndex: INDEX_VERSION }, Date.now()));
          },
          entryUrl,
        });

  const dataState = view.state === 'result' ? view.result.status : view.state;
  return (
    <main class="popup" data-state={dataState}>
      <PopupBody
        view={view}
        librarySize={librarySize}
        onScan={(force) => void scan(force)}
        stuck={stuck}
        onAdd={tabId === null ? undefined : () => send('tab/add-to-library', { tabId })}
        onGrowLibrary={onGrowLibrary}
        loadSourceText={(id) => send('library/source-text', { id })}
        matchActions={matchActions}
      />
      <footer class="popup__footer">
        <span class="muted">{t('popupLocalOnly')}</span>
        {onOpenOptions && (
          <button type="button" class="link-button" onClick={onOpenOptions}>
            {t('popupManageLibrary')}
          </button>
        )}
      </footer>
    </main>
  );
}
