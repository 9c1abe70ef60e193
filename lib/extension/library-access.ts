/**
 * The background's one LibraryService, opened (and seeded) on first need. A failed open is
 * forgotten so the next message tries again instead of failing forever.
 */
import { openLibraryDb } from '../library/db';
import { LibraryService } from '../library/service';
import { SEED_FILES } from './seed-files';

let opening: Promise<LibraryService> | undefined;

export function getLibrary(): Promise<LibraryService> {
  // A connection given up for another version's upgrade is opened again on next use.
  opening ??= openLibraryDb(undefined, () => (opening = undefined))
    .then((db) => LibraryService.open(db, SEED_FILES))
    .catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
  return opening;
}
