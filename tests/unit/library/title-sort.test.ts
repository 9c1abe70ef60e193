/** Sorting by title is alphabetical without case or accents, and a library of version 1 gets the new keys. */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openLibraryDb } from '../../../lib/library/db';
import { sortKey } from '../../../lib/library/records';
import { article, freshDbName, openService } from './helpers';

describe('sorting by title', () => {
  it('puts accented and capitalised titles among their letters', async () => {
    const { service } = await openService([]);
    for (const [n, title] of ['Zèbre', 'émile à la plage', 'Eagle', 'Ångström units', 'apple', 'Fjord'].entries()) {
      await service.add({ title, text: article(n), source: 'Desk', origin: 'pasted' });
    }
    const { items } = await service.list({ sort: 'title', limit: 50 });
    expect(items.map((item) => item.title)).toEqual(['Ångström units', 'apple', 'Eagle', 'émile à la plage', 'Fjord', 'Zèbre']);
  });

  it('recomputes the sort keys of a library saved by version 1 (keys with accents)', async () => {
    const name = freshDbName();
    const old = await openDB(name, 1, {
      upgrade(db) {
        const entries = db.createObjectStore('entries', { keyPath: 'id' });
        entries.put({ id: 'a', title: 'Émile', source: 'Le Télégramme', titleKey: 'émile', sourceKey: 'le télégramme' });
      },
    });
    old.close();
    const db = await openLibraryDb(name);
    const record = await db.get('entries', 'a');
    expect(record).toMatchObject({ titleKey: sortKey('Émile'), sourceKey: sortKey('Le Télégramme') });
    expect(record?.titleKey).toBe('emile');
    db.close();
  });
});
