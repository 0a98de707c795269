// Unusual volume from the 5-second bars: the volume of the last `windowSeconds` against a baseline for
// the same time of day. The baseline of each time-of-day slot (slotMinutes, New York time) is an EWMA of
// per-bar volume that rolls across sessions; until a slot has minSamples bars the session-wide EWMA
// stands in for it (named in the evidence), so a fresh process still has a reference.
import { etParts } from '@alphatrader/shared';

export interface UnusualVolumeSettings {
  windowSeconds: number;
  /** Alert when window volume ≥ ratio × baseline window volume. */
  ratio: number;
  slotMinutes: number;
  minSamples: number;
  minVolume: number;
}

export interface UnusualVolumeEvidence {
  volume: number;
  baselineVolume: number;
  ratio: number;
  windowSeconds: number;
  ts: number;
  baseline: 'time_of_day' | 'session';
  /** Start of the time-of-day slot (HH:MM New York). */
  slot: string;
  /** Bars behind the baseline value. */
  samples: number;
}

const BAR_SECONDS = 5;
/** EWMA weight of a new bar: a half-life of about 14 bars (70 s). */
const ALPHA = 0.05;

interface Ewma {
  value: number;
  samples: number;
}

function update(e: Ewma, x: number): void {
  e.value = e.samples === 0 ? x : e.value + ALPHA * (x - e.value);
  e.samples++;
}

export class UnusualVolumeDetector {
  private readonly bars: number[] = [];
  private readonly barsPerWindow: number;
  private readonly slots = new Map<number, Ewma>();
  private readonly session: Ewma = { value: 0, samples: 0 };

  constructor(private readonly settings: UnusualVolumeSettings) {
    this.barsPerWindow = Math.max(1, Math.round(settings.windowSeconds / BAR_SECONDS));
  }

  /** Feeds one completed bar (start time, volume); returns the evidence when its window is unusual. */
  onBar(ts: number, volume: number): UnusualVolumeEvidence | null {
    this.bars.push(volume);
    if (this.bars.length > this.barsPerWindow) this.bars.shift();
    const et = etParts(ts);
    const minuteOfDay = et.hour * 60 + et.minute;
    const slotIndex = Math.floor(minuteOfDay / this.settings.slotMinutes);
    let slot = this.slots.get(slotIndex);
    if (slot === undefined) {
      slot = { value: 0, samples: 0 };
      this.slots.set(slotIndex, slot);
    }

    let verdict: UnusualVolumeEvidence | null = null;
    const base = slot.samples >= this.settings.minSamples ? slot : this.session;
    if (
      this.bars.length === this.barsPerWindow &&
      base.samples >= this.settings.minSamples &&
      base.value > 0
    ) {
      let windowVolume = 0;
      for (const v of this.bars) windowVolume += v;
      const baselineVolume = base.value * this.barsPerWindow;
      const ratio = windowVolume / baselineVolume;
      if (ratio >= this.settings.ratio && windowVolume >= this.settings.minVolume) {
        const slotStart = slotIndex * this.settings.slotMinutes;
        verdict = {
          volume: windowVolume,
          baselineVolume,
          ratio,
          windowSeconds: this.barsPerWindow * BAR_SECONDS,
          ts: ts + BAR_SECONDS * 1000,
          baseline: base === slot ? 'time_of_day' : 'session',
          slot: `${String(Math.floor(slotStart / 60)).padStart(2, '0')}:${String(slotStart % 60).padStart(2, '0')}`,
          samples: base.samples,
        };
      }
    }
    // The bar joins the baselines after it was judged, so a spike does not hide itself.
    update(slot, volume);
    update(this.session, volume);
    return verdict;
  }
}
