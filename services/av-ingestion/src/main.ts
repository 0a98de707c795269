// av-ingestion: Alpha Vantage options chains with Greeks, intraday bars, technicals, news sentiment and
// macro series into Redis, within the plan's rate limit shared by every process.
import { runService } from '@alphatrader/shared';
import { startIngestion } from './service';

await runService({ name: 'av-ingestion', version: '0.1.0', start: startIngestion });
