// Reads the parameters discovery published (discovered:vpin_bucket, discovered:lookback) for every symbol.
import { discoveredLookback, discoveredVpinBucket, type Store } from '@alphatrader/shared';
import { discoveredParams } from '../core/engine';
import type { SymbolParams } from '../core/types';

/** Null when Redis could not be read (keep the parameters in use). */
export async function loadParams(
  store: Store,
  symbols: readonly string[],
): Promise<Map<string, SymbolParams> | null> {
  const [buckets, lookbacks] = await Promise.all([
    store.hgetall(discoveredVpinBucket.at()),
    store.hgetall(discoveredLookback.at()),
  ]);
  if (!buckets.ok || !lookbacks.ok) return null;
  return discoveredParams(symbols, buckets.value.values, lookbacks.value.values);
}
