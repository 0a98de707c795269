// Sequential reader over the fields of one incoming message, with the client's encoding rules:
// undefined is sent as an empty field, booleans as 1/0, "unset" ints as 2147483647.
import type { ContractQuery } from '../contracts';
import { UNSET_INT } from './ids';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

export class FieldReader {
  private i: number;

  constructor(
    private readonly fields: readonly string[],
    start = 1,
  ) {
    this.i = start;
  }

  get remaining(): number {
    return this.fields.length - this.i;
  }

  str(): string {
    if (this.i >= this.fields.length) throw new DecodeError(`message ends before field ${this.i}`);
    return this.fields[this.i++]!;
  }

  /** Integer; empty → `empty`. */
  int(empty = 0): number {
    const s = this.str();
    if (s === '') return empty;
    const n = Number(s);
    if (!Number.isInteger(n)) throw new DecodeError(`field ${this.i - 1} is not an integer: "${s}"`);
    return n;
  }

  /** Integer or undefined for empty / unset. */
  intOpt(): number | undefined {
    const s = this.str();
    if (s === '') return undefined;
    const n = Number(s);
    if (!Number.isInteger(n)) throw new DecodeError(`field ${this.i - 1} is not an integer: "${s}"`);
    return n === UNSET_INT ? undefined : n;
  }

  /** Number or undefined for empty / unset / not a number. */
  numOpt(): number | undefined {
    const s = this.str();
    if (s === '') return undefined;
    const n = Number(s);
    if (!Number.isFinite(n) || n >= Number.MAX_VALUE) return undefined;
    return n;
  }

  /** Number field that must parse when present (quantities, prices); NaN when it does not. */
  numLoose(): number | undefined {
    const s = this.str();
    if (s === '') return undefined;
    return Number(s);
  }

  bool(): boolean {
    const s = this.str();
    return s !== '' && s !== '0' && s.toLowerCase() !== 'false';
  }

  skip(n: number): void {
    if (this.i + n > this.fields.length) throw new DecodeError(`message ends before field ${this.i + n - 1}`);
    this.i += n;
  }

  /** The 12-field contract block: conId, symbol, secType, expiry, strike, right, multiplier, exchange, primaryExch, currency, localSymbol, tradingClass. */
  contract(): ContractQuery {
    return {
      conId: this.int(),
      symbol: this.str(),
      secType: this.str(),
      lastTradeDateOrContractMonth: this.str(),
      strike: this.numOpt(),
      right: this.str(),
      multiplier: this.str(),
      exchange: this.str(),
      primaryExch: this.str(),
      currency: this.str(),
      localSymbol: this.str(),
      tradingClass: this.str(),
    };
  }
}
