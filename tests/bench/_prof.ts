import { launchExtension } from '../e2e/harness';
import { generatedFile, importFile } from '../e2e/library-scale';
const harness = await launchExtension();
try {
  const options = await harness.openOptions();
  options.on('console', (m) => m.text().startsWith('TIMING') && console.log('page', m.text()));
  const sw = await harness.serviceWorker();
  sw.on('console', (m) => m.text().startsWith('TIMING') && console.log('sw', m.text()));
  const path = generatedFile(5000);
  const t = Date.now();
  const f = await importFile(options, path);
  console.log(f, Date.now() - t);
} finally { await harness.close(); }
