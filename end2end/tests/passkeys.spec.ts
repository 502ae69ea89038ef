import { expect, test, type Page } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';

// Passkeys need JavaScript (the browser makes and uses them), so this spec runs hydrated
// only. Browsers refuse an IP address as a passkey's site, so its pages are opened at
// `localhost`, the same server under its name (the cluster's public URL names 127.0.0.1,
// so the cluster run leaves this spec out: see playwright.config.ts).

const password = 'orbit velvet canyon 77';

function onLocalhost(baseURL: string | undefined): string {
  const url = new URL(baseURL!);
  url.hostname = 'localhost';
  return url.origin;
}

/** Chromium's virtual authenticator on `page`: a platform passkey store with a PIN/biometric. */
async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

const signedIn = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Sign out' });

test('a person adds a passkey, signs in with it without a password and as the second step, and removes it', async ({
  browser,
}, testInfo) => {
  const origin = onLocalhost(testInfo.project.use.baseURL);
  const adminContext = await browser.newContext({ baseURL: origin });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, admin.password);
  const eve = await newPerson(adminPage, browser, 'employee');
  const page = eve.page;
  const credentials = await virtualAuthenticator(page);

  await gotoHydrated(page, '/profile/security');
  await expect(page.locator('#passkeys-state')).toContainText('None yet');
  const add = page.locator('#add-passkey');
  await add.getByLabel('Name').fill('Work laptop');
  await add.getByLabel('Your password, or a current code from the app').fill('not my password');
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(add.getByLabel('Your password, or a current code from the app')).toHaveAccessibleDescription(
    /^This is not your current password/,
  );
  expect(await credentials()).toHaveLength(0);

  await add.getByLabel('Your password, or a current code from the app').fill(password);
  await add.getByRole('button', { name: 'Add a passkey' }).click();
  // The first second factor comes with recovery codes, shown once.
  await expect(page.locator('#recovery-codes li')).toHaveCount(10);
  const table = page.getByRole('table', { name: 'Your passkeys' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Work laptop');
  await expect(table.getByRole('row').nth(1)).toContainText('Never');
  const [made] = await credentials();
  expect(made.isResidentCredential).toBe(true);

  // Without a password: the passkey alone.
  await signOut(page);
  await gotoHydrated(page, '/login?next=/profile/security');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(signedIn(page)).toBeVisible();
  await expect(page).toHaveURL(/\/profile\/security$/);
  await expect(table.getByRole('row').nth(1)).not.toContainText('Never');

  // After the password, the passkey is the second step.
  await signOut(page);
  await page.getByLabel('Email').fill(eve.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await expect(page.getByText('Use one of your passkeys, or enter one of your recovery codes.')).toBeVisible();
  await expect(signedIn(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(signedIn(page)).toBeVisible();
  const [used] = await credentials();
  expect(used.signCount).toBeGreaterThan(made.signCount);

  // Removing it needs the password again; then signing in needs the password alone.
  await gotoHydrated(page, '/profile/security');
  const remove = page.locator('#remove-passkey');
  await remove.getByLabel('Passkey', { exact: true }).selectOption({ label: 'Work laptop' });
  await remove.getByLabel('Your password, or a current code from the app').fill(password);
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('#passkeys-state')).toContainText('None yet');
  await signOut(page);
  await page.getByLabel('Email').fill(eve.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(signedIn(page)).toBeVisible();
  await adminContext.close();
});
