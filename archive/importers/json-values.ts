import { JSONParser } from '@streamparser/json';

/** A value found at one of the paths asked for, with its key (a property name or an array index). */
export interface FoundValue {
  key: string | number | undefined;
  value: unknown;
  /** How deep it sits: 1 for a property of the root, 2 for an item of an array the root holds… */
  depth: number;
}

export class InvalidJsonError extends Error {}

/**
 * The values at `paths` (JSONPath as @streamparser/json reads it: `$.items.*` is each item of the
 * root's `items`) of a JSON document read chunk by chunk, each as soon as it is complete, so that a
 * document of gigabytes is never held: only the value being read is. Throws an `InvalidJsonError`
 * (saying where) when the text stops being JSON, after yielding every value before that point.
 */
export function* jsonValues(chunks: Iterable<string>, paths: string[]): Generator<FoundValue> {
  const parser = new JSONParser({ paths, keepStack: false });
  const found: FoundValue[] = [];
  let failure: Error | null = null;
  parser.onValue = ({ key, value, stack }) => found.push({ key, value, depth: stack.length });
  parser.onError = (error) => (failure ??= error);
  const drain = function* () {
    yield* found;
    found.length = 0;
    if (failure) throw new InvalidJsonError(failure.message, { cause: failure });
  };
  let first = true;
  for (const chunk of chunks) {
    // The byte order mark is no JSON; a decoder may have left it.
    parser.write(first ? chunk.replace(/^\uFEFF/, '') : chunk);
    first = false;
    yield* drain();
  }
  if (!parser.isEnded) parser.end();
  yield* drain();
}
