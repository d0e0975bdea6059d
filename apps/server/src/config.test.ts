import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';

describe('configuration from the environment', () => {
  it('has defaults that run Fokus on port 3000 with a local data folder', () => {
    const c = configFromEnv({}, '/web');
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', allowedOrigins: [], publicUrl: null, logLevel: 'info', webDist: '/web' });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads every variable', () => {
    const c = configFromEnv(
      { PORT: '8080', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', ALLOWED_ORIGINS: 'https://a.se, https://b.se', PUBLIC_URL: 'https://fokus.se/', LOG_LEVEL: 'warn' },
      null,
    );
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/tmp/x', allowedOrigins: ['https://a.se', 'https://b.se'], publicUrl: 'https://fokus.se', logLevel: 'warn' });
  });

  it('refuses bad values with a message that names them', () => {
    expect(() => configFromEnv({ PORT: 'eighty' }, null)).toThrow(/PORT/);
    expect(() => configFromEnv({ PORT: '70000' }, null)).toThrow(/PORT/);
    expect(() => configFromEnv({ PUBLIC_URL: 'not a url' }, null)).toThrow(/PUBLIC_URL/);
    expect(() => configFromEnv({ LOG_LEVEL: 'loud' }, null)).toThrow(/LOG_LEVEL/);
  });
});
