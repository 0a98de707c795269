export { parseSimArgs, SimOptions } from './core/options';
export { startControlServer, type SimEndpoints } from './adapters/control-server';
