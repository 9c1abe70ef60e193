/** The options page: three tabs (library, add & import, settings), chosen by the address's #hash. */
import { useEffect, useState } from 'preact/hooks';
import { ImportView } from './ImportView';
import { LibraryView } from './LibraryView';
import { SettingsView } from './SettingsView';

export interface OptionsAppProps {
  /** The tab shown first when the address names none. */
  initialTab?: OptionsTab;
}

export type OptionsTab = 'library' | 'import' | 'settings';

const TABS: Array<{ tab: OptionsTab; label: string }> = [
  { tab: 'library', label: 'Library' },
  { tab: 'import', label: 'Add & import' },
  { tab: 'settings', label: 'Settings' },
];

/** `#library`, `#import`, `#settings`; `#library/entry=ID` opens an entry (the popup links to it). */
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
    return () => removeEventListener('hashchange', follow);
  }, [initialTab]);

  const changed = () => setLibraryVersion((n) => n + 1);

  return (
    <div class="app">
      <header class="top">
        <h1>Recycled News</h1>
        <nav class="tabs" role="tablist">
          {TABS.map(({ tab: name, label }) => (
            <a key={name} href={`#${name}`} role="tab" aria-selected={tab === name} class={tab === name ? 'active' : undefined}>
              {label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {tab === 'library' && <LibraryView key={libraryVersion} openEntryId={entryId} />}
        {tab === 'import' && <ImportView onChanged={changed} />}
        {tab === 'settings' && <SettingsView libraryVersion={libraryVersion} />}
      </main>
    </div>
  );
}
