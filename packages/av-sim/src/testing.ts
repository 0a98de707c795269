// Test fixture: a real market model, stepped (not running) so its state is fixed between a request and
// the assertions, and an av-sim in front of it, called over HTTP with axios like the ingestion does.
import axios, { type AxiosResponse } from 'axios';
import { createMarketModel, type SimMarketModel } from '@alphatrader/market-sim';
import { startAvSim, type AvSimHandle, type StartAvSimOptions } from './server';

export const TEST_SYMBOLS = ['SPY', 'QQQ', 'IWM', 'AAPL', 'MSFT', 'NVDA'] as const;

export interface SimFixture {
  model: SimMarketModel;
  sim: AvSimHandle;
  /** GET /query with these parameters (apikey defaults to 'test-key'). */
  query(params: Record<string, string>, headers?: Record<string, string>): Promise<AxiosResponse<unknown>>;
  stop(): Promise<void>;
}

export async function startSimFixture(
  options: Partial<StartAvSimOptions> = {},
  seed = 42,
): Promise<SimFixture> {
  const model = createMarketModel({ seed, symbols: TEST_SYMBOLS });
  model.step(20 * 60_000); // 09:50 ET: the session has bars and volume
  const sim = await startAvSim({ model, ...options });
  const http = axios.create({ baseURL: sim.url, validateStatus: () => true });
  return {
    model,
    sim,
    query: (params, headers = {}) =>
      http.get('/query', { params: { apikey: 'test-key', ...params }, headers }),
    stop: () => sim.stop(),
  };
}
