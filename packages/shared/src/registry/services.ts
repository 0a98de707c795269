// Canonical names of the fleet's services: heartbeat keys, log `service` fields and registry owners all
// use these spellings.
export const SERVICE_NAMES = [
  'ibkr-ingestion',
  'av-ingestion',
  'discovery',
  'analytics',
  'signals',
  'risk',
  'execution',
  'positions',
  'distributor',
  'discord-bot',
  'telegram-bot',
  'twitter-bot',
  'dashboard',
  'morning-analysis',
  'scheduler',
  'monitor',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Writers that are not fleet services: the market simulator (demo/tests) and a human via the operator CLI. */
export const NON_SERVICE_OWNERS = ['market-sim', 'operator', 'every service'] as const;

/** Who writes a key: one service, a non-service writer, or 'every service' for fleet-wide keys (heartbeats). */
export type KeyOwner = ServiceName | (typeof NON_SERVICE_OWNERS)[number];

export function isServiceName(name: string): name is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(name);
}
