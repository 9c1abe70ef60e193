/**
 * Streaming operations on packs, each a k-way walk over id-sorted entry streams, so memory
 * holds one block per input whatever the pack sizes:
 * - merge: the union of packs; for an id in several, the entry of the LAST pack given wins.
 *   "Last wins" is associative, so merge(merge(a, b), c) = merge(a, merge(b, c)) = merge(a, b, c),
 *   and shards built separately then merged equal one build of their concatenated input.
 * - diff: the update turning pack `old` into pack `next` (entries put, ids removed).
 * - apply: old pack + update = the new pack; the result's CRC-32 must be the update's target
 *   (update.ts checks it). The old pack may come from anywhere entries can be read in id order:
 *   a pack file, or the extension's store (store-update.ts).
 */
import { ByteWriter, PackFormatError, PackMisfitError } from './bytes';
import type { PackEntry } from './entry';
import { writeEntry } from './record';
import type { PackRecord } from './reader';
import { DEFLATE_BACKLOG, type PackBodyWriter } from './writer';

/** What apply needs of a record: a put carries its entry (a pack file's records also carry their bytes). */
export type EntryRecord = { op: 'put'; entry: PackEntry } | { op: 'remove'; id: string };

/** A sorted stream of entries with one entry of look-ahead. */
class Cursor<R extends EntryRecord = PackRecord> {
  current: R | undefined;
  constructor(private readonly records: AsyncIterator<R>) {}
  async advance(): Promise<void> {
    const next = await this.records.next();
    this.current = next.done ? undefined : next.value;
  }
  get id(): string | undefined {
    const record = this.current;
    return record === undefined ? undefined : record.op === 'put' ? record.entry.id : record.id;
  }
}

async function cursors<R extends EntryRecord>(streams: readonly AsyncIterable<R>[]): Promise<Array<Cursor<R>>> {
  const out = streams.map((stream) => new Cursor<R>(stream[Symbol.asyncIterator]()));
  for (const cursor of out) await cursor.advance();
  return out;
}

function smallestId(all: readonly Cursor<EntryRecord>[]): string | undefined {
  let smallest: string | undefined;
  for (const cursor of all) {
    const id = cursor.id;
    if (id !== undefined && (smallest === undefined || id < smallest)) smallest = id;
  }
  return smallest;
}

/**
 * Writes the union of `packs` (id-sorted pack streams) to `out`; for a repeated id the last
 * pack's entry wins. `copyEncoded`: copy each winner's bytes as stored instead of encoding the
 * entry again, for packs this process wrote itself (a build's runs): a pack from elsewhere may
 * hold valid but unusual encodings (a varint with padding bytes) that encoding normalizes.
 */
export async function mergePacks(packs: readonly AsyncIterable<PackRecord>[], out: PackBodyWriter, copyEncoded = false): Promise<void> {
  const all = await cursors(packs);
  for (let id = smallestId(all); id !== undefined; id = smallestId(all)) {
    let winner: Extract<PackRecord, { op: 'put' }> | undefined;
    for (const cursor of all) {
      if (cursor.id !== id) continue;
      const record = cursor.current!;
      if (record.op !== 'put') throw new PackFormatError('a pack update cannot be merged as a pack: apply it to its pack first');
      winner = record;
      await cursor.advance();
    }
    if (copyEncoded) out.putEncoded(id, winner!.encoded);
    else out.put(winner!.entry);
    if (out.backlog > DEFLATE_BACKLOG) await out.settle(DEFLATE_BACKLOG);
  }
}

/** Entries are equal when they encode to the same bytes. */
export function sameEntry(a: PackEntry, b: PackEntry): boolean {
  const left = new ByteWriter();
  const right = new ByteWriter();
  writeEntry(left, a);
  writeEntry(right, b);
  const x = left.toBytes();
  const y = right.toBytes();
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/** Writes to `out` (an update body writer) what turns `old` into `next`. */
export async function diffPacks(old: AsyncIterable<PackRecord>, next: AsyncIterable<PackRecord>, out: PackBodyWriter): Promise<void> {
  const [before, after] = await cursors([old, next]);
  for (let id = smallestId([before, after]); id !== undefined; id = smallestId([before, after])) {
    const was = before.id === id ? entryOf(before.current!) : undefined;
    const now = after.id === id ? entryOf(after.current!) : undefined;
    if (was && !now) out.remove(id);
    else if (now && (!was || !sameEntry(was, now))) out.put(now);
    if (was) await before.advance();
    if (now) await after.advance();
  }
}

/** What an update changed: ids added, entries replaced, ids removed. */
export interface UpdateCounts {
  added: number;
  changed: number;
  removed: number;
}

/**
 * Streams `old` with `update` applied, in id order, to `put` (a pack body writer's `put`, or
 * the extension's store), awaiting each call. Removing an id `old` lacks is a PackFormatError
 * (the update was made for another pack). Resolves to the counts of what changed.
 */
export async function applyUpdate(old: AsyncIterable<EntryRecord>, update: AsyncIterable<EntryRecord>, put: (entry: PackEntry) => void | Promise<void>): Promise<UpdateCounts> {
  const [base, change] = await cursors<EntryRecord>([old, update]);
  const counts: UpdateCounts = { added: 0, changed: 0, removed: 0 };
  for (let id = smallestId([base, change]); id !== undefined; id = smallestId([base, change])) {
    const was = base.id === id ? entryOf(base.current!) : undefined;
    const record = change.id === id ? change.current : undefined;
    if (record?.op === 'put') {
      await put(record.entry);
      if (was) counts.changed++;
      else counts.added++;
    } else if (record?.op === 'remove') {
      if (!was) throw new PackMisfitError(`the update removes "${id.slice(0, 80)}", which the pack does not hold: it was made for another pack`);
      counts.removed++;
    } else if (was) await put(was);
    if (was) await base.advance();
    if (record) await change.advance();
  }
  return counts;
}

function entryOf(record: EntryRecord): PackEntry {
  if (record.op !== 'put') throw new PackFormatError('a pack holds no removals: this looks like an update given where a pack was expected');
  return record.entry;
}
