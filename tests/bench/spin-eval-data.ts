/** Where ../shared/eval-data is: beside the checkout, or wherever EVAL_DATA points (a worktree elsewhere). */
import { resolve } from 'node:path';

export const EVAL_DATA = process.env.EVAL_DATA ?? resolve(import.meta.dirname, '../../../shared/eval-data');
