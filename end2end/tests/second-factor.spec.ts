import { expect, test, type Page } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { totp } from './totp';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** The password step, which leads to the second step. */
async function password(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('orbit velvet canyon 77');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/login\/second-factor/);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toHaveCount(0);
}

async function secondStep(page: Page, code: string): Promise<void> {
  await page.getByLabel('Code', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

test('a person turns on an authenticator app, then signs in with a code and with a recovery code @nojs', async ({
  page,
  browser,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  const eve = await newPerson(page, browser, 'employee', { javaScriptEnabled });

  await eve.page.goto('/profile');
  await eve.page.getByRole('link', { name: 'Manage your second factor' }).click();
  await expect(eve.page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await eve.page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(eve.page.getByRole('img', { name: 'QR code holding your key' })).toBeVisible();
  const key = (await eve.page.locator('#totp-secret').textContent())!;

  // Exact: the passkey form's proof field says "… a current code from the app".
  const appCode = eve.page.getByLabel('Code from the app', { exact: true });
  await appCode.fill('000000');
  await eve.page.getByRole('button', { name: 'Turn on' }).click();
  await expect(appCode).toHaveAccessibleDescription(/^That code is not right/);
  await appCode.fill(totp(key));
  await eve.page.getByRole('button', { name: 'Turn on' }).click();
  const shown = eve.page.locator('#recovery-codes');
  await expect(shown.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
  const codes = await shown.locator('li code').allTextContents();
  expect(codes).toHaveLength(10);
  await expect(shown.getByRole('link', { name: 'Download them as a text file' })).toHaveAttribute(
    'download',
    'v2mom-recovery-codes.txt',
  );
  await expect(eve.page.locator('#second-factor-state')).toContainText('Recovery codes left: 10');

  // The code that turned it on is used up: the app's next one signs in.
  await signOut(eve.page);
  await password(eve.page, eve.email);
  await secondStep(eve.page, totp(key, 1));

  await signOut(eve.page);
  await password(eve.page, eve.email);
  await secondStep(eve.page, codes[0]);
  await eve.page.goto('/profile/security');
  await expect(eve.page.locator('#second-factor-state')).toContainText('Recovery codes left: 9');
  await expect(eve.page.locator('#recovery-codes')).toHaveCount(0);
});
