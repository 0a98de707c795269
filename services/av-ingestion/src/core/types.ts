// Value bundles the core builds and the writers store.
import type { GreeksByStrike, OptionChain, OptionsFlow, UnusualOptions } from '@alphatrader/shared';

/**
 * Everything stored for one symbol after a good chain. `chain`, `greeks` and `rawJson` pass their registry
 * schemas by construction (processChain) and are stored without a second parse; the small `unusual` and
 * `flow` go through the store's usual check.
 */
export interface ChainBundleValues {
  chain: OptionChain;
  greeks: GreeksByStrike;
  unusual: UnusualOptions;
  flow: OptionsFlow;
  /** raw:av:options (a RawAvOptions) as JSON text, the answer's body as received. */
  rawJson: string;
}
