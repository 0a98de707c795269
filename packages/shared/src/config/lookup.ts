// Finds the runtime section of a named service: a fleet service under `services`, or a simulator, tool
// or test fixture under `extraServices`.
import { ConfigError } from './load';
import type { AppConfig } from './schema';
import type { ConfiguredServiceName, ServiceBase, ServiceSections } from './service-sections';

export function serviceConfig<N extends ConfiguredServiceName>(cfg: AppConfig, name: N): ServiceSections[N];
export function serviceConfig(cfg: AppConfig, name: string): ServiceBase;
export function serviceConfig(cfg: AppConfig, name: string): ServiceBase {
  const fleet = (cfg.services as Record<string, ServiceBase | undefined>)[name];
  const section = fleet ?? cfg.extraServices[name];
  if (section === undefined) {
    throw new ConfigError('(loaded config)', [
      {
        path: `services.${name}`,
        message: 'no section for this service (add it under services or extraServices)',
      },
    ]);
  }
  return section;
}
