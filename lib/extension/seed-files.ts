/**
 * The seed corpus (public/corpus/*.txt), bundled into the background at build time so the
 * library can be seeded on install without reading files at run time.
 */
import type { SeedFile } from '../library/seeding';

const bundled = import.meta.glob<string>('/public/corpus/*.txt', { query: '?raw', import: 'default', eager: true });

export const SEED_FILES: readonly SeedFile[] = Object.entries(bundled)
  .map(([path, content]) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), content }))
  .sort((a, b) => a.fileName.localeCompare(b.fileName));
