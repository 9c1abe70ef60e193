/**
 * The elements of a JSON array, streamed: each top-level element's source text is handed on
 * as soon as it is complete, so a JSON file larger than memory imports like an NDJSON one.
 * Only strings and brackets are tracked here (a flat loop, no recursion, so deep nesting
 * cannot overflow a stack); each element is then parsed and validated on its own.
 */

export class JsonArrayError extends Error {
  constructor(readonly line: number, reason: string) {
    super(reason);
    this.name = 'JsonArrayError';
  }
}

export interface JsonElement {
  text: string;
  /** 1-based line where the element starts. */
  line: number;
}

export async function* jsonArrayElements(chunks: AsyncIterable<string>, maxElementChars: number): AsyncGenerator<JsonElement> {
  let line = 1;
  // Widened on purpose: TypeScript cannot follow the assignments inside the loops.
  let state = 'before-array' as 'before-array' | 'before-element' | 'in-element' | 'after-element' | 'done';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 0;
  for await (const chunk of chunks) {
    let start = 0; // where the current element's text begins in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (state === 'in-element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
          else if (c === '\n') line++;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') {
          if (depth === 0) {
            // The array's own closing bracket right after a scalar element.
            yield { text: element + chunk.slice(start, i), line: elementLine };
            element = '';
            state = c === ']' ? 'done' : fail(line, 'unexpected "}"');
            continue;
          }
          depth--;
          if (depth === 0) {
            yield { text: element + chunk.slice(start, i + 1), line: elementLine };
            element = '';
            state = 'after-element';
          }
        } else if (c === ',' && depth === 0) {
          yield { text: element + chunk.slice(start, i), line: elementLine };
          element = '';
          state = 'before-element';
        } else if (c === '\n') line++;
        continue;
      }
      if (c === '\n') line++;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\uFEFF') continue;
      if (state === 'before-array') {
        if (c !== '[') fail(line, 'a JSON file must hold an array of articles: [{"id": "…", "text": "…"}, …]');
        state = 'before-element';
      } else if (state === 'before-element') {
        if (c === ']') state = 'done';
        else {
          state = 'in-element';
          elementLine = line;
          start = i;
          depth = 0;
          i--; // read this character again as part of the element
        }
      } else if (state === 'after-element') {
        if (c === ',') state = 'before-element';
        else if (c === ']') state = 'done';
        else fail(line, `expected "," or "]" between articles, found "${c}"`);
      } else {
        fail(line, 'unexpected text after the end of the array');
      }
    }
    if (state === 'in-element') {
      element += chunk.slice(start);
      if (element.length > maxElementChars) fail(elementLine, `article is too long (more than ${maxElementChars} characters)`);
    }
  }
  if (state !== 'done') fail(line, state === 'before-array' ? 'the file is empty' : 'the array is not closed (the file ends early)');
}

function fail(line: number, reason: string): never {
  throw new JsonArrayError(line, reason);
}
