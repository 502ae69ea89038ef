import { expect, type Page, type Response, type TestInfo } from '@playwright/test';

/**
 * Open `path` and wait until the WASM app has hydrated (an Effect sets data-hydrated on <main>).
 * Hydrating compiles 2.5 MB of WASM, which on a two-core machine also running four servers and
 * two browsers has taken more than the default 5 s: the bound is 15 s.
 */
export async function gotoHydrated(page: Page, path: string): Promise<Response | null> {
  const response = await page.goto(path);
  await expect(page.locator('main[data-hydrated="true"]')).toBeVisible({ timeout: 15_000 });
  return response;
}

/** Which database the project's server runs on (from the project metadata in playwright.config.ts). */
export function backendOf(testInfo: TestInfo): 'sqlite' | 'postgres' {
  const backend = testInfo.project.metadata?.backend ?? testInfo.project.name.split('-')[0];
  if (backend !== 'sqlite' && backend !== 'postgres') throw new Error(`unknown backend ${backend}`);
  return backend;
}

/** The database name the status message shows for that backend. */
export function backendLabel(testInfo: TestInfo): string {
  return backendOf(testInfo) === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

/**
 * Record everything that would show up red in the browser console: console errors (this includes
 * failed loads and CSP "Refused to …" reports), uncaught exceptions, and CSP violation events.
 * Call before page.goto; read `problems()` at the points you want them to be empty.
 */
export async function watchForProblems(page: Page): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') seen.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => seen.push(`pageerror: ${err.message}`));
  // Init scripts run outside the page's CSP, so this listener is always installed.
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`csp: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return async () => {
    const csp = await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    );
    return [...seen, ...csp];
  };
}

/** Parse a Content-Security-Policy header into directive → sources. */
export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
