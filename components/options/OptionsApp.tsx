/** The options page: four tabs (library, add & import, packs, settings), chosen by the address's #hash. */
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { LIBRARY_TOO_NEW } from '../../lib/library/messages';
import { sendMessage } from '../../lib/messaging/client';
import { ImportView } from './ImportView';
import { LibraryTooNew } from './LibraryTooNew';
import { LibraryView } from './LibraryView';
import { PacksView } from './PacksView';
import { SettingsView } from './SettingsView';

export interface OptionsAppProps {
  /** The tab shown first when the address names none. */
  initialTab?: OptionsTab;
}

export type OptionsTab = 'library' | 'import' | 'packs' | 'settings';

const TABS: Array<{ tab: OptionsTab; label: MessageKey }> = [
  { tab: 'library', label: 'tabLibrary' },
  { tab: 'import', label: 'tabImport' },
  { tab: 'packs', label: 'tabPacks' },
  { tab: 'settings', label: 'tabSettings' },
];

/** `#library`, `#import`, `#packs`, `#settings`; `#library/entry=ID` opens an entry (the popup links to it). */
function routeFromHash(fallback: OptionsTab): { tab: OptionsTab; entryId?: string } {
  const [name, detail = ''] = location.hash.slice(1).split(/\/(.*)/s);
  const tab = TABS.some((item) => item.tab === name) ? (name as OptionsTab) : fallback;
  const entry = tab === 'library' && detail.startsWith('entry=') ? detail.slice('entry='.length) : '';
  let entryId: string | undefined;
  try {
    entryId = entry ? decodeURIComponent(entry) : undefined;
  } catch {
    entryId = undefined;
  }
  return { tab, entryId };
}

export function OptionsApp({ initialTab = 'library' }: OptionsAppProps) {
  const [{ tab, entryId }, setRoute] = useState(() => routeFromHash(initialTab));
  // Bumped when a tab changes the library, so the others read it again when shown.
  const [libraryVersion, setLibraryVersion] = useState(0);

  useEffect(() => {
    const follow = () => setRoute(routeFromHash(initialTab));
    addEventListener('hashchange', follow);
    // Effects run after the first paint: an address changed between the first render and now
    // (a link followed, a test's navigation) sent its hashchange before anyone listened.
    follow();
    return () => removeEventListener('hashchange', follow);
  }, [initialTab]);

  const changed = () => setLibraryVersion((n) => n + 1);

  // A database left by a newer version opens nowhere: say so once, above everything else.
  const [tooNew, setTooNew] = useState(false);
  useEffect(() => {
    sendMessage('library/stats', {}).then(
      () => setTooNew(false),
      (error: unknown) => setTooNew((error as Error)?.message === LIBRARY_TOO_NEW),
    );
  }, [libraryVersion]);

  return (
    <div class="app">
      <header class="top">
        <h1>{t('extName')}</h1>
        <nav class="tabs" role="tablist">
          {TABS.map(({ tab: name, label }) => (
            <a key={name} href={`#${name}`} role="tab" aria-selected={tab === name} class={tab === name ? 'active' : undefined}>
              {t(label)}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {tooNew && <LibraryTooNew onRebuilt={changed} />}
        {tab === 'library' && <LibraryView key={libraryVersion} openEntryId={entryId} />}
        {tab === 'import' && <ImportView onChanged={changed} />}
        {tab === 'packs' && <PacksView />}
        {tab === 'settings' && <SettingsView libraryVersion={libraryVersion} />}
      </main>
    </div>
  );
}
