// docker-compose.yml and the Dockerfile stay true to the code base: one compose entry per service folder
// and no entry without one, every entry with the restart policy, the Redis dependency and the network
// settings, the simulators only in the demo profile, and an image that can run any of them.
import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');

interface ComposeService {
  command?: string[];
  profiles?: string[];
  restart?: string;
  depends_on?: Record<string, { condition?: string }>;
  env_file?: string | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test?: string[] };
  build?: unknown;
  image?: string;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
};
const INFRA = ['redis', 'market-sim'];

/** Services that can run: folders under services/ with a src/main.ts (as the demo runner and the monitor see them). */
function serviceFolders(): string[] {
  return readdirSync(join(ROOT, 'services'))
    .filter((name) => existsSync(join(ROOT, 'services', name, 'src', 'main.ts')))
    .sort();
}

describe('docker-compose.yml', () => {
  it('has one entry per service folder, and none without a folder', () => {
    const entries = Object.keys(compose.services)
      .filter((n) => !INFRA.includes(n))
      .sort();
    expect(
      entries,
      'add a compose entry for each new service (see the others), remove those whose folder is gone',
    ).toEqual(serviceFolders());
  });

  it('runs each service from its own main with the restart policy, Redis dependency and network settings', () => {
    for (const name of serviceFolders()) {
      const s = compose.services[name]!;
      expect(s.command, name).toEqual([`services/${name}/src/main.ts`]);
      expect(s.restart, name).toBe('unless-stopped');
      expect(s.depends_on?.redis?.condition, name).toBe('service_healthy');
      expect([s.env_file].flat(), name).toContain('.env');
      expect(s.environment, name).toMatchObject({
        REDIS_URL: 'redis://redis:6379',
        ATP_HTTP_HOST: '0.0.0.0',
      });
      expect(s.profiles, name).toBeUndefined();
      expect(s.image, name).toBe('alphatrader:latest');
    }
  });

  it('runs the simulators only in the demo profile, reachable by the services on fixed ports', () => {
    const sim = compose.services['market-sim']!;
    expect(sim.profiles).toEqual(['demo']);
    const cmd = sim.command ?? [];
    expect(cmd[0]).toBe('packages/simulators/src/main.ts');
    const flag = (name: string) => cmd[cmd.indexOf(name) + 1];
    expect(flag('--host')).toBe('0.0.0.0');
    expect(flag('--tws-port')).toBe('4002');
    expect(flag('--av-port')).toBe('8081');
    expect(sim.environment?.ATP_SIMULATORS).toBe('off');
    // docker/entrypoint.sh points the services at these ports when it finds the simulators.
    const entrypoint = readFileSync(join(ROOT, 'docker', 'entrypoint.sh'), 'utf8');
    expect(entrypoint).toContain('ATP_SIM_TWS_PORT:-4002');
    expect(entrypoint).toContain('ATP_SIM_AV_PORT:-8081');
    expect(entrypoint).toContain('ATP_SIM_HOST:-market-sim');
  });

  it('gives Redis the project redis.conf, a data volume and a ping healthcheck, on the network only', () => {
    const redis = compose.services.redis as ComposeService & { ports?: unknown };
    expect(redis.volumes).toContain('./redis.conf:/usr/local/etc/redis/redis.conf:ro');
    expect(redis.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
    expect(redis.command?.slice(0, 2)).toEqual(['redis-server', '/usr/local/etc/redis/redis.conf']);
    expect(redis.healthcheck?.test?.join(' ')).toContain('redis-cli ping');
    expect(redis.ports).toBeUndefined();
    expect(existsSync(join(ROOT, 'redis.conf'))).toBe(true);
  });

  it('names only scripts that exist', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      const script = s.command?.[0];
      if (script !== undefined && name !== 'redis')
        expect(existsSync(join(ROOT, script)), `${name}: ${script}`).toBe(true);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };

  it('builds production dependencies from the lockfile on node:20-slim and runs scripts through tsx', () => {
    expect(dockerfile).toContain('ARG NODE_IMAGE=node:20-slim');
    expect(dockerfile).toMatch(/pnpm fetch --prod/);
    expect(dockerfile).toMatch(/pnpm install --offline --frozen-lockfile --prod/);
    expect(dockerfile).toContain('ENTRYPOINT ["/app/docker/entrypoint.sh"]');
    expect(readFileSync(join(ROOT, 'docker', 'entrypoint.sh'), 'utf8')).toContain(
      'exec node --import tsx "$@"',
    );
    accessSync(join(ROOT, 'docker', 'entrypoint.sh'), constants.X_OK);
    // The image installs production dependencies only: tsx must be one.
    expect(pkg.dependencies?.tsx).toBeDefined();
    expect(pkg.devDependencies?.tsx).toBeUndefined();
  });

  it('keeps dependencies, state and secrets out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '.env', 'data', 'logs', '.git']) expect(ignored).toContain(entry);
  });
});
