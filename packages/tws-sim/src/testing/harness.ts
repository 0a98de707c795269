// Test support: a simulator on a stepped market model, and real @stoqey/ib clients that record every
// event and every error so a test can wait for what it expects and fail on anything unexpected.
import { createMarketModel, type SimMarketModel } from '@alphatrader/market-sim';
import { ConnectionState, EventName, IBApi, IBApiNext, type IBApiNextError } from '@stoqey/ib';
import { startTwsSim, type TwsSim, type TwsSimOptions, type TwsSimStats } from '../server';

/** Monday 2026-01-05, 09:35 ET: five minutes into a regular session. */
export const SESSION_START = Date.parse('2026-01-05T14:35:00Z');

export interface SimHarness {
  model: SimMarketModel;
  sim: TwsSim;
  /** Advances simulated time in `slices` steps, yielding to the event loop between them. */
  step(ms: number, slices?: number): Promise<void>;
  /** Waits until the server's statistics satisfy `test` (e.g. a subscription has arrived). */
  until(test: (stats: TwsSimStats) => boolean, what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(
  opts: Partial<Omit<TwsSimOptions, 'model'>> & { symbols?: string[]; seed?: number } = {},
): Promise<SimHarness> {
  const model = createMarketModel({
    seed: opts.seed ?? 11,
    symbols: opts.symbols ?? ['SPY', 'AAPL', 'MSFT'],
    startTime: SESSION_START,
  });
  const sim = await startTwsSim({ ...opts, model });
  return {
    model,
    sim,
    async step(ms: number, slices = 10): Promise<void> {
      for (let i = 0; i < slices; i++) {
        model.step(ms / slices);
        await new Promise((r) => setImmediate(r));
      }
    },
    async until(test: (stats: TwsSimStats) => boolean, what: string, timeoutMs = 5_000): Promise<void> {
      const end = Date.now() + timeoutMs;
      while (!test(sim.stats())) {
        if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    async stop(): Promise<void> {
      await sim.stop();
    },
  };
}

export interface RecordedError {
  code: number;
  reqId: number;
  message: string;
}

export interface Recorded {
  name: EventName;
  args: unknown[];
}

/** Waits until `test` holds, re-checking on every recorded event; rejects after `timeoutMs`. */
function waitUntil(
  subscribe: (fn: () => void) => () => void,
  test: () => boolean,
  what: string,
  timeoutMs: number,
): Promise<void> {
  if (test()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const off = subscribe(() => {
      if (test()) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

export class RecordingClient {
  readonly ib: IBApi;
  readonly events: Recorded[] = [];
  readonly errors: RecordedError[] = [];
  readonly infos: { code: number; message: string }[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(port: number) {
    this.ib = new IBApi({ host: '127.0.0.1', port, maxReqPerSec: 1000 });
    this.ib.on(EventName.all, (eventName: string, args: unknown[]) => {
      const name = eventName as EventName;
      if (name === EventName.error) {
        const [err, code, reqId] = args as [Error, number, number];
        this.errors.push({ code, reqId, message: err.message });
      } else if (name === EventName.info) {
        const [message, code] = args as [string, number];
        this.infos.push({ code, message });
      } else {
        this.events.push({ name, args });
      }
      for (const l of [...this.listeners]) l();
    });
    // Without an 'error' listener an EventEmitter throws; every error is recorded above.
    this.ib.on(EventName.error, () => undefined);
  }

  async connect(clientId: number, timeoutMs = 5_000): Promise<void> {
    const before = this.count(EventName.nextValidId);
    this.ib.connect(clientId);
    await this.waitFor(() => this.count(EventName.nextValidId) > before, 'nextValidId', timeoutMs);
  }

  disconnect(): void {
    this.ib.disconnect();
  }

  named(name: EventName): unknown[][] {
    return this.events.filter((e) => e.name === name).map((e) => e.args);
  }

  count(name: EventName): number {
    let n = 0;
    for (const e of this.events) if (e.name === name) n++;
    return n;
  }

  waitFor(test: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    return waitUntil(
      (fn) => {
        this.listeners.add(fn);
        return () => this.listeners.delete(fn);
      },
      test,
      what,
      timeoutMs,
    );
  }

  waitForEvent(
    name: string,
    pred: (args: unknown[]) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<unknown[]> {
    let found: unknown[] | undefined;
    return this.waitFor(
      () => {
        found = this.events.find((e) => String(e.name) === String(name) && pred(e.args))?.args;
        return found !== undefined;
      },
      name,
      timeoutMs,
    ).then(() => found!);
  }

  waitForError(code: number, reqId?: number, timeoutMs = 5_000): Promise<RecordedError> {
    const match = (): RecordedError | undefined =>
      this.errors.find((e) => e.code === code && (reqId === undefined || e.reqId === reqId));
    return this.waitFor(() => match() !== undefined, `error ${code}`, timeoutMs).then(() => match()!);
  }

  /** Errors other than the expected codes (a 505 decoding error is never expected). */
  unexpectedErrors(expected: readonly number[] = []): RecordedError[] {
    return this.errors.filter((e) => !expected.includes(e.code));
  }
}

export class RecordingNext {
  readonly api: IBApiNext;
  readonly errors: IBApiNextError[] = [];

  constructor(port: number) {
    this.api = new IBApiNext({
      host: '127.0.0.1',
      port,
      reconnectInterval: 0,
      connectionWatchdogInterval: 0,
      maxReqPerSec: 1000,
    });
    this.api.error.subscribe((e) => this.errors.push(e));
  }

  async connect(clientId: number, timeoutMs = 5_000): Promise<void> {
    this.api.connect(clientId);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('IBApiNext did not connect')), timeoutMs);
      const sub = this.api.connectionState.subscribe((state) => {
        if (state === ConnectionState.Connected) {
          clearTimeout(timer);
          queueMicrotask(() => sub.unsubscribe());
          resolve();
        }
      });
    });
  }

  disconnect(): void {
    this.api.disconnect();
  }
}
