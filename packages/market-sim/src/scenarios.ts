// Scenario effects, recomputed each tick from the scenario, the time since it was selected and the
// session clock. Drifts are expressed in "daily sigmas per ms of the market": each symbol receives
// drift × its own daily sigma × its correlation to SPY, so a crash drops SPY ≈3σ, tech with it, and
// lifts VXX.
import type { ScenarioName } from './types';

const MIN = 60_000;
const SESSION_MS = 6.5 * 60 * MIN;

export interface ScenarioEffects {
  marketClosed: boolean;
  volMult: number;
  jumpMult: number;
  spreadMult: number;
  tradeRateMult: number;
  /** Probability that an arriving trade is a buy. */
  buyProb: number;
  /** Market drift in daily sigmas per ms (see header). */
  drift: number;
  /** Extra single-name weight of the drift (gamma squeeze hits single names harder than ETFs). */
  singleNameDriftBoost: number;
  /** Multipliers of new level sizes per side [bid, ask]. */
  depthBid: number;
  depthAsk: number;
  /** Implied vol level multiplier and term-structure slope (positive = contango). */
  ivMult: number;
  termSlope: number;
  /** Skew multiplier (negative flips to a call skew). */
  skewMult: number;
  /** Call volume/open-interest surge near the money. */
  callFlow: boolean;
}

export function neutralEffects(): ScenarioEffects {
  return {
    marketClosed: false,
    volMult: 1,
    jumpMult: 1,
    spreadMult: 1,
    tradeRateMult: 1,
    buyProb: 0.5,
    drift: 0,
    singleNameDriftBoost: 1,
    depthBid: 1,
    depthAsk: 1,
    ivMult: 1,
    termSlope: 0.04,
    skewMult: 1,
    callFlow: false,
  };
}

export interface ScenarioContext {
  now: number;
  /** When the scenario was selected. */
  since: number;
  /** Close of the current session. */
  sessionClose: number;
  /** +1 for a buy imbalance at the close, -1 for a sell imbalance. */
  imbalanceSide: 1 | -1;
}

/** Writes the effects of `name` at `ctx` into `out` (reused every tick to avoid allocation). */
export function scenarioEffects(
  name: ScenarioName,
  ctx: ScenarioContext,
  out: ScenarioEffects,
): ScenarioEffects {
  Object.assign(out, NEUTRAL);
  const elapsed = Math.max(0, ctx.now - ctx.since);
  switch (name) {
    case 'normal':
      break;
    case 'trend_up':
    case 'trend_down': {
      const up = name === 'trend_up';
      out.drift = ((up ? 1 : -1) * 2.2) / SESSION_MS;
      out.buyProb = up ? 0.54 : 0.46;
      out.ivMult = up ? 0.95 : 1.1;
      break;
    }
    case 'crash': {
      // About 3.2 daily sigmas down within five minutes, then an elevated, nervous market.
      const phase = elapsed < 5 * MIN;
      out.drift = phase ? -3.2 / (5 * MIN) : 0;
      out.volMult = phase ? 2.5 : 1.8;
      out.jumpMult = phase ? 6 : 3;
      out.spreadMult = phase ? 3 : 2;
      out.tradeRateMult = phase ? 3 : 2;
      out.buyProb = phase ? 0.3 : 0.47;
      out.ivMult = 1 + 0.9 * Math.min(1, elapsed / (5 * MIN));
      out.termSlope = -0.08;
      out.skewMult = 1.3;
      out.depthBid = phase ? 0.5 : 0.8;
      break;
    }
    case 'vol_spike':
      out.volMult = 2.2;
      out.jumpMult = 4;
      out.spreadMult = 2;
      out.tradeRateMult = 1.8;
      out.ivMult = 1 + 0.6 * Math.min(1, elapsed / (2 * MIN));
      out.termSlope = -0.06;
      break;
    case 'gamma_squeeze': {
      // Accelerating rally: the drift rate grows linearly for 30 minutes (2σ by then), then fades over
      // about ten minutes (≈ 3.3σ in all).
      const t = elapsed / MIN;
      const k = 4 / (30 * 30);
      const ratePerMin = t < 30 ? k * t : k * 30 * Math.exp(-(t - 30) / 10);
      out.drift = ratePerMin / MIN;
      out.singleNameDriftBoost = 1.4;
      out.volMult = 1.3;
      out.tradeRateMult = 1.8;
      out.buyProb = 0.62;
      out.ivMult = 1.15;
      out.skewMult = -0.3;
      out.callFlow = true;
      out.depthAsk = 0.6;
      break;
    }
    case 'moc_imbalance': {
      const from = ctx.sessionClose - 10 * MIN;
      if (ctx.now >= from) {
        const ramp = Math.min(1, (ctx.now - from) / (10 * MIN));
        const side = ctx.imbalanceSide;
        out.buyProb = 0.5 + side * 0.35;
        out.tradeRateMult = 1 + 4 * ramp;
        out.drift = (side * 1.2) / (10 * MIN);
        out.spreadMult = 1.5;
        out.depthBid = side > 0 ? 1.5 : 0.5;
        out.depthAsk = side > 0 ? 0.5 : 1.5;
      }
      break;
    }
    case 'closed':
      out.marketClosed = true;
      break;
  }
  return out;
}

const NEUTRAL = neutralEffects();
