#!/usr/bin/env node
/**
 * Lints the Firefox build the way addons.mozilla.org does (web-ext lint, without
 * --self-hosted) and fails on any error or notice, and on any warning except innerHTML
 * assignments inside the bundled Readability and Preact code (we cannot change theirs; our own
 * code never writes HTML). Each allowed warning is checked at its line and column, so a new
 * innerHTML of ours fails even in a chunk that also holds Readability.
 *
 *   node .ci/lint-firefox.mjs [.output/firefox-mv2]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const sourceDir = process.argv[2] ?? '.output/firefox-mv2';
/** Words found around each innerHTML of the bundled libraries (minifiers keep property names). */
const VENDOR_MARKERS = [
  ['Readability', /_grabArticle|_allowedVideoRegex|_serializer|_isSingleImage|_articleTitle|_postProcessContent|Article content/],
  ['Preact', /__html/],
];
const AROUND = 200;

const run = spawnSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`web-ext lint gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

function vendorOf(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/innerHTML/.test(message.message) || !message.file) return null;
  const lines = readFileSync(join(sourceDir, message.file), 'utf8').split('\n');
  const line = lines[(message.line ?? 1) - 1] ?? '';
  const column = message.column ?? 0;
  const around = line.slice(Math.max(0, column - AROUND), column + AROUND);
  return VENDOR_MARKERS.find(([, marker]) => marker.test(around))?.[0] ?? null;
}

const problems = [...report.errors, ...report.notices];
const vendorCounts = new Map();
for (const warning of report.warnings) {
  const vendor = vendorOf(warning);
  if (vendor) vendorCounts.set(vendor, (vendorCounts.get(vendor) ?? 0) + 1);
  else problems.push(warning);
}
for (const problem of problems) {
  const where = problem.file ? ` (${problem.file}${problem.line ? `:${problem.line}:${problem.column ?? 0}` : ''})` : '';
  console.error(`${problem._type} ${problem.code}${where}: ${problem.message}\n  ${problem.description ?? ''}`);
}
const vendorText = [...vendorCounts].map(([vendor, count]) => `${count} in ${vendor}`).join(', ') || 'none';
console.log(
  `web-ext lint ${sourceDir}: ${report.summary.errors} errors, ${report.summary.notices} notices, ` +
    `${report.summary.warnings} warnings (innerHTML in bundled libraries: ${vendorText}; others: ${problems.length - report.errors.length - report.notices.length}).`,
);
process.exit(problems.length > 0 ? 1 : 0);
