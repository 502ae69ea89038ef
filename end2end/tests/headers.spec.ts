import { expect, test, type APIResponse, type Response } from '@playwright/test';
import { admin } from './accounts';
import { gotoHydrated, parseCsp, watchForProblems } from './helpers';

type Headers = Record<string, string>; // Playwright lower-cases header names

/** The headers every HTML page must carry; returns the CSP nonce for further checks. */
function expectDocumentSecurityHeaders(headers: Headers): string {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');

  const csp = parseCsp(headers['content-security-policy'] ?? '');
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  const nonces = (csp.get('script-src') ?? []).filter((s) => s.startsWith("'nonce-"));
  expect(nonces, 'script-src needs exactly one nonce').toHaveLength(1);
  return nonces[0].slice("'nonce-".length, -1);
}

test('the landing page carries the security headers and its scripts the CSP nonce', { tag: '@nojs' }, async ({ page }) => {
  const response = await page.goto('/');
  expect(response).not.toBeNull();
  const nonce = expectDocumentSecurityHeaders((response as Response).headers());
  expect(nonce.length).toBeGreaterThanOrEqual(16);

  // Browsers hide the nonce attribute's value from the DOM; the `nonce` property still has it.
  const scriptNonces = await page.locator('script[nonce]').evaluateAll((scripts) =>
    scripts.map((s) => (s as HTMLScriptElement).nonce),
  );
  expect(scriptNonces).toContain(nonce);
});

// Plain HTTP requests: no browser involved, so these run once per backend (JS projects).
test('every signed-in page load gets a fresh nonce', async ({ request }) => {
  const signedIn = await request.post('/api/login', {
    form: { email: admin.email, password: admin.password, next: '/' },
    headers: { 'sec-fetch-site': 'same-origin' },
  });
  expect(signedIn.ok()).toBe(true);
  const nonceOf = async (r: APIResponse) => expectDocumentSecurityHeaders(r.headers());
  const first = await nonceOf(await request.get('/'));
  const second = await nonceOf(await request.get('/'));
  expect(first).not.toBe(second);
});

test('a visitor coming back to the sign-in page gets a 304, and the stored page still works', async ({ page }) => {
  const problems = await watchForProblems(page);
  const first = (await gotoHydrated(page, '/login')) as Response;
  const etag = first.headers()['etag'];
  expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
  // A reload asks again with If-None-Match; the server's 304 has no body and the browser
  // shows its stored copy (Chromium reports the copy's 200). The page and its nonce are the
  // same, so the copy's scripts and the new policy agree.
  const again = (await page.reload()) as Response;
  expect((await again.request().allHeaders())['if-none-match']).toBe(etag);
  expect((await again.request().sizes()).responseBodySize).toBe(0);
  await expect(page.locator('main[data-hydrated="true"]')).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(await problems()).toEqual([]);
});

test('the 404 page carries the security headers too', async ({ request }) => {
  const response = await request.get('/no-such-page');
  expect(response.status()).toBe(404);
  expectDocumentSecurityHeaders(response.headers());
});

test('scripts, styles and WASM are served with nosniff', async ({ page, baseURL }) => {
  // Collect every response from our own server while the page loads and hydrates.
  const ours: Response[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(baseURL!)) ours.push(r);
  });
  await gotoHydrated(page, '/');

  const urls = ours.map((r) => new URL(r.url()).pathname);
  expect(urls.some((u) => u.endsWith('.wasm')), `a .wasm among ${urls.join(', ')}`).toBe(true);
  for (const r of ours) {
    expect(r.headers()['x-content-type-options'], r.url()).toBe('nosniff');
  }
  // The bundle has content-hashed names, kept a year without asking again, and is sent as
  // compressed at build time.
  // (The main file; the page group's files come under their own names.)
  const versioned = /^\/pkg\/v2mom\.[0-9a-f]{16}\.wasm$/;
  const wasm = ours.find((r) => versioned.test(new URL(r.url()).pathname));
  expect(wasm, `the main .wasm among ${urls.join(', ')}`).toBeDefined();
  expect(wasm!.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(wasm!.headers()['content-encoding']).toBe('br');
  // A length: the .br file made by the build, not compressed on the fly (which streams).
  expect(Number(wasm!.headers()['content-length'])).toBeGreaterThan(0);
});
