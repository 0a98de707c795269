// Waits until every named service has published a heartbeat; reports who is still missing.
import { moduleHeartbeat, type Store } from '@alphatrader/shared';

export async function waitForHeartbeats(
  store: Store,
  names: readonly string[],
  timeoutMs: number,
  progress: (missing: string[]) => void,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    const seen = await Promise.all(names.map((service) => store.get(moduleHeartbeat.at({ service }))));
    const missing = names.filter((_, i) => !seen[i]?.ok);
    if (missing.length === 0 || Date.now() > deadline) return missing;
    if (Date.now() - lastReport > 3000) {
      progress(missing);
      lastReport = Date.now();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
