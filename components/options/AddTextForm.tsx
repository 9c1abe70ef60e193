/** Adds a pasted article: a title, a source label and the text. */
import { useState } from 'preact/hooks';

export interface AddTextFormProps {
  onAdd: (input: { title: string; source: string; text: string }) => Promise<void>;
}

export function AddTextForm({ onAdd }: AddTextFormProps) {
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const value = (event: Event) => (event.currentTarget as HTMLInputElement).value;
  const ready = title.trim() && source.trim() && text.trim() && !busy;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    try {
      await onAdd({ title: title.trim(), source: source.trim(), text: text.trim() });
      setTitle('');
      setText('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="add-text" onSubmit={(event) => void submit(event)}>
      <label>
        Title
        <input type="text" name="title" required value={title} onInput={(event) => setTitle(value(event))} />
      </label>
      <label>
        Source
        <input type="text" name="source" required placeholder="e.g. the site or paper" value={source} onInput={(event) => setSource(value(event))} />
      </label>
      <label class="wide">
        Text <span class="muted">(the article body without its headline; separate paragraphs by a blank line)</span>
        <textarea name="text" required rows={8} value={text} onInput={(event) => setText(value(event))} />
      </label>
      <button type="submit" class="primary" disabled={!ready}>
        {busy ? 'Adding…' : 'Add to the library'}
      </button>
    </form>
  );
}
