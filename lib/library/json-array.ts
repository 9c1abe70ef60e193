/**
 * The elements of a JSON array, streamed: each top-level element's source text is handed on
 * as soon as it is complete, so a JSON file larger than memory imports like an NDJSON one.
 * Only strings and brackets are tracked here (a flat loop, no recursion, so deep nesting
 * cannot overflow a stack); each element is then parsed and validated on its own.
 */

export class JsonArrayError extends Error {
  constructor(readonly line: number, readonly column: number, reason: string) {
    super(reason);
    this.name = 'JsonArrayError';
  }
}

export interface JsonElement {
  text: string;
  /** 1-based line where the element starts. */
  line: number;
  /** 1-based column (in UTF-16 code units) where the element starts on that line. */
  column: number;
  /** 1-based position of the element in the array: one-line arrays put every element on line 1. */
  element: number;
}

export async function* jsonArrayElements(chunks: AsyncIterable<string>, maxElementChars: number): AsyncGenerator<JsonElement> {
  let line = 1;
  let lineStart = 0; // offset (over all chunks) of the current line's first character
  let offset = 0; // offset of the current chunk's first character
  let count = 0;
  let afterComma = false;
  // Widened on purpose: TypeScript cannot follow the assignments inside the loops.
  let state = 'before-array' as 'before-array' | 'before-element' | 'in-element' | 'after-element' | 'done';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let elementLine = 0;
  let elementColumn = 0;
  const column = (i: number) => offset + i - lineStart + 1;
  const newline = (i: number) => {
    line++;
    lineStart = offset + i + 1;
  };
  const next = (text: string): JsonElement => ({ text, line: elementLine, column: elementColumn, element: ++count });
  for await (const chunk of chunks) {
    let start = 0; // where the current element's text begins in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (state === 'in-element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
          else if (c === '\n') newline(i);
          continue;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') {
          if (depth === 0) {
            // The array's own closing bracket right after a scalar element.
            yield next(element + chunk.slice(start, i));
            element = '';
            state = c === ']' ? 'done' : fail(line, column(i), 'unexpected "}"');
            continue;
          }
          depth--;
          if (depth === 0) {
            yield next(element + chunk.slice(start, i + 1));
            element = '';
            state = 'after-element';
          }
        } else if (c === ',' && depth === 0) {
          yield next(element + chunk.slice(start, i));
          element = '';
          state = 'before-element';
          afterComma = true;
        } else if (c === '\n') newline(i);
        continue;
      }
      if (c === '\n') newline(i);
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\uFEFF') continue;
      if (state === 'before-array') {
        if (c !== '[') fail(line, column(i), 'a JSON file must hold an array of articles: [{"id": "…", "text": "…"}, …]');
        state = 'before-element';
      } else if (state === 'before-element') {
        // JSON allows no comma before the closing bracket: "[{…},]" is refused, not guessed at.
        if (c === ']' && afterComma) fail(line, column(i), 'a comma before "]" (JSON allows no trailing comma)');
        if (c === ']') state = 'done';
        else {
          state = 'in-element';
          elementLine = line;
          elementColumn = column(i);
          start = i;
          depth = 0;
          i--; // read this character again as part of the element
        }
      } else if (state === 'after-element') {
        if (c === ',') {
          state = 'before-element';
          afterComma = true;
        } else if (c === ']') state = 'done';
        else fail(line, column(i), `expected "," or "]" between articles, found "${c}"`);
      } else {
        fail(line, column(i), 'unexpected text after the end of the array');
      }
    }
    if (state === 'in-element') {
      element += chunk.slice(start);
      if (element.length > maxElementChars) fail(elementLine, elementColumn, `article is too long (more than ${maxElementChars} characters)`);
    }
    offset += chunk.length;
  }
  if (state !== 'done') fail(line, 0, state === 'before-array' ? 'the file is empty' : 'the array is not closed (the file ends early)');
}

function fail(line: number, column: number, reason: string): never {
  throw new JsonArrayError(line, column, reason);
}
