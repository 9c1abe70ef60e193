/**
 * Add a pack: from a file, or from an https address (access to that host asked for first, then
 * the size the server announces, confirmed, before anything is downloaded).
 */
import { useState } from 'preact/hooks';
import { packAddress } from '../../lib/extension/pack-download';
import { t } from '../../lib/i18n';

export interface PackAddFormProps {
  busy: boolean;
  onFile(file: File): void;
  /** Called in the click's gesture with the checked address. */
  onAddress(url: URL): void;
  onInvalid(message: string): void;
}

export function PackAddForm({ busy, onFile, onAddress, onInvalid }: PackAddFormProps) {
  const [address, setAddress] = useState('');
  return (
    <div class="packs-add">
      <label class="file-pick">
        <span>{t('packsAddFile')}</span>
        <input
          type="file"
          accept=".pack,application/octet-stream"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) onFile(file);
          }}
        />
      </label>
      <form
        class="packs-address"
        onSubmit={(event) => {
          event.preventDefault();
          try {
            onAddress(packAddress(address));
          } catch (error) {
            onInvalid((error as Error).message);
          }
        }}
      >
        <label for="pack-address">{t('packsAddAddress')}</label>
        <input id="pack-address" type="url" inputMode="url" placeholder="https://" value={address} disabled={busy} onInput={(event) => setAddress(event.currentTarget.value)} />
        <button type="submit" disabled={busy || address.trim() === ''}>
          {t('packsAddAddressButton')}
        </button>
      </form>
    </div>
  );
}
