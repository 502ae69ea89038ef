import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

// One server per backend, each started by serve.sh with a fresh database.
// SQLite always; PostgreSQL only when the CI machine provides TEST_DATABASE_URL.
// With E2E_CLUSTER=1 (`make test-cluster`), instead: three processes on one PostgreSQL behind
// HAProxy, the same tests run through the balancer.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3470);
const backends = process.env.E2E_CLUSTER
  ? [{ name: 'cluster', port: portBase + 2 }]
  : [
      { name: 'sqlite', port: portBase },
      ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres', port: portBase + 1 }] : []),
    ];

// The OpenID Connect issuer single sign-on is tested against (oidc-issuer.mjs), shared by
// every backend. serve.sh configures it as the provider "Acme ID"; the tests read the same
// variable (config files are loaded in the worker processes too).
const issuerPort = portBase + 10;
const issuerURL = `http://127.0.0.1:${issuerPort}`;
process.env.E2E_ISSUER_URL = issuerURL;

// This machine is offline and runs as root: use Debian's Chromium, not a downloaded one.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

type Projects = NonNullable<PlaywrightTestConfig['projects']>;

// `v2mom demo` then the server, as a person trying the product runs them: on SQLite, and on
// PostgreSQL when there is one. The demo company is what demo.spec.ts walks through and what
// accessibility.spec.ts checks every page with (its reviews, check-ins and charts).
const demo = process.env.E2E_CLUSTER
  ? []
  : [
      { name: 'demo', port: portBase + 3 },
      ...(process.env.TEST_DATABASE_URL ? [{ name: 'demo-postgres', port: portBase + 4 }] : []),
    ];
// Passkeys need the site reached by a name (see passkeys.spec.ts); the cluster's public URL
// is an address.
const passkeySpec = /passkeys\.spec\.ts/;
const demoSpec = /demo\.spec\.ts/;
const demoSpecs = /(demo|accessibility)\.spec\.ts/;

const demoProjects: Projects = demo.flatMap(({ name, port }) => {
  const use = { baseURL: `http://127.0.0.1:${port}`, launchOptions };
  // demo.ts reads the demo's password from this data directory (serve.sh keeps it there).
  const metadata = { dataDir: name };
  return [
    { name: `${name}-js`, metadata, testMatch: demoSpecs, use },
    // axe checks the hydrated pages; without JavaScript only the walk-through runs.
    { name: `${name}-nojs`, metadata, testMatch: demoSpec, use: { ...use, javaScriptEnabled: false } },
  ];
});

const backendProjects: Projects = backends.flatMap(({ name, port }) => {
  const baseURL = `http://127.0.0.1:${port}`;
  // The cluster runs on PostgreSQL: its pages say so, as the postgres project's do.
  const metadata = { backend: name === 'cluster' ? 'postgres' : name };
  // Runs first on the fresh database: the first-run flow in the browser. Everything else
  // needs the organisation and administrator it creates (see tests/accounts.ts).
  const setup = `${name}-setup`;
  return [
    { name: setup, metadata, testMatch: /first-run\.setup\.ts/, use: { baseURL, launchOptions } },
    // JavaScript on: every test, including the @nojs ones (they must pass either way).
    {
      name: `${name}-js`,
      metadata,
      dependencies: [setup],
      testIgnore: name === 'cluster' ? [demoSpecs, passkeySpec] : demoSpecs,
      use: { baseURL, launchOptions },
    },
    // JavaScript off: only what must work from server-rendered HTML alone.
    {
      name: `${name}-nojs`,
      metadata,
      dependencies: [setup],
      testIgnore: demoSpecs,
      grep: /@nojs/,
      use: { baseURL, launchOptions, javaScriptEnabled: false },
    },
  ];
});

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0, // a flaky test gets fixed, not retried
  // The longest walks (several people, each signing in, a page hydrated per step) take about
  // 20 s on an idle two-core machine, and CI's machines have run at half that speed: the
  // default 30 s failed them there. Each step still waits only for what it expects.
  timeout: 120_000,
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [...backendProjects, ...demoProjects],
  webServer: [
    {
      name: 'oidc-issuer',
      command: `node oidc-issuer.mjs ${issuerPort}`,
      url: `${issuerURL}/healthz`,
      reuseExistingServer: false, // its keys and codes live in memory: always a fresh one
      timeout: 30_000,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 2_000 },
    },
    ...[...backends, ...demo].map(({ name, port }) => ({
      name,
      command: `bash serve.sh ${name} ${port}`,
      url: `http://127.0.0.1:${port}/readyz`,
      reuseExistingServer: false, // always a fresh database
      timeout: 120_000,
      stdout: 'pipe' as const,
      stderr: 'pipe' as const,
      env: { E2E_ISSUER_URL: issuerURL },
      // Let the server shut down cleanly (closes the database) before being killed.
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    })),
  ],
});
