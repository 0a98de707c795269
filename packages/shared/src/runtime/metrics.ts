// Prometheus metrics of one service: prom-client's process metrics plus the service's own counters,
// gauges and latency histograms, all in one registry served on /metrics.
import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

export interface ServiceMetrics {
  readonly registry: Registry;
  counter<L extends string = string>(cfg: Omit<CounterConfiguration<L>, 'registers'>): Counter<L>;
  gauge<L extends string = string>(cfg: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L>;
  /** Latency histograms default to seconds buckets from 0.5 ms to 10 s. */
  histogram<L extends string = string>(cfg: Omit<HistogramConfiguration<L>, 'registers'>): Histogram<L>;
}

export const LATENCY_BUCKETS_SECONDS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

export function createServiceMetrics(
  service: string,
  opts: { defaultMetrics?: boolean } = {},
): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  return {
    registry,
    counter: (cfg) => new Counter({ ...cfg, registers: [registry] }),
    gauge: (cfg) => new Gauge({ ...cfg, registers: [registry] }),
    histogram: (cfg) => new Histogram({ buckets: LATENCY_BUCKETS_SECONDS, ...cfg, registers: [registry] }),
  };
}
