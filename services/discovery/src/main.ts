// Entry point of the discovery service: the runtime (config, logger, Redis, heartbeat, /healthz, signals)
// around the run loop in service.ts.
import { runService } from '@alphatrader/shared';
import { discoveryService } from './service';

await runService(discoveryService());
