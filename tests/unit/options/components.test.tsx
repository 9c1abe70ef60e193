// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { EntryDetails } from '../../../components/options/EntryDetails';
import { ImportSummary } from '../../../components/options/ImportSummary';

const container = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';

test('an entry’s title, text and matched pages are shown as text, never as HTML', () => {
  const root = container();
  render(
    <EntryDetails
      entry={{ id: 'x', title: hostile, source: hostile, addedAt: '2025-01-02T00:00:00Z', origin: 'imported', url: 'javascript:alert(1)', text: `${hostile}\n\nSecond paragraph.` }}
      recentMatches={[{ entryId: 'x', url: 'https://a.example/', title: hostile, at: Date.UTC(2025, 0, 3) }]}
      onClose={() => undefined}
      onDelete={() => undefined}
    />,
    root,
  );
  expect(root.querySelector('img, script')).toBeNull();
  expect(root.querySelector('h2')!.textContent).toBe(hostile);
  expect(root.querySelectorAll('.entry-text p')).toHaveLength(2);
  // A javascript: address from an import stays inert text: only http(s) addresses are links.
  expect(root.querySelector('a[href^="javascript"]')).toBeNull();
  expect(root.textContent).toContain('javascript:alert(1)');
  expect(root.querySelector('.recent-title')!.textContent).toBe(hostile);
});

test('the import summary totals the files and lists each rejected file’s reasons', () => {
  const root = container();
  render(
    <ImportSummary
      outcomes={[
        { file: 'a.ndjson', status: 'added', added: 12, duplicates: 3, problems: [], problemCount: 0 },
        { file: 'b.ndjson', status: 'rejected', added: 0, duplicates: 0, problems: ['b.ndjson:4: missing "id"'], problemCount: 25 },
      ]}
      onDismiss={() => undefined}
    />,
    root,
  );
  expect(root.querySelector('.import-totals')!.textContent).toBe('12 added · 3 duplicates skipped · 1 file not imported');
  const rejected = root.querySelector('.outcome-rejected')!.textContent!;
  expect(rejected).toContain('b.ndjson: rejected: nothing from this file was added');
  expect(rejected).toContain('b.ndjson:4: missing "id"');
  expect(rejected).toContain('…and 24 more');
});

test('the import summary writes one of a kind in the singular', () => {
  const root = container();
  render(<ImportSummary outcomes={[{ file: 'c.ndjson', status: 'added', added: 1, duplicates: 1, problems: [], problemCount: 0 }]} onDismiss={() => undefined} />, root);
  expect(root.querySelector('.import-totals')!.textContent).toBe('1 added · 1 duplicate skipped · 0 files not imported');
  expect(root.querySelector('.outcome-added')!.textContent).toBe('c.ndjson: imported (1 added, 1 duplicate skipped)');
});

test('an entry whose text was dropped says so, with the date, instead of an empty text', () => {
  const root = container();
  render(
    <EntryDetails
      entry={{ id: 'learned-1', title: 'Ferry resumes', source: 'harbour-desk.example', addedAt: '2025-01-02T00:00:00Z', origin: 'learned', text: '', textDroppedAt: '2026-11-30T10:00:00Z' }}
      recentMatches={[]}
      onClose={() => undefined}
      onDelete={() => undefined}
    />,
    root,
  );
  expect(root.querySelector('.entry-text')).toBeNull();
  const note = root.querySelector('.text-dropped')!.textContent!;
  expect(note).toMatch(/^The text was dropped on .*2026.* to save space\./);
  expect(note).toContain('a search of its words may no longer find it');
});
