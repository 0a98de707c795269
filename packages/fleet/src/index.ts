export { readStatus, type StatusReadOptions } from './adapters/status-reader';
export {
  renderStatus,
  formatAge,
  formatUsd,
  type StatusSnapshot,
  type ServiceRow,
  type Headline,
  type FreshnessCell,
} from './core/status-view';
export {
  ManagedProcess,
  type ManagedProcessOptions,
  type ProcessStatus,
  type ProcessState,
} from './adapters/managed-process';
export {
  onCrash,
  initialRestartState,
  DEFAULT_RESTART_POLICY,
  type RestartPolicy,
  type RestartState,
} from './core/restart-policy';
export { startFleet, discoverServices, SIM_PROCESS, type Fleet, type FleetOptions } from './demo/fleet';
export { waitForHeartbeats } from './demo/wait';
export { bundleEntries, bundlePath } from './adapters/bundler';
