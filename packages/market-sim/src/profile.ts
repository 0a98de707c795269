// Intraday U-shaped activity profile: heavy at the open, a midday lull, heavier into the close.
// `volumeShape(x)` has mean 1 over the session, x = fraction of the session elapsed in [0, 1].

function raw(x: number): number {
  return 0.55 + 2.4 * Math.exp(-x / 0.05) + 0.5 * Math.exp(-x / 0.25) + 1.5 * Math.exp(-(1 - x) / 0.04);
}

const GRID = 390;
const cumulative = new Float64Array(GRID + 1);
let rawMean = 0;
{
  let acc = 0;
  for (let i = 0; i < GRID; i++) {
    acc += raw((i + 0.5) / GRID);
    cumulative[i + 1] = acc;
  }
  rawMean = acc / GRID;
  for (let i = 0; i <= GRID; i++) cumulative[i] = (cumulative[i] ?? 0) / acc;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** Relative trading intensity at session fraction x (mean 1). */
export function volumeShape(x: number): number {
  return raw(clamp01(x)) / rawMean;
}

/** Relative volatility at session fraction x (square root of the volume shape, mean ≈ 1). */
export function volatilityShape(x: number): number {
  return Math.sqrt(volumeShape(x));
}

/** Fraction of the day's volume traded by session fraction x. */
export function cumulativeVolume(x: number): number {
  const p = clamp01(x) * GRID;
  const i = Math.floor(p);
  if (i >= GRID) return 1;
  const a = cumulative[i] ?? 0;
  const b = cumulative[i + 1] ?? 1;
  return a + (b - a) * (p - i);
}
