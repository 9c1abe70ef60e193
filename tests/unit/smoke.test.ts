import { expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';

test('the seed corpus is in the project', () => {
  const files = readdirSync('public/corpus').filter((f) => f.endsWith('.txt'));
  expect(files).toHaveLength(5);
  expect(readFileSync(`public/corpus/${files[1]}`, 'utf8')).toContain('Vladimir Putin');
});
