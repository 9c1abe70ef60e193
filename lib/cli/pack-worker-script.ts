/**
 * The script of `pack build`'s worker threads. From built JavaScript it is pack-worker.js beside
 * this module. Run from the TypeScript sources (tsx, vitest), each worker would register tsx and
 * compile lib/core and lib/packs again on its own (about half a CPU-second per worker, more
 * than fingerprinting 1,500 articles); instead the worker is bundled once into plain
 * JavaScript with esbuild (the compiler tsx itself uses), which takes a tenth of that.
 */
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** URL of the worker script to start; `tempDir` receives the bundle when one is needed. */
export async function packWorkerScript(tempDir: string): Promise<URL> {
  const here = fileURLToPath(import.meta.url);
  const source = new URL(`./pack-worker${extname(here)}`, import.meta.url);
  if (!source.pathname.endsWith('.ts')) return source;
  const { build } = await import('esbuild');
  const outfile = `${tempDir}/pack-worker.mjs`;
  await build({ entryPoints: [fileURLToPath(source)], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
  return pathToFileURL(outfile);
}
