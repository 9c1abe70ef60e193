/**
 * Adds a pasted article: title, source, address and publication date (both optional), and the
 * text. Texts too short to be an article are refused with the reason; after an article is added
 * every field is emptied, so nothing of it (its source, say) sticks to the next one.
 */
import { useState } from 'preact/hooks';
import { MIN_FALLBACK_CHARS } from '../../lib/extract/tuning';
import { formatNumber, t } from '../../lib/i18n';

export interface PastedArticle {
  title: string;
  source: string;
  text: string;
  url?: string;
  /** ISO date (yyyy-mm-dd). */
  publishedAt?: string;
}

export interface AddTextFormProps {
  /** Resolves true when the article was added (the form then empties). */
  onAdd: (input: PastedArticle) => Promise<boolean>;
}

/** The same floor as a page's text when the article extractor finds nothing better. */
export const MIN_PASTED_CHARS = MIN_FALLBACK_CHARS;

const EMPTY = { title: '', source: '', url: '', publishedAt: '', text: '' };

export function AddTextForm({ onAdd }: AddTextFormProps) {
  const [fields, setFields] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (event: Event) => setFields({ ...fields, [key]: (event.currentTarget as HTMLInputElement).value });
  const ready = fields.title.trim() && fields.source.trim() && fields.text.trim() && !busy;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    const text = fields.text.trim();
    const url = fields.url.trim();
    if (text.length < MIN_PASTED_CHARS) {
      setRefusal(t('pasteTooShort', formatNumber(text.length), formatNumber(MIN_PASTED_CHARS)));
      return;
    }
    if (url && !/^https?:\/\/\S+$/i.test(url)) {
      setRefusal(t('pasteBadAddress'));
      return;
    }
    setRefusal(null);
    setBusy(true);
    try {
      const added = await onAdd({
        title: fields.title.trim(),
        source: fields.source.trim(),
        text,
        ...(url ? { url } : {}),
        ...(fields.publishedAt ? { publishedAt: fields.publishedAt } : {}),
      });
      if (added) setFields(EMPTY);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="add-text" onSubmit={(event) => void submit(event)}>
      <label>
        {t('columnTitle')}
        <input type="text" name="title" required value={fields.title} onInput={set('title')} />
      </label>
      <label>
        {t('columnSource')}
        <input type="text" name="source" required placeholder={t('pasteSourceHint')} value={fields.source} onInput={set('source')} />
      </label>
      <label>
        {t('pasteAddress')} <span class="muted">{t('pasteOptional')}</span>
        <input type="url" name="url" placeholder="https://…" value={fields.url} onInput={set('url')} />
      </label>
      <label>
        {t('pasteDate')} <span class="muted">{t('pasteOptional')}</span>
        <input type="date" name="publishedAt" value={fields.publishedAt} onInput={set('publishedAt')} />
      </label>
      <label class="wide">
        {t('pasteText')} <span class="muted">{t('pasteTextHelp')}</span>
        <textarea name="text" required rows={8} value={fields.text} onInput={set('text')} aria-describedby="paste-refusal" />
      </label>
      <p id="paste-refusal" class="wide form-error" role="alert">
        {refusal}
      </p>
      <button type="submit" class="primary" disabled={!ready}>
        {busy ? t('addAdding') : t('pasteSubmit')}
      </button>
    </form>
  );
}
