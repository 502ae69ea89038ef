import { expect, test } from '@playwright/test';
import { admin, expectSignedInAs, signIn } from './accounts';
import { gotoHydrated } from './helpers';

test('sign in and out @nojs', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, admin.name);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password is refused with one message for every cause', async ({ page }) => {
  await gotoHydrated(page, '/login');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill('not the right password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect.');

  await page.getByLabel('Email').fill('nobody@acme.example');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect.');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('after signing in, the page asked for is where you land', async ({ page }) => {
  await gotoHydrated(page, '/login?next=%2Fno-such-page%3Fx%3D1');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/no-such-page\?x=1$/);
});
