// monitor: publishes system:health:main — who is alive, what is stale — every publishIntervalMs.
import { runService } from '@alphatrader/shared';
import { startMonitor } from './service';

await runService({ name: 'monitor', version: '0.1.0', start: (ctx) => startMonitor(ctx) });
