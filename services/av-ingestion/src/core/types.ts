// Value bundles the core builds and the writers store.
import type {
  GreeksByStrike,
  OptionChain,
  OptionsFlow,
  RawAvOptions,
  UnusualOptions,
} from '@alphatrader/shared';

/** Everything stored for one symbol after a good chain. */
export interface ChainBundleValues {
  chain: OptionChain;
  greeks: GreeksByStrike;
  unusual: UnusualOptions;
  flow: OptionsFlow;
  raw: RawAvOptions;
}
