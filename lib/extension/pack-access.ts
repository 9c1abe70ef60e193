/**
 * The packs database of this context, opened on first need (like library-access.ts). A failed
 * open, or a connection given up for another version's upgrade, is opened again on next use.
 */
import { openPacksDb, PACKS_DB_NAME, type PacksDb } from '../packs/store-db';

let opening: Promise<PacksDb> | undefined;

export function getPacksDb(): Promise<PacksDb> {
  opening ??= openPacksDb(PACKS_DB_NAME, () => (opening = undefined)).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
