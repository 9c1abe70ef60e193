/**
 * The "Packs" tab: fingerprint packs (large libraries without the texts, from a newsroom or a
 * fact-checking desk). Add from a file or an https address, list, remove, check for updates on
 * request or on a schedule the user turns on. Nothing is downloaded unless the user asks.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { addPackAddress, addPackFile, askForHost } from '../../lib/extension/pack-add';
import { announcedSize } from '../../lib/extension/pack-download';
import { formatNumber, t } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import type { PackUpdateReport } from '../../lib/packs/messages';
import { PackImportError } from '../../lib/packs/store';
import type { InstalledPack } from '../../lib/packs/store-db';
import { packAutoUpdateSetting } from '../../lib/settings';
import { ConfirmDialog } from './ConfirmDialog';
import { formatBytes } from './format';
import { Notice } from './Notice';
import { PackAddForm } from './PackAddForm';
import { PackList } from './PackList';

interface Running {
  label: string;
  bytes: number;
  total?: number;
  controller: AbortController;
}

type Asking = { kind: 'download'; url: URL; size?: number } | { kind: 'remove'; pack: InstalledPack };

/** One pack's update report in words: a diff that could not be used first, then what the check did. */
function reportWords(report: PackUpdateReport): string {
  const outcome =
    report.outcome === 'failed'
      ? t('packsUpdateFailed', report.name, report.error ?? '')
      : report.outcome === 'updated' && report.diff
        ? t('packsUpdateFromDiff', report.name, formatNumber(report.diff.added), formatNumber(report.diff.changed), formatNumber(report.diff.removed))
        : t(report.outcome === 'updated' ? 'packsUpdateDone' : report.outcome === 'unchanged' ? 'packsUpdateUnchanged' : 'packsUpdateFromFile', report.name);
  return report.diffError === undefined ? outcome : `${t('packsUpdateDiffRejected', report.name, report.diffError)} ${outcome}`;
}

function updateWords(reports: PackUpdateReport[]): string {
  if (reports.length === 0) return t('packsUpdateNoneFromAddress');
  return reports.map(reportWords).join(' ');
}

export function PacksView() {
  const [packs, setPacks] = useState<InstalledPack[] | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [checking, setChecking] = useState(false);
  const [auto, setAuto] = useState(false);
  const [notice, setNotice] = useState<{ message: string; tone?: 'info' | 'error' } | null>(null);
  const mounted = useRef(true);

  const refresh = () =>
    sendMessage('packs/list', {}).then(
      (list) => mounted.current && setPacks(list),
      (error: unknown) => setNotice({ message: (error as Error).message, tone: 'error' }),
    );

  useEffect(() => {
    void refresh();
    void packAutoUpdateSetting.getValue().then((value) => setAuto(value === true));
    return () => {
      mounted.current = false;
    };
  }, []);

  async function run(label: string, total: number | undefined, work: (options: { signal: AbortSignal; onProgress: (bytes: number) => void }) => Promise<InstalledPack>) {
    const controller = new AbortController();
    setRunning({ label, bytes: 0, total, controller });
    try {
      const installed = await work({ signal: controller.signal, onProgress: (bytes) => setRunning((now) => now && { ...now, bytes }) });
      setNotice({ message: t('packsAdded', installed.name, formatNumber(installed.articles)) });
    } catch (error) {
      const cancelled = error instanceof PackImportError && error.cancelled;
      setNotice({ message: (error as Error).message, tone: cancelled ? "info" : "error" });
    } finally {
      setRunning(null);
      await refresh();
    }
  }

  const addFile = (file: File) => void run(file.name, file.size, (options) => addPackFile(file, options));

  const addAddress = (url: URL) => {
    // The permission request comes first, inside the click: browsers refuse it later.
    const granted = askForHost(url);
    void (async () => {
      try {
        if (!(await granted)) {
          setNotice({ message: t('packsPermissionRefused', url.hostname), tone: 'error' });
          return;
        }
        setAsking({ kind: 'download', url, size: await announcedSize(url) });
      } catch (error) {
        setNotice({ message: t('packsDownloadFailed', url.href, (error as Error).message), tone: 'error' });
      }
    })();
  };

  const remove = async (pack: InstalledPack) => {
    setAsking(null);
    try {
      await sendMessage('packs/remove', { slot: pack.slot });
      setNotice({ message: t('packsRemoved', pack.name) });
    } catch (error) {
      setNotice({ message: (error as Error).message, tone: 'error' });
    }
    await refresh();
  };

  const checkUpdates = async () => {
    setChecking(true);
    try {
      setNotice({ message: updateWords((await sendMessage('packs/check-updates', {})).filter((report) => report.outcome !== 'not-updatable')) });
    } catch (error) {
      setNotice({ message: (error as Error).message, tone: 'error' });
    } finally {
      setChecking(false);
      await refresh();
    }
  };

  const busy = running !== null || checking;
  return (
    <div class="import-view packs-view">
      <section class="card packs-section">
        <h2>{t('packsTitle')}</h2>
        <p>{t('packsExplain')}</p>
        <PackAddForm busy={busy} onFile={addFile} onAddress={addAddress} onInvalid={(message) => setNotice({ message, tone: 'error' })} />
        {running && (
          <div class="import-progress packs-progress" role="status">
            <span class="import-progress-label">
              {t('packsReading', running.label, formatBytes(running.bytes))}
              {running.total ? ` / ${formatBytes(running.total)}` : ''}
            </span>
            <progress max={running.total ?? undefined} value={running.total ? Math.min(running.bytes, running.total) : undefined} />
            <button type="button" onClick={() => running.controller.abort()}>
              {t('dialogCancel')}
            </button>
          </div>
        )}
      </section>
      <section class="card">
        <h2>{t('packsInstalledTitle')}</h2>
        {packs === null ? <p class="muted">{t('packsLoading')}</p> : <PackList packs={packs} busy={busy} onRemove={(pack) => setAsking({ kind: 'remove', pack })} />}
        <div class="actions">
          <button type="button" disabled={busy || !packs?.some((pack) => pack.origin.kind === 'url')} onClick={() => void checkUpdates()}>
            {checking ? t('packsChecking') : t('packsCheckUpdates')}
          </button>
        </div>
        <label class="choice">
          <input
            type="checkbox"
            checked={auto}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              setAuto(on);
              void packAutoUpdateSetting.setValue(on);
            }}
          />
          {t('packsAutoUpdate')}
        </label>
        <p class="muted">{t('packsPrivacy')}</p>
      </section>
      {asking?.kind === 'download' && (
        <ConfirmDialog
          title={t('packsDownloadTitle')}
          message={asking.size === undefined ? t('packsDownloadSizeUnknown', asking.url.href) : t('packsDownloadSize', asking.url.href, formatBytes(asking.size))}
          confirmLabel={t('packsDownloadConfirm')}
          onConfirm={() => {
            const { url, size } = asking;
            setAsking(null);
            void run(url.href, size, (options) => addPackAddress(url, options));
          }}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking?.kind === 'remove' && (
        <ConfirmDialog
          title={t('packsRemoveTitle')}
          message={t('packsRemoveMessage', asking.pack.name, formatNumber(asking.pack.articles))}
          confirmLabel={t('packsRemove')}
          onConfirm={() => void remove(asking.pack)}
          onCancel={() => setAsking(null)}
        />
      )}
      {notice && <Notice message={notice.message} tone={notice.tone} onDismiss={() => setNotice(null)} />}
    </div>
  );
}
