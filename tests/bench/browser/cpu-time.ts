/**
 * Processor time of a harness's Chromium by process kind, read from /proc (Linux): user plus
 * system time of the browser process (where IndexedDB's backend and extension messaging's
 * routing run), the extension's renderer (service worker, options page, its workers) and the
 * rest (pages' renderers, GPU, utilities). Two readings around a step give what the step cost;
 * a process that ends between them loses its share.
 */
import { readFileSync } from 'node:fs';
import type { ExtensionHarness } from '../../e2e/harness';
import { harnessProcesses } from './footprint';

export interface ProcessorTime {
  /** Milliseconds of processor time. */
  browser: number;
  extension: number;
  other: number;
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Processor time used so far by each process of the harness's Chromium, by pid, in ms. */
export function processorTimes(harness: ExtensionHarness): Map<number, { kind: keyof ProcessorTime; ms: number }> {
  const out = new Map<number, { kind: keyof ProcessorTime; ms: number }>();
  for (const [n, { pid, cmdline }] of harnessProcesses(harness).entries()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name's last ')': state is the first; utime and stime the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
      out.set(pid, { kind: n === 0 ? 'browser' : cmdline.includes('--extension-process') ? 'extension' : 'other', ms });
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

/** What each kind of process used between two readings of processorTimes, in ms. */
export function processorTimeBetween(before: ReturnType<typeof processorTimes>, after: ReturnType<typeof processorTimes>): ProcessorTime {
  const spent: ProcessorTime = { browser: 0, extension: 0, other: 0 };
  for (const [pid, { kind, ms }] of after) spent[kind] += ms - (before.get(pid)?.ms ?? 0);
  return spent;
}
