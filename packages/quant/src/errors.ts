// Input validation shared by every quant function. Invalid input raises QuantInputError (a typed error the
// services can catch and count) so that NaN or Infinity never leaks into an output.

/** Thrown when a quant function receives input it cannot give a meaningful answer for. */
export class QuantInputError extends Error {
  override readonly name = 'QuantInputError';
}

export function requireFinite(name: string, v: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new QuantInputError(`${name} must be a finite number (got ${String(v)})`);
  }
  return v;
}

export function requirePositive(name: string, v: number): number {
  requireFinite(name, v);
  if (!(v > 0)) throw new QuantInputError(`${name} must be positive (got ${v})`);
  return v;
}

export function requireNonNegative(name: string, v: number): number {
  requireFinite(name, v);
  if (v < 0) throw new QuantInputError(`${name} must not be negative (got ${v})`);
  return v;
}

export function requireInteger(name: string, v: number, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new QuantInputError(`${name} must be an integer >= ${min} (got ${String(v)})`);
  }
  return v;
}

export function requireProbability(name: string, v: number, { open = false } = {}): number {
  requireFinite(name, v);
  const ok = open ? v > 0 && v < 1 : v >= 0 && v <= 1;
  if (!ok) throw new QuantInputError(`${name} must be in ${open ? '(0, 1)' : '[0, 1]'} (got ${v})`);
  return v;
}

/** Every element finite; at least `min` elements. */
export function requireFiniteSeries(name: string, values: readonly number[], min = 1): readonly number[] {
  requireArray(name, values);
  if (values.length < min) {
    throw new QuantInputError(`${name} needs at least ${min} value(s) (got ${values.length})`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new QuantInputError(`${name}[${i}] must be a finite number (got ${String(v)})`);
    }
  }
  return values;
}

/** Throws unless `v` is an array (no type narrowing, which would widen readonly element types to any). */
export function requireArray(name: string, v: unknown): void {
  if (!Array.isArray(v)) throw new QuantInputError(`${name} must be an array`);
}

/** True for a number that is neither NaN nor ±Infinity (cheap enough for per-contract hot loops). */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && v - v === 0;
}

/** Error for element `i` of an input array; the message is only built when something is wrong. */
export function fieldError(
  array: string,
  i: number,
  field: string,
  v: unknown,
  expected: string,
): QuantInputError {
  return new QuantInputError(`${array}[${i}].${field} must be ${expected} (got ${String(v)})`);
}

/** Throws unless contracts[i] is an object whose right is 'C' or 'P'. */
export function requireOptionRight<T extends { right: unknown }>(
  c: T | null | undefined,
  i: number,
): asserts c is T {
  if (c === null || typeof c !== 'object') throw new QuantInputError(`contracts[${i}] must be an object`);
  if (c.right !== 'C' && c.right !== 'P') throw fieldError('contracts', i, 'right', c.right, "'C' or 'P'");
}

/** Throws unless the open interest of contracts[i] is a finite number ≥ 0. */
export function requireOpenInterest(openInterest: unknown, i: number): void {
  if (!(isFiniteNumber(openInterest) && openInterest >= 0)) {
    throw fieldError('contracts', i, 'openInterest', openInterest, 'a finite number >= 0');
  }
}

/** Throws unless contracts[i] is an option line: right 'C'/'P', positive strike, open interest ≥ 0. */
export function requireOptionLine<T extends { strike: unknown; right: unknown; openInterest: unknown }>(
  c: T | null | undefined,
  i: number,
): asserts c is T {
  requireOptionRight(c, i);
  if (!(isFiniteNumber(c.strike) && c.strike > 0))
    throw fieldError('contracts', i, 'strike', c.strike, 'positive');
  requireOpenInterest(c.openInterest, i);
}
