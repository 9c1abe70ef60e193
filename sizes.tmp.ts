import { JSDOM, VirtualConsole } from 'jsdom';
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { pageSize } from './lib/extract/page-size';
const files = execSync('find /work/shared/eval-data -name "*.html"').toString().trim().split('\n');
let max = { textChars: 0, textNodes: 0, elements: 0 };
for (const file of files) {
  const doc = new JSDOM(readFileSync(file, 'utf8'), { virtualConsole: new VirtualConsole() }).window.document;
  const s = pageSize(doc);
  max = { textChars: Math.max(max.textChars, s.textChars), textNodes: Math.max(max.textNodes, s.textNodes), elements: Math.max(max.elements, s.elements) };
}
console.log(files.length, max);
