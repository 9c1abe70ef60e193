/**
 * The background's side of fingerprint packs: the installed packs as LivePacks (their list and
 * summaries, read when first needed after the worker starts and again when a page says the
 * packs changed; postings stay in IndexedDB), matching, and the pack messages of the protocol
 * (list, remove, update checks: pack-update.ts).
 */
import type { PageHandlers } from '../messaging/handlers';
import type { EntryLabels } from '../packs/match';
import { LivePacks, type InstalledPackMatch } from '../packs/live-packs';
import type { PackMessages, PackUpdateReport } from '../packs/messages';
import { dropLeftovers, listPacks, removePack } from '../packs/store';
import type { PacksDb } from '../packs/store-db';
import { checkPackUpdate } from './pack-update';

export interface PackService {
  /** Installed pack entries the page's text reuses, best first; `skip`: entries to leave out. */
  match(text: string, skip: (labels: EntryLabels) => boolean): Promise<InstalledPackMatch[]>;
  handlers: Pick<PageHandlers, keyof PackMessages>;
  /** Update checks of every pack added from an address (the schedule's and the user's). */
  checkUpdates(slot?: string): Promise<PackUpdateReport[]>;
}

export function createPackService(openDb: () => Promise<PacksDb>, fetchImpl: typeof fetch = (...args) => fetch(...args)): PackService {
  let live: Promise<LivePacks> | undefined;

  function index(): Promise<LivePacks> {
    live ??= (async () => {
      const db = await openDb();
      // An import a closed page or a stopped worker left half done is dropped here (never one still running).
      await dropLeftovers(db);
      return LivePacks.load(db);
    })().catch((error: unknown) => {
      live = undefined;
      throw error;
    });
    return live;
  }

  function reload(): Promise<LivePacks> {
    live = undefined;
    return index();
  }

  // Checks run one after the other (the schedule's and the user's may overlap): each reads the
  // installed packs when its turn comes, so a second one sees what the first installed instead
  // of taking the newer pack for an old copy (its diff refused, the whole pack downloaded again).
  let checks: Promise<unknown> = Promise.resolve();
  function checkUpdates(slot?: string): Promise<PackUpdateReport[]> {
    const turn = checks.then(() => checkUpdatesNow(slot));
    checks = turn.catch(() => undefined);
    return turn;
  }

  async function checkUpdatesNow(slot?: string): Promise<PackUpdateReport[]> {
    const db = await openDb();
    const packs = (await listPacks(db)).filter((pack) => slot === undefined || pack.slot === slot);
    const reports: PackUpdateReport[] = [];
    for (const pack of packs) reports.push(await checkPackUpdate(db, pack, fetchImpl));
    if (reports.some((report) => report.outcome === 'updated')) await reload();
    return reports;
  }

  return {
    async match(text, skip) {
      const packs = await index();
      return packs.size === 0 ? [] : packs.match(text, skip);
    },
    checkUpdates,
    handlers: {
      async 'packs/list'() {
        return listPacks(await openDb());
      },
      async 'packs/changed'() {
        return { entries: (await reload()).size };
      },
      async 'packs/remove'({ slot }) {
        const removed = await removePack(await openDb(), slot);
        await reload();
        return { removed };
      },
      async 'packs/check-updates'({ slot }) {
        return checkUpdates(slot);
      },
    },
  };
}
