/** The library tab: browse, search, open, export and delete entries, one page at a time. */
import { useEffect, useState } from 'preact/hooks';
import type { RecentMatch } from '../../lib/library/db';
import { exportFileName, exportLibrary } from '../../lib/library/export-runner';
import type { ListCursor, ListPage, ListQuery } from '../../lib/library/listing';
import type { LibraryEntry } from '../../lib/library/types';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import { downloadText } from './download';
import { EntryDetails } from './EntryDetails';
import { EntryTable } from './EntryTable';
import { countInWords, formatCount, textDroppedSkipped } from './format';
import { LibraryFilters, type LibraryFilterValues } from './LibraryFilters';
import { Notice } from './Notice';
import { Pager } from './Pager';

export interface LibraryViewProps {
  /** Entries per page. */
  pageSize?: number;
  /** An entry to open at once (from the address, e.g. the popup's "Open in the library"). */
  openEntryId?: string;
}

type Loaded = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; page: ListPage; wordsPending: number };
type Opened = { entry: LibraryEntry; recent: RecentMatch[] };
type NoticeState = { message: string; tone?: 'info' | 'error'; undo?: LibraryEntry[] };

const INITIAL_FILTERS: LibraryFilterValues = { words: '', origin: '', source: '', dateFrom: '', dateTo: '', sort: 'date', descending: true };
/** Typing pauses this long before the list is asked again. */
const TYPING_PAUSE_MS = 250;

export function LibraryView({ pageSize = 50, openEntryId }: LibraryViewProps) {
  const [filters, setFilters] = useState(INITIAL_FILTERS);
  // The filters in force, and the cursor each page starts after ([undefined] for page 1, then
  // each page's `next`): one state, so new filters always start from page 1.
  const [{ query, starts }, setView] = useState<{ query: LibraryFilterValues; starts: Array<ListCursor | undefined> }>({
    query: INITIAL_FILTERS,
    starts: [undefined],
  });
  const setStarts = (update: (previous: Array<ListCursor | undefined>) => Array<ListCursor | undefined>) =>
    setView((view) => ({ ...view, starts: update(view.starts) }));
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [opened, setOpened] = useState<Opened | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    if (filters === query) return;
    const timer = setTimeout(() => setView({ query: filters, starts: [undefined] }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filters]);

  const after = starts[starts.length - 1];
  useEffect(() => {
    let current = true;
    setLoaded((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    // A word search also asks how many new entries are not searchable yet, to say so.
    const pending = query.words.trim() ? sendMessage('library/stats', {}).then((stats) => stats.wordsPending) : Promise.resolve(0);
    Promise.all([sendMessage('library/list', { query: toListQuery(query, pageSize, after) }), pending])
      .then(([page, wordsPending]) => current && setLoaded({ status: 'ready', page, wordsPending }))
      .catch((error: unknown) => current && setLoaded({ status: 'error', error: String((error as Error).message ?? error) }));
    return () => {
      current = false;
    };
  }, [query, after, reload, pageSize]);

  const refresh = () => setReload((n) => n + 1);

  const open = async (id: string) => {
    try {
      const [entry, recent] = await Promise.all([sendMessage('library/get', { id }), sendMessage('library/recent-matches', { id })]);
      if (entry) setOpened({ entry, recent });
      else setNotice({ message: t('libraryEntryGone'), tone: 'error' });
    } catch (error) {
      setNotice({ message: t('libraryOpenFailed', (error as Error).message), tone: 'error' });
    }
  };

  useEffect(() => {
    if (openEntryId) void open(openEntryId);
  }, [openEntryId]);

  const remove = async (ids: string[]) => {
    try {
      const entries = await sendMessage('library/entries', { ids });
      const { deleted } = await sendMessage('library/delete', { ids });
      setSelected(new Set());
      setOpened(null);
      setNotice({ message: countInWords(deleted, 'libraryDeletedOne', 'libraryDeleted'), undo: entries });
      refresh();
    } catch (error) {
      setNotice({ message: t('libraryDeleteFailed', (error as Error).message), tone: 'error' });
    }
  };

  const undo = async (entries: LibraryEntry[]) => {
    try {
      const { restored } = await sendMessage('library/restore', { entries });
      setNotice({ message: countInWords(restored, 'libraryRestoredOne', 'libraryRestored') });
      refresh();
    } catch (error) {
      setNotice({ message: t('libraryRestoreFailed', (error as Error).message), tone: 'error' });
    }
  };

  const exportSelection = async () => {
    try {
      downloadText(await exportLibrary(sendMessage, [...selected], (count) => setNotice({ message: textDroppedSkipped(count) })), exportFileName());
    } catch (error) {
      setNotice({ message: t('libraryExportFailed', (error as Error).message), tone: 'error' });
    }
  };

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = (select: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      for (const entry of loaded.status === 'ready' ? loaded.page.items : []) {
        if (select) next.add(entry.id);
        else next.delete(entry.id);
      }
      return next;
    });

  const noticeView = notice && (
    <Notice
      message={notice.message}
      tone={notice.tone}
      actionLabel={notice.undo ? t('libraryUndo') : undefined}
      onAction={notice.undo ? () => void undo(notice.undo!) : undefined}
      onDismiss={() => setNotice(null)}
    />
  );

  if (opened) {
    return (
      <>
        <EntryDetails
          entry={opened.entry}
          recentMatches={opened.recent}
          onClose={() => setOpened(null)}
          onDelete={() => void remove([opened.entry.id])}
        />
        {noticeView}
      </>
    );
  }

  return (
    <section aria-label={t('tabLibrary')}>
      <LibraryFilters values={filters} onChange={setFilters} />
      <div class="selection-bar" aria-live="polite">
        {selected.size > 0 ? (
          <>
            <span>{t('librarySelected', formatCount(selected.size))}</span>
            <button type="button" onClick={() => void exportSelection()}>
              {t('libraryExportSelected')}
            </button>
            <button type="button" class="danger" onClick={() => void remove([...selected])}>
              {t('libraryDeleteSelected')}
            </button>
            <button type="button" class="link" onClick={() => setSelected(new Set())}>
              {t('libraryClearSelection')}
            </button>
          </>
        ) : (
          <span class="muted">{t('librarySelectHint')}</span>
        )}
      </div>
      {loaded.status === 'loading' && <p class="state">{t('libraryLoading')}</p>}
      {loaded.status === 'error' && (
        <div class="state state-error" role="alert">
          <p>{t('libraryReadFailed', loaded.error)}</p>
          <button type="button" onClick={refresh}>
            {t('libraryTryAgain')}
          </button>
        </div>
      )}
      {loaded.status === 'ready' && loaded.wordsPending > 0 && (
        <p class="muted">{countInWords(loaded.wordsPending, 'libraryIndexingOne', 'libraryIndexing')}</p>
      )}
      {loaded.status === 'ready' && loaded.page.items.length === 0 && (
        <p class="state">{isFiltered(query) ? t('libraryNoMatch') : t('libraryEmpty')}</p>
      )}
      {loaded.status === 'ready' && loaded.page.items.length > 0 && (
        <>
          <EntryTable entries={loaded.page.items} selected={selected} onToggle={toggle} onToggleAll={toggleAll} onOpen={(id) => void open(id)} />
          <Pager
            first={(starts.length - 1) * pageSize}
            shown={loaded.page.items.length}
            total={loaded.page.total}
            hasPrevious={starts.length > 1}
            hasNext={loaded.page.next !== undefined}
            onPrevious={() => setStarts((previous) => previous.slice(0, -1))}
            onNext={() => loaded.page.next && setStarts((previous) => [...previous, loaded.page.next])}
          />
        </>
      )}
      {noticeView}
    </section>
  );
}

function isFiltered(values: LibraryFilterValues): boolean {
  return Boolean(values.words.trim() || values.origin || values.source.trim() || values.dateFrom || values.dateTo);
}

function toListQuery(values: LibraryFilterValues, limit: number, after: ListCursor | undefined): ListQuery {
  return {
    sort: values.sort,
    descending: values.descending,
    origin: values.origin || undefined,
    source: values.source.trim() || undefined,
    dateFrom: values.dateFrom || undefined,
    dateTo: values.dateTo || undefined,
    words: values.words.trim() || undefined,
    limit,
    after,
  };
}
