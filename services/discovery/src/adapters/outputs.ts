// Publishes a discovery run: discovered:* hashes (fields of skipped symbols keep their last value), the
// correlation matrix, the run record, one events:discovery entry so analytics reloads without a restart,
// and the YAML file under the data directory (written to a temporary file and renamed, never half-written).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  discoveredCorrelation,
  discoveredLastRun,
  discoveredLookback,
  discoveredToxicity,
  discoveredVolRegimes,
  discoveredVpinBucket,
  eventsDiscovery,
  type DiscoveryRun,
  type Store,
} from '@alphatrader/shared';
import type { DiscoveryResult } from '../core/discover';

export async function publishRun(store: Store, r: DiscoveryResult, run: DiscoveryRun): Promise<void> {
  const b = store.batch();
  if (Object.keys(r.vpinBucket).length > 0) b.hsetMany(discoveredVpinBucket.at(), r.vpinBucket);
  if (Object.keys(r.lookback).length > 0) b.hsetMany(discoveredLookback.at(), r.lookback);
  if (Object.keys(r.volRegimes).length > 0) b.hsetMany(discoveredVolRegimes.at(), r.volRegimes);
  if (Object.keys(r.toxicity).length > 0) b.hsetMany(discoveredToxicity.at(), r.toxicity);
  if (r.correlation !== null) b.set(discoveredCorrelation.at(), r.correlation);
  const last = discoveredLastRun.at();
  b.set(last, run);
  b.xadd(eventsDiscovery.at(), { symbol: null, kind: 'params', key: last.key, ts: run.ts });
  await b.exec();
}

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}
