/** The project's engine behind the benchmark's matcher interface, through its public API only. */
import { Engine } from '../../lib/core/engine';
import type { SourceText } from '../../lib/core/types';
import type { BenchMatcher } from './quality-runner';

export function engineMatcher(): BenchMatcher {
  const engine = new Engine();
  const docs = new Map<string, SourceText>();
  return {
    name: 'engine',
    add(doc) {
      docs.set(doc.id, doc);
      engine.add(doc);
    },
    match: (query) => engine.match(query, (id) => docs.get(id)),
  };
}
