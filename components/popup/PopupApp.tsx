/**
 * The popup: fetches the tab's result from the background (through the `send` client, which
 * tests replace), follows a check in progress, and renders the verdict and its matches.
 */
import { useEffect, useState } from 'preact/hooks';
import { INDEX_VERSION } from '../../lib/core/tuning';
import { buildEvidence } from '../../lib/evidence/build';
import { evidenceInputFrom } from '../../lib/evidence/from-result';
import type { sendMessage } from '../../lib/messaging/client';
import type { TabResult } from '../../lib/protocol';
import type { MatchActions } from './MatchCard';
import { PopupBody, type PopupView } from './PopupBody';

export interface PopupAppProps {
  /** The tab to show; null when it could not be determined. */
  tabId: number | null;
  send: typeof sendMessage;
  onOpenOptions?: () => void;
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

export function PopupApp({ tabId, send, onOpenOptions, pollMs = 400, extensionVersion = 'unknown', entryUrl }: PopupAppProps) {
  const [view, setView] = useState<PopupView>({ state: 'loading' });
  const [watchSince, setWatchSince] = useState(() => Date.now());

  useEffect(() => {
    if (tabId === null) {
      setView({ state: 'failed', message: 'There is no tab to check.' });
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const result = await send('tab/result', { tabId });
        if (cancelled) return;
        setView(result ? { state: 'result', result } : { state: 'unchecked' });
        const waiting = result === null ? Date.now() - watchSince < pollMs * MISSING_RESULT_POLLS : result.status === 'checking';
        if (waiting && Date.now() - watchSince < GIVE_UP_MS) timer = setTimeout(load, pollMs);
      } catch (error) {
        if (!cancelled) setView({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    };
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tabId, send, pollMs, watchSince]);

  async function scan() {
    if (tabId === null) return;
    setView({ state: 'loading' });
    try {
      await send('tab/scan', { tabId });
      setWatchSince(Date.now());
    } catch (error) {
      setView({ state: 'failed', message: `This page cannot be scanned: ${error instanceof Error ? error.message : String(error)}` });
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
        onScan={scan}
        onAdd={tabId === null ? undefined : () => send('tab/add-to-library', { tabId })}
        loadSourceText={(id) => send('library/source-text', { id })}
        matchActions={matchActions}
      />
      <footer class="popup__footer">
        <span class="muted">Checked on your device only.</span>
        {onOpenOptions && (
          <button type="button" class="link-button" onClick={onOpenOptions}>
            Manage library
          </button>
        )}
      </footer>
    </main>
  );
}
