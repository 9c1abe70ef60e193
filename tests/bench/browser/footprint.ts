/**
 * What the library costs the machine (issue 16): the extension origin's IndexedDB files in the
 * browser profile, `navigator.storage.estimate()` as the extension sees it, and the memory of
 * the extension's renderer process (the one Chromium marks `--extension-process`; with every
 * extension page closed it holds the service worker alone), read from /proc.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionHarness } from '../../e2e/harness';

/** Bytes of every file under `path` (apparent sizes). */
function treeBytes(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + treeBytes(join(path, name)), 0);
}

/** Directories of the profile that hold the extension origin's IndexedDB data (LevelDB and blob folders). */
function indexedDbDirs(dir: string, origin: string, depth = 0): string[] {
  if (depth > 4) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith(origin) && entry.name.includes('indexeddb')) found.push(path);
    else found.push(...indexedDbDirs(path, origin, depth + 1));
  }
  return found;
}

export interface DiskFigures {
  /** Bytes of the extension origin's IndexedDB folders in the profile. */
  indexedDbBytes: number;
  folders: string[];
  /** navigator.storage.estimate() in an extension page: usage, and its IndexedDB part when the browser says. */
  estimateBytes: number;
  estimateIndexedDbBytes?: number;
}

export async function diskFigures(harness: ExtensionHarness): Promise<DiskFigures> {
  const folders = indexedDbDirs(join(harness.userDataDir, 'Default'), `chrome-extension_${harness.extensionId}_`);
  if (folders.length === 0) throw new Error(`No IndexedDB folder of chrome-extension://${harness.extensionId} under ${harness.userDataDir}/Default.`);
  const page = await harness.context.newPage();
  try {
    await page.goto(`chrome-extension://${harness.extensionId}/welcome.html`);
    const estimate = await page.evaluate(async () => {
      const { usage, usageDetails } = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
      return { usage: usage ?? 0, indexedDb: usageDetails?.indexedDB };
    });
    return {
      indexedDbBytes: folders.reduce((sum, folder) => sum + treeBytes(folder), 0),
      folders,
      estimateBytes: estimate.usage,
      ...(estimate.indexedDb !== undefined ? { estimateIndexedDbBytes: estimate.indexedDb } : {}),
    };
  } finally {
    await page.close();
  }
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

function processes(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      // The command name in stat may hold spaces and parentheses: the fields after its last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended meanwhile.
    }
  }
  return out;
}

const statusKb = (pid: number, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

export interface ProcessMemory {
  pid: number;
  /** Resident set size, bytes. */
  rssBytes: number;
  /** Proportional set size (shared pages divided among their processes), bytes, when readable. */
  pssBytes?: number;
}

/** The processes of this harness's Chromium (started with its profile): the browser process
 *  first, then everything it started (zygotes, renderers, GPU, utilities), from /proc. */
export function harnessProcesses(harness: ExtensionHarness): ProcessInfo[] {
  const all = processes();
  const browser = all.find((p) => p.cmdline.includes(`--user-data-dir=${harness.userDataDir}`) && !p.cmdline.includes('--type='));
  if (!browser) throw new Error(`No Chromium process with the profile ${harness.userDataDir}.`);
  const ours = new Set([browser.pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const p of all) if (!ours.has(p.pid) && ours.has(p.ppid)) grown = Boolean(ours.add(p.pid));
  }
  return [browser, ...all.filter((p) => p !== browser && ours.has(p.pid))];
}

/** The memory of this harness's extension renderer process. */
export function extensionProcessMemory(harness: ExtensionHarness): ProcessMemory {
  const [browser, ...children] = harnessProcesses(harness);
  const extension = children.filter((p) => p.cmdline.includes('--extension-process'));
  if (extension.length !== 1) throw new Error(`Expected one extension process of Chromium ${browser.pid}, found ${extension.length}.`);
  const { pid } = extension[0];
  let pssBytes: number | undefined;
  try {
    const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    if (pss) pssBytes = Number(pss) * 1024;
  } catch {
    // smaps_rollup needs a newer kernel or more rights: RSS alone.
  }
  return { pid, rssBytes: statusKb(pid, 'VmRSS') * 1024, ...(pssBytes !== undefined ? { pssBytes } : {}) };
}
