import { readFileSync } from 'node:fs';
import { launchExtension } from '../e2e/harness';
const harness = await launchExtension();
try {
  const options = await harness.openOptions();
  const out = await options.evaluate(`(${readFileSync('/tmp/is/exp2.js','utf8')})()`);
  console.log(out);
} finally { await harness.close(); }
