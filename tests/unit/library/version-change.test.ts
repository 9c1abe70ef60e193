/** An open library gives way to another version's upgrade instead of blocking it, and says so. */
import { openDB } from 'idb';
import { expect, it, vi } from 'vitest';
import { LIBRARY_DB_VERSION, openLibraryDb } from '../../../lib/library/db';
import { freshDbName } from './helpers';

it('closes its connection when a newer version upgrades the database, and tells its owner', async () => {
  const name = freshDbName();
  const released = vi.fn();
  await openLibraryDb(name, released);
  const blocked = vi.fn();
  const newer = await openDB(name, LIBRARY_DB_VERSION + 1, { blocked });
  expect(blocked).not.toHaveBeenCalled();
  expect(released).toHaveBeenCalledTimes(1);
  expect(newer.version).toBe(LIBRARY_DB_VERSION + 1);
  newer.close();
});
