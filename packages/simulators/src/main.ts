// `pnpm sim`: the market model, the IB Gateway simulator and the Alpha Vantage simulator in one process,
// publishing the simulated clock to Redis (sim:clock) so that every service in simulated mode follows it.
import { createMarketModel } from '@alphatrader/market-sim';
import { startAvSim } from '@alphatrader/av-sim';
import { startTwsSim } from '@alphatrader/tws-sim';
import { childLogger, runService, simClock, tradedSymbols } from '@alphatrader/shared';
import { parseSimArgs } from './core/options';
import { startControlServer } from './adapters/control-server';

await runService({
  name: 'market-sim',
  async start(ctx) {
    const opts = parseSimArgs(process.argv.slice(2));
    const log = childLogger(ctx.logger, 'sim');
    const model = createMarketModel({
      seed: opts.seed,
      symbols: tradedSymbols(ctx.config),
      speed: opts.speed,
      scenario: opts.scenario,
      ...(opts.start !== undefined ? { startTime: Date.parse(opts.start) } : {}),
    });
    const tws = await startTwsSim({
      model,
      host: opts.host,
      port: opts.twsPort,
      controlPort: opts.twsControlPort,
      logger: childLogger(ctx.logger, 'tws-sim'),
    });
    const av = await startAvSim({
      model,
      host: opts.host,
      port: opts.avPort,
      callsPerMinute: opts.avCallsPerMinute,
    });
    const endpoints = { twsPort: tws.port, twsControlPort: tws.controlPort, avUrl: av.url };
    const control = await startControlServer(model, endpoints, opts.controlPort, opts.host);
    model.start();

    const publishClock = () =>
      ctx.store.set(simClock.at(), {
        simTime: Math.round(model.now()),
        wallTime: Date.now(),
        speed: model.speed(),
        scenario: model.scenario(),
        seed: model.seed,
      });
    await publishClock();
    ctx.every('sim-clock', 1000, publishClock);

    log.info(
      {
        ...endpoints,
        controlPort: control.port,
        seed: opts.seed,
        speed: opts.speed,
        scenario: opts.scenario,
      },
      'simulators ready',
    );
    return {
      async stop() {
        model.stop();
        await Promise.allSettled([tws.stop(), av.stop(), control.app.close()]);
      },
    };
  },
});
