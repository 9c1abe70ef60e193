/** Where the command-line tools read relative paths from. */
import { resolve } from 'node:path';

/**
 * The folder relative paths are read from: where the user ran the command. `npm run` starts
 * scripts in the package's folder and says where it was called from in INIT_CWD.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return env.INIT_CWD ? resolve(env.INIT_CWD) : cwd;
}

/** A file argument resolved from `baseDir` (see invocationDir); `-` stays standard input. */
export function inputPath(input: string, baseDir: string = invocationDir()): string {
  return input === '-' ? input : resolve(baseDir, input);
}
