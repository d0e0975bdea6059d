import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, configFromEnv } from './config.ts';

describe('configuration from the environment', () => {
  it('has defaults that run Fokus on port 3000 with a local data folder', () => {
    const c = configFromEnv({}, '/web');
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', allowedOrigins: [], allowedHosts: [], publicUrl: null, logLevel: 'info', webDist: '/web' });
    // Nobody may forward an address, host or scheme unless TRUST_PROXY says so.
    expect(c.trustProxy).toBe(false);
    expect(c.rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads every variable', () => {
    const c = configFromEnv(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        DATA_DIR: '/tmp/x',
        ALLOWED_ORIGINS: 'https://a.se, https://b.se',
        PUBLIC_URL: 'https://fokus.se/',
        LOG_LEVEL: 'warn',
      },
      null,
    );
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/tmp/x',
      allowedOrigins: ['https://a.se', 'https://b.se'],
      publicUrl: 'https://fokus.se',
      logLevel: 'warn',
    });
  });

  it('refuses bad values with a message that names them', () => {
    expect(() => configFromEnv({ PORT: 'eighty' }, null)).toThrow(/PORT/);
    expect(() => configFromEnv({ PORT: '70000' }, null)).toThrow(/PORT/);
    expect(() => configFromEnv({ PUBLIC_URL: 'not a url' }, null)).toThrow(/PUBLIC_URL/);
    expect(() => configFromEnv({ LOG_LEVEL: 'loud' }, null)).toThrow(/LOG_LEVEL/);
    expect(() => configFromEnv({ PUBLIC_URL: 'ftp://fokus.se' }, null)).toThrow(/PUBLIC_URL/);
  });

  it('reads the hosts, origins and proxies it trusts, and refuses what is not one', () => {
    const c = configFromEnv(
      { ALLOWED_HOSTS: 'Fokus.Example.se, intranet.', ALLOWED_ORIGINS: 'https://a.se:8443/, http://b.se:80', TRUST_PROXY: '10.0.0.0/8, ::1' },
      null,
    );
    expect(c.allowedHosts).toEqual(['fokus.example.se', 'intranet']);
    expect(c.allowedOrigins).toEqual(['https://a.se:8443', 'http://b.se']);
    expect(c.trustProxy).toEqual(['10.0.0.0/8', '::1']);
    expect(configFromEnv({ TRUST_PROXY: 'true' }, null).trustProxy).toBe(true);
    expect(configFromEnv({ TRUST_PROXY: 'false' }, null).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '' }, null).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '2' }, null).trustProxy).toBe(2);
    expect(() => configFromEnv({ TRUST_PROXY: 'yes' }, null)).toThrow(/TRUST_PROXY/);
    expect(() => configFromEnv({ TRUST_PROXY: '10.0.0.0/33' }, null)).toThrow(/TRUST_PROXY/);
    expect(() => configFromEnv({ ALLOWED_HOSTS: 'https://fokus.se' }, null)).toThrow(/ALLOWED_HOSTS/);
    expect(() => configFromEnv({ ALLOWED_HOSTS: 'bad host' }, null)).toThrow(/ALLOWED_HOSTS/);
    expect(() => configFromEnv({ ALLOWED_ORIGINS: '*' }, null)).toThrow(/ALLOWED_ORIGINS/);
    expect(() => configFromEnv({ ALLOWED_ORIGINS: 'https://a.se/app' }, null)).toThrow(/ALLOWED_ORIGINS/);
  });

  it('reads the per-address rate limits and refuses zero or nonsense', () => {
    const c = configFromEnv({ RATE_IP_COMMANDS: '20000', RATE_IP_JOINS: '1000', RATE_IP_BAD_CODES: '50', RATE_IP_CREATES: '5' }, null);
    expect(c.rateLimits).toEqual({ ipCommandsPerMinute: 20_000, ipJoinsPerMinute: 1000, ipBadCodesPer10Minutes: 50, ipCreatesPer10Minutes: 5 });
    expect(() => configFromEnv({ RATE_IP_COMMANDS: '0' }, null)).toThrow(/RATE_IP_COMMANDS/);
    expect(() => configFromEnv({ RATE_IP_JOINS: 'many' }, null)).toThrow(/RATE_IP_JOINS/);
  });

  it('lets a full venue behind one address through by default: 300 joins and 3,000 dots in a minute', () => {
    const d = DEFAULT_RATE_LIMITS;
    expect(d.ipJoinsPerMinute).toBeGreaterThanOrEqual(300);
    expect(d.ipCommandsPerMinute).toBeGreaterThanOrEqual(300 + 300 * 10);
  });
});

describe('data lifecycle settings', () => {
  it('erases after 180 untouched days and unloads a room 5 minutes after its last socket, unless told otherwise', () => {
    expect(configFromEnv({}, null)).toMatchObject({ retentionDays: 180, roomIdleMs: 300_000 });
    expect(configFromEnv({ RETENTION_DAYS: '30', ROOM_IDLE_MINUTES: '0.5' }, null)).toMatchObject({ retentionDays: 30, roomIdleMs: 30_000 });
  });

  it('refuses a retention that is not a whole number of days from 1, and an idle time that is not positive', () => {
    for (const bad of ['0', '-5', '1.5', 'forever', '']) expect(() => configFromEnv({ RETENTION_DAYS: bad }, null), bad).toThrow(/RETENTION_DAYS/);
    for (const bad of ['0', '-1', 'soon']) expect(() => configFromEnv({ ROOM_IDLE_MINUTES: bad }, null), bad).toThrow(/ROOM_IDLE_MINUTES/);
  });
});
