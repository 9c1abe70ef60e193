/**
 * `npm run --silent scan -- [--library FILE.ndjson]... [--no-seed] [--json] INPUT...`
 * The contract is ../shared/docs/SCAN-CONTRACT.md; the work is in run-scan.ts.
 */
import { runScan } from './run-scan';

const exitCode = await runScan(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = exitCode;
