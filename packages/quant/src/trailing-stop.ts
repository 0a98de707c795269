// Trailing-stop ladder for option positions. All money is compared in integer cents and all ratios in
// integer basis points, so float noise cannot move a stop by a cent.
import { QuantInputError, requireFinite, requireNonNegative, requirePositive } from './errors';

export interface StopTier {
  /** Peak gain that activates the tier (1 = +100 %). */
  gain: number;
  /** Floor as a multiple of entry once active (1.5 = lock +50 %). */
  lockMultiple: number;
}

/** +100 % locks +50 %, +200 % locks +100 %, +300 % locks +200 %. */
export const DEFAULT_STOP_TIERS: readonly StopTier[] = [
  { gain: 1, lockMultiple: 1.5 },
  { gain: 2, lockMultiple: 2 },
  { gain: 3, lockMultiple: 3 },
];

export interface TrailingStopInput {
  /** Entry price E ($ per unit, e.g. option premium). */
  entry: number;
  /** Highest mark since entry HWM ($). */
  highWaterMark: number;
  /** Current stop ($); the stop never goes below it. */
  previousStop?: number | null;
  /** Trail below HWM as a fraction (default 0.15). */
  trail?: number;
  /** Profit-lock tiers (default DEFAULT_STOP_TIERS). */
  tiers?: readonly StopTier[];
  /** Peak gain from which the stop is at least the entry (default = trail). */
  breakevenTrigger?: number;
}

export interface TrailingStopResult {
  /** New stop in integer cents. */
  stopCents: number;
  /** The same in $ (stopCents / 100). */
  stop: number;
  /** Which floor sets the stop (ties: previous, then tier, breakeven, trail). */
  source: 'previous' | 'trail' | 'tier' | 'breakeven';
  /** True when the stop rose above previousStop. */
  moved: boolean;
  /** Peak gain g = HWM/E − 1. */
  peakGain: number;
  /** lockMultiple of the highest tier reached, null before the first. */
  tier: number | null;
  /** Breakeven floor active (g ≥ breakevenTrigger). */
  breakeven: boolean;
}

/**
 * Ratcheting stop: max(previous stop, HWM·(1 − trail), tier floor, breakeven floor) in integer cents, where
 * the tier floor is E·lockMultiple of the highest tier with g ≥ gain and the breakeven floor E applies once
 * g ≥ breakevenTrigger (so a position that has been green never turns into a loss). Prices are rounded to
 * cents and each candidate to the nearest cent (half up).
 * @throws QuantInputError on non-positive entry or HWM, trail outside [0, 1), a negative previous stop,
 * trigger or tier value.
 */
export function trailingStop(input: TrailingStopInput): TrailingStopResult {
  if (input === null || typeof input !== 'object')
    throw new QuantInputError('trailing-stop input is required');
  const entryC = toCents('entry', requirePositive('entry', input.entry));
  const hwmC = toCents('highWaterMark', requirePositive('highWaterMark', input.highWaterMark));
  if (entryC < 1) throw new QuantInputError(`entry must be at least one cent (got ${input.entry})`);
  const trail = requireFinite('trail', input.trail ?? 0.15);
  if (trail < 0 || trail >= 1) throw new QuantInputError(`trail must be in [0, 1) (got ${trail})`);
  const trailBp = Math.round(trail * 10_000);
  const beBp = Math.round(requireNonNegative('breakevenTrigger', input.breakevenTrigger ?? trail) * 10_000);
  const prev = input.previousStop;
  const prevC =
    prev === undefined || prev === null
      ? null
      : toCents('previousStop', requireNonNegative('previousStop', prev));

  const reached = (gainBp: number): boolean => hwmC * 10_000 >= entryC * (10_000 + gainBp);
  const trailC = roundDiv(hwmC * (10_000 - trailBp), 10_000);
  let tierC: number | null = null;
  let tier: number | null = null;
  for (const t of input.tiers ?? DEFAULT_STOP_TIERS) {
    const gainBp = Math.round(requireNonNegative('tier.gain', t.gain) * 10_000);
    const lockBp = Math.round(requirePositive('tier.lockMultiple', t.lockMultiple) * 10_000);
    if (!reached(gainBp)) continue;
    const c = roundDiv(entryC * lockBp, 10_000);
    if (tierC === null || c > tierC) {
      tierC = c;
      tier = t.lockMultiple;
    }
  }
  const breakeven = reached(beBp);
  const beC = breakeven ? entryC : null;

  let stopC = trailC;
  let source: TrailingStopResult['source'] = 'trail';
  if (beC !== null && beC >= stopC) {
    stopC = beC;
    source = 'breakeven';
  }
  if (tierC !== null && tierC >= stopC) {
    stopC = tierC;
    source = 'tier';
  }
  if (prevC !== null && prevC >= stopC) {
    stopC = prevC;
    source = 'previous';
  }
  return {
    stopCents: stopC,
    stop: stopC / 100,
    source,
    moved: prevC === null || stopC > prevC,
    peakGain: input.highWaterMark / input.entry - 1,
    tier,
    breakeven,
  };
}

/** True when the mark ($, rounded to cents) is at or below the stop (integer cents). */
export function isStopHit(mark: number, stopCents: number): boolean {
  requireNonNegative('mark', mark);
  requireFinite('stopCents', stopCents);
  return toCents('mark', mark) <= stopCents;
}

/** $ → integer cents, nearest cent (half up); the product is cleaned to 6 decimals first so 1.005 → 101. */
export function toCents(name: string, dollars: number): number {
  const c = Math.round(Number((dollars * 100).toFixed(6)));
  if (!Number.isSafeInteger(c)) throw new QuantInputError(`${name} is out of range (got ${dollars})`);
  return c;
}

/** Integer division rounded to nearest, half up (non-negative operands). */
function roundDiv(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}
