// IBKR ingestion process: config → logger → Redis → gateway and writer → graceful shutdown (runService).
import { runService } from '@alphatrader/shared';
import { SERVICE_NAME, startIbkrIngestion } from './service';

await runService({ name: SERVICE_NAME, version: '0.1.0', start: startIbkrIngestion });
