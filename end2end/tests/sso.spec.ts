import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { admin, expectSignedInAs, newPerson } from './accounts';
import { gotoHydrated } from './helpers';

// Single sign-on against the test issuer (oidc-issuer.mjs), which playwright.config.ts starts
// and serve.sh configures as the provider "Acme ID": verified emails link to existing
// accounts, and addresses at jit.example get an account on first sign-in. At the issuer,
// whatever email is typed is who signs in.
//
// Plain forms and redirects all the way, so everything tagged @nojs also runs without
// JavaScript. The js and nojs projects share a database: every address here is new.

const issuerURL =
  process.env.E2E_ISSUER_URL ?? `http://127.0.0.1:${Number(process.env.E2E_PORT_BASE ?? 3470) + 10}`;

const newSuffix = () => Math.random().toString(36).slice(2, 8);

/**
 * Password sign-in as the administrator. The button is matched exactly: with a provider
 * configured, "Sign in with Acme ID" also contains "Sign in".
 */
async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** From the sign-in page, through the provider's button, to the test issuer's sign-in page. */
async function startSignIn(page: Page, provider = 'Acme ID'): Promise<void> {
  // A redirect the page's Content-Security-Policy blocks (form-action) only shows up as a
  // console error, with or without JavaScript: keep them for the failure message.
  const consoleErrors: string[] = [];
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text().trim());
  };
  page.on('console', onConsole);
  try {
    await page.goto('/login');
    await page.getByRole('button', { name: `Sign in with ${provider}`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Test Issuer' })).toBeVisible();
  } catch (error) {
    throw new Error(
      `did not reach the test issuer (now at ${page.url()}); browser console errors: ` +
        `${consoleErrors.join(' | ') || 'none'}\n${error}`,
    );
  } finally {
    page.off('console', onConsole);
  }
  await expect(page).toHaveURL((url) => url.origin === issuerURL && url.pathname === '/authorize');
}

/** At the test issuer: say who you are and continue, or cancel. */
async function answerAtIssuer(
  page: Page,
  answer: { email: string; name?: string; verified?: boolean } | 'cancel',
): Promise<void> {
  if (answer === 'cancel') {
    await page.getByRole('button', { name: 'Cancel' }).click();
    return;
  }
  await page.getByLabel('Email', { exact: true }).fill(answer.email);
  await page.getByLabel('Email verified').setChecked(answer.verified ?? true);
  if (answer.name) await page.getByLabel('Name').fill(answer.name);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Back on the sign-in page with `message`, and nobody signed in. */
async function expectRefused(page: Page, message: string, code: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === '/login' && url.searchParams.get('sso_error') === code);
  await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toHaveCount(0);
}

async function expectHome(page: Page, baseURL: string | undefined): Promise<void> {
  await expect(page).toHaveURL(new URL('/', baseURL).href);
}

test('someone with an account signs in through the provider with their verified email @nojs', async ({
  page,
  browser,
  baseURL,
}) => {
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await signInAsAdmin(adminPage);
  const person = await newPerson(adminPage, browser, 'employee');
  await person.page.context().close();
  await adminContext.close();

  // `page` is a browser of its own, signed out.
  await startSignIn(page);
  await answerAtIssuer(page, { email: person.email });
  await expectHome(page, baseURL);
  await expectSignedInAs(page, person.name);

  // The second time, the provider's identity (now linked) finds the account.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await startSignIn(page);
  await answerAtIssuer(page, { email: person.email });
  await expectHome(page, baseURL);
  await expectSignedInAs(page, person.name);
});

test('someone without an account, at a domain that may not sign up, is sent to their administrator @nojs', async ({
  page,
}) => {
  await startSignIn(page);
  await answerAtIssuer(page, { email: `stranger-${newSuffix()}@unknown.example`, name: 'Stranger' });
  await expectRefused(page, 'Ask your administrator for an invitation', 'no_account');
});

test('someone at an allowed domain gets an account on first sign-in @nojs', async ({ page, baseURL }) => {
  const suffix = newSuffix();
  const name = `Jit ${suffix}`;
  await startSignIn(page);
  await answerAtIssuer(page, { email: `jit-${suffix}@jit.example`, name });
  await expectHome(page, baseURL);
  await expectSignedInAs(page, name);
});

test('an email the provider has not verified is refused @nojs', async ({ page }) => {
  await startSignIn(page);
  await answerAtIssuer(page, { email: `unverified-${newSuffix()}@jit.example`, name: 'Unverified', verified: false });
  await expectRefused(page, 'has not verified your email address', 'unverified_email');
});

test('cancelling at the provider comes back to the sign-in page @nojs', async ({ page }) => {
  await startSignIn(page);
  await answerAtIssuer(page, 'cancel');
  await expectRefused(page, 'Sign-in was cancelled at the provider.', 'cancelled');
});

test('an administrator adds a provider, which the sign-in page then offers', async ({ page, browser, baseURL }) => {
  const suffix = newSuffix();
  const name = `Test Issuer ${suffix}`;
  const slug = `t-${suffix}`;

  await signInAsAdmin(page);
  await gotoHydrated(page, '/admin/sso');
  await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
  const main = page.getByRole('main');
  // The provider from the configuration file is listed (read-only), with its redirect URI.
  await expect(main).toContainText('Acme ID');
  await expect(main).toContainText('/auth/sso/acme-id/callback');

  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add provider', exact: true }) });
  await form.getByLabel('Kind').selectOption({ label: 'OpenID Connect' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Short name').fill(slug);
  await form.getByLabel('Issuer URL').fill(issuerURL);
  await form.getByLabel('Client ID').fill('v2mom-e2e');
  await form.getByLabel('Client secret').fill('e2e-secret');
  await form.getByRole('button', { name: 'Add provider', exact: true }).click();

  await expect(page).toHaveURL(/\/admin\/sso$/);
  await expect(main).toContainText(name);
  await expect(main).toContainText(`/auth/sso/${slug}/callback`);

  // Stored, and the client secrets (this one and the configured one) never come back.
  const reloaded = await page.goto('/admin/sso');
  expect(await reloaded?.text()).not.toContain('e2e-secret');
  await expect(main).toContainText(`/auth/sso/${slug}/callback`);
  await expect(main).not.toContainText('e2e-secret');

  // Someone signed out now sees it on the sign-in page.
  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  await startSignIn(visitor, name);
  // The round trip uses the stored client secret at the token endpoint; this provider links
  // nobody and lets no domain sign up, so it ends at "no account".
  await answerAtIssuer(visitor, { email: `new-${suffix}@jit.example`, name: 'Nobody' });
  await expectRefused(visitor, 'Ask your administrator for an invitation', 'no_account');
  await visitorContext.close();
});
