import { expect, test } from '@playwright/test';
import { expectSignedInAs } from './accounts';

// The browser-test server runs with open_registration = true (see serve.sh).
test('someone new creates their own account from the sign-in page @nojs', async ({ page }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const name = `Reg ${suffix}`;
  await page.goto('/login');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();

  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(`reg-${suffix}@acme.example`);
  // A password with the person's name in it is refused by the server, beside the field.
  await page.getByLabel('Password').fill(`${name} ${name} ${name}`);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('.field-message', { hasText: /name or email/i })).toBeVisible();

  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email').fill(`reg-${suffix}@acme.example`);
  await page.getByLabel('Password').fill('harbor quilt sparrow 58');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectSignedInAs(page, name);
});
