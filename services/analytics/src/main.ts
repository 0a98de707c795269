// Entry point of the analytics service: the runtime (config, logger, Redis, heartbeat, /healthz, signals)
// around the engine wiring in service.ts.
import { runService } from '@alphatrader/shared';
import { analyticsService } from './service';

await runService(analyticsService());
