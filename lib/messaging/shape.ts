/**
 * Hand-written shape checks for message payloads. A check returns a fresh value holding only
 * the declared fields (so unexpected keys, `__proto__` included, never reach a handler) or
 * throws a ShapeError naming the offending field.
 */

export class ShapeError extends Error {
  constructor(path: string, expected: string) {
    super(`Invalid message: ${path || 'payload'} must be ${expected}.`);
    this.name = 'ShapeError';
  }
}

export type Check<T> = (value: unknown, path: string) => T;

export function string(maxLength: number): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') throw new ShapeError(path, 'a string');
    if (value.length > maxLength) throw new ShapeError(path, `at most ${maxLength} characters`);
    return value;
  };
}

export const integer: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ShapeError(path, 'an integer');
  return value;
};

export const boolean: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'true or false');
  return value;
};

export function oneOf<const T extends readonly string[]>(...allowed: T): Check<T[number]> {
  return (value, path) => {
    if (typeof value !== 'string' || !allowed.includes(value)) throw new ShapeError(path, `one of ${allowed.join(', ')}`);
    return value as T[number];
  };
}

/** Marks a field as optional: absent or undefined passes, anything else must pass `check`. */
export function optional<T>(check: Check<T>): Check<T | undefined> & { optional: true } {
  const wrapped = (value: unknown, path: string) => (value === undefined ? undefined : check(value, path));
  return Object.assign(wrapped, { optional: true as const });
}

type Fields = Record<string, Check<unknown>>;
type Optional<F extends Fields> = { [K in keyof F]: F[K] extends { optional: true } ? K : never }[keyof F];
type ObjectOf<F extends Fields> = { [K in Exclude<keyof F, Optional<F>>]: ReturnType<F[K]> } & {
  [K in Optional<F>]?: Exclude<ReturnType<F[K]>, undefined>;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function object<F extends Fields>(fields: F): Check<ObjectOf<F>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new ShapeError(path, 'an object');
    const result: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(fields)) {
      const own = Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
      const checked = check(own, path ? `${path}.${key}` : key);
      if (checked !== undefined) result[key] = checked;
    }
    return result as ObjectOf<F>;
  };
}
