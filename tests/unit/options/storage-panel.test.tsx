// @vitest-environment jsdom
/** The storage panel: what takes the space, on request, and reclaiming space from learned articles (deleting them, or dropping their texts). */
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { StorageUsage } from '../../../components/options/StorageUsage';
import type { StorageUse } from '../../../lib/library/storage-use';

const sent: Array<[string, unknown]> = [];
/** Answers of a test's own (the text drop's figures). */
let answers: (type: string) => unknown = () => undefined;
const USE: StorageUse = {
  bytes: { texts: 4_000_000, fingerprints: 1_000_000, search: 500_000, details: 2_500_000, other: 0 },
  textChars: 9_000_000,
  entries: 2_000,
};
vi.mock('../../../lib/messaging/client', () => ({
  sendMessage: async (type: string, payload: unknown) => {
    sent.push([type, payload]);
    if (type === 'library/storage-use') return USE;
    if (type === 'library/delete-learned-older') return { deleted: 3 };
    const answer = answers(type);
    if (answer) return answer;
    throw new Error(`unexpected ${type}`);
  },
}));

const settle = () => new Promise((done) => setTimeout(done, 0));
afterEach(() => {
  document.body.innerHTML = '';
  sent.length = 0;
  answers = () => undefined;
});

const stats = (learned: number) => ({ total: 10 + learned, byOrigin: { seed: 0, imported: 10, page: 0, pasted: 0, learned }, wordsPending: 0 });

test('lists each kind of data with its size and share once asked', async () => {
  const root = document.body.appendChild(document.createElement('div'));
  render(<StorageUsage stats={stats(0)} estimate={{ usage: 12_000_000 }} onLibraryChanged={() => undefined} />, root);
  expect(root.querySelector('.storage-kinds')).toBeNull();
  root.querySelector<HTMLButtonElement>('.storage-breakdown button')!.click();
  await settle();
  expect(sent).toEqual([['library/storage-use', {}]]);
  const lines = [...root.querySelectorAll('.storage-kinds li')].map((li) => li.textContent);
  expect(lines).toHaveLength(5);
  expect(lines[0]).toMatch(/^Article texts \(compressed\): 3\.8 MB \(50 %\)$/);
  expect(lines[2]).toMatch(/^Search index: .* \(6 %\)$/);
  // No learned articles: nothing to offer.
  expect(root.querySelector('.reclaim')).toBeNull();
});

/** The panel with 5 learned articles, and 30 typed in the age field `field`. */
async function panelWithDays(field: string) {
  const root = document.body.appendChild(document.createElement('div'));
  const changed = vi.fn();
  render(<StorageUsage stats={stats(5)} estimate={null} onLibraryChanged={changed} />, root);
  const days = root.querySelector<HTMLInputElement>(`input[name="${field}"]`)!;
  days.value = '30';
  days.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
  return { root, changed };
}

test('deletes the learned articles older than the chosen age and has the counts read again', async () => {
  const { root, changed } = await panelWithDays('reclaim-days');
  root.querySelector<HTMLButtonElement>('.reclaim button')!.click();
  await settle();
  expect(sent).toEqual([['library/delete-learned-older', { days: 30 }]]);
  expect(root.querySelector('.reclaim [role="status"]')!.textContent).toBe('Deleted 3 learned articles.');
  expect(changed).toHaveBeenCalledOnce();
});

test('an empty, non-numeric, zero, negative or huge number of days deletes nothing and says why', async () => {
  const root = document.body.appendChild(document.createElement('div'));
  const changed = vi.fn();
  render(<StorageUsage stats={stats(5)} estimate={null} onLibraryChanged={changed} />, root);
  const days = root.querySelector<HTMLInputElement>('input[name="reclaim-days"]')!;
  for (const typed of ['', 'abc', '0', '-1', '1e9', '2.5', '36501']) {
    days.value = typed;
    days.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    root.querySelector<HTMLButtonElement>('.reclaim button')!.click();
    await settle();
    expect(root.querySelector('.reclaim [role="status"]')!.textContent).toBe('Give a whole number of days from 1 to 36,500.');
  }
  expect(sent).toEqual([]);
  expect(changed).not.toHaveBeenCalled();
});

describe('dropping the texts of old learned articles', () => {
  const figures = { entries: 4, bytes: 3 * 1024 * 1024 };
  const answer = (type: string) => (type === 'library/learned-texts-older' || type === 'library/drop-learned-texts' ? figures : undefined);

  test('says how much it frees, asks in a modal dialog, then drops them and has the figures read again', async () => {
    answers = answer;
    const { root, changed } = await panelWithDays('drop-texts-days');
    root.querySelector<HTMLButtonElement>('.reclaim--texts button')!.click();
    await settle();
    expect(sent).toEqual([['library/learned-texts-older', { days: 30 }]]);
    const dialog = root.querySelector('dialog')!;
    expect(dialog.textContent).toContain('The texts of 4 learned articles added more than 30 days ago will be deleted, which frees about 3 MB.');

    // Cancel: nothing dropped.
    [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'Cancel')!.click();
    await settle();
    expect(root.querySelector('dialog')).toBeNull();
    expect(sent).toHaveLength(1);

    root.querySelector<HTMLButtonElement>('.reclaim--texts button')!.click();
    await settle();
    [...root.querySelectorAll<HTMLButtonElement>('dialog button')].find((button) => button.textContent === 'Drop the texts')!.click();
    await settle();
    expect(sent.slice(1)).toEqual([
      ['library/learned-texts-older', { days: 30 }],
      ['library/drop-learned-texts', { days: 30 }],
    ]);
    expect(root.querySelector('.reclaim--texts [role="status"]')!.textContent).toBe('Dropped the texts of 4 learned articles: about 3 MB freed.');
    expect(changed).toHaveBeenCalledOnce();
  });

  test('a drop cut short says so and has the figures read again (the batches done so far stay dropped)', async () => {
    answers = (type) => {
      if (type === 'library/learned-texts-older') return figures;
      if (type === 'library/drop-learned-texts') throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
      return undefined;
    };
    const { root, changed } = await panelWithDays('drop-texts-days');
    root.querySelector<HTMLButtonElement>('.reclaim--texts button')!.click();
    await settle();
    [...root.querySelectorAll<HTMLButtonElement>('dialog button')].find((button) => button.textContent === 'Drop the texts')!.click();
    await settle();
    expect(root.querySelector('.reclaim--texts [role="status"]')!.textContent).toBe(
      'The extension restarted before the drop ended. The texts dropped until then stay dropped; press the button again to drop the rest.',
    );
    expect(changed).toHaveBeenCalledOnce();
    expect(root.querySelector<HTMLButtonElement>('.reclaim--texts button')!.disabled).toBe(false);
  });

  test('refuses the same ages as the delete, and says when nothing that old has a text', async () => {
    answers = (type) => (type === 'library/learned-texts-older' ? { entries: 0, bytes: 0 } : undefined);
    const root = document.body.appendChild(document.createElement('div'));
    render(<StorageUsage stats={stats(5)} estimate={null} onLibraryChanged={() => undefined} />, root);
    const days = root.querySelector<HTMLInputElement>('input[name="drop-texts-days"]')!;
    const press = async (typed: string) => {
      days.value = typed;
      days.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      root.querySelector<HTMLButtonElement>('.reclaim--texts button')!.click();
      await settle();
      return root.querySelector('.reclaim--texts [role="status"]')!.textContent;
    };
    for (const typed of ['', 'abc', '0', '-1', '2.5', '36501']) expect(await press(typed)).toBe('Give a whole number of days from 1 to 36,500.');
    expect(sent).toEqual([]);
    expect(await press('7')).toBe('No learned article that old still has its text: nothing changed.');
    expect(root.querySelector('dialog')).toBeNull();
  });
});
