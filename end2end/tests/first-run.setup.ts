import { expect, test } from '@playwright/test';
import { admin, expectSignedInAs } from './accounts';
import { gotoHydrated } from './helpers';

// The first-run flow on a fresh database; the other projects depend on it.
test('a fresh instance leads to setup, which creates the first administrator', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up v2mom' })).toBeVisible();
  await gotoHydrated(page, '/setup');

  // The server has the last word: a weak password is refused next to its field.
  await page.getByLabel('Organisation name').fill(admin.organisation);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill('password1234');
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText('This password is too easy to guess')).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, admin.name);

  // Setup happens once.
  const again = await page.goto('/setup');
  expect(again?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
