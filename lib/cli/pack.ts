/** `npm run --silent pack -- build|merge|diff|apply|inspect ...`; the work is in pack-command.ts. */
import { runPack } from './pack-command';

process.exitCode = await runPack(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
