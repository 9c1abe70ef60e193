/** Imports files (picker or drag-and-drop, several at once) with progress, cancel and a summary. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { IMPORT_FILE_ACCEPT } from '../../lib/library/import-file';
import { IMPORT_PORT } from '../../lib/library/import-watch';
import { importFiles, type FileOutcome, type ImportProgress } from '../../lib/library/import-runner';
import { startPreparePool } from '../../lib/library/prepare-pool';
import { t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportSummary } from './ImportSummary';

export interface ImportPanelProps {
  /** Called after an import changed the library. */
  onImported?: () => void;
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export function ImportPanel({ onImported }: ImportPanelProps) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[] | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const running = progress !== null;

  // Closing the page mid-import loses nothing (what the file wrote is deleted again), but the
  // user would lose the import itself: ask first.
  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [running]);

  const start = async (files: File[]) => {
    if (running || files.length === 0) return;
    abort.current = new AbortController();
    setOutcomes(null);
    setProgress({ fileIndex: 0, fileCount: files.length, file: files[0].name, bytesRead: 0, bytesTotal: files[0].size, articlesRead: 0, articlesProcessed: 0 });
    // While this page imports, a port ties its imports to it: if the page goes away, the
    // background deletes what they wrote at once.
    let port = browser.runtime.connect({ name: IMPORT_PORT });
    const pool = startPreparePool();
    try {
      const result = await importFiles(files, {
        send: sendMessage,
        parseHtml,
        prepare: (articles) => pool.prepare(articles),
        signal: abort.current.signal,
        onProgress: setProgress,
        onBegin: (importId) => {
          // A restarted background closed the old port: open a new one.
          try {
            port.postMessage({ importId });
          } catch {
            port = browser.runtime.connect({ name: IMPORT_PORT });
            port.postMessage({ importId });
          }
        },
      });
      setOutcomes(result);
      if (result.some((outcome) => outcome.added > 0)) onImported?.();
    } finally {
      pool.close();
      port.disconnect();
      setProgress(null);
      abort.current = null;
    }
  };

  const chosen = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    void start([...(input.files ?? [])]);
    input.value = '';
  };

  return (
    <div
      class={`drop-zone${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void start([...(event.dataTransfer?.files ?? [])]);
      }}
    >
      <p>
        {t('importDrop')}{' '}
        <label class="file-button">
          {t('importChoose')}
          <input type="file" multiple accept={IMPORT_FILE_ACCEPT} onChange={chosen} disabled={running} />
        </label>
      </p>
      <p class="muted">
        {t('importFormatsBefore')} <code>{'{"id", "title", "url", "publishedAt", "text"}'}</code> {t('importFormatsAfter')}
      </p>
      {progress && <ImportProgressBar progress={progress} onCancel={() => abort.current?.abort()} />}
      {outcomes && <ImportSummary outcomes={outcomes} onDismiss={() => setOutcomes(null)} />}
    </div>
  );
}
