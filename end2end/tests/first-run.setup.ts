import { expect, test } from '@playwright/test';
import { admin, expectSignedInAs } from './accounts';
import { gotoHydrated } from './helpers';
import { fillV2mom, saveInEditor, startV2mom } from './v2mom-steps';

/** The walk's own period, so that the shared one the other tests use stays as they expect. */
const walkPeriod = 'FY2026 (first run)';

// The first-run flow on a fresh database; the other projects depend on it. It is the walk a
// new organisation takes (README, "First run"): setup, then the home page's checklist step by
// step to a published company V2MOM and three people invited.
test('from a fresh instance to a published company V2MOM and three people invited', async ({ page }) => {
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
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/^This password is too easy to guess/);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, admin.name);

  // Setup happens once.
  const again = await page.goto('/setup');
  expect(again?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // The home page says what to do first, and ticks each step off as it happens.
  await gotoHydrated(page, '/');
  const steps = page.getByRole('region', { name: 'Get your organisation going' });
  await expect(steps.getByRole('listitem')).toHaveCount(5);
  // The test server configures a single sign-on provider (serve.sh): that one is done.
  await expect(steps.locator('li.done')).toHaveText([/Set up single sign-on/]);
  await steps.getByRole('link', { name: 'Create the first planning period' }).click();
  await expect(page).toHaveURL(/\/admin\/periods$/);
  await page.getByLabel('Name').fill(walkPeriod);
  await page.getByLabel('Starts on').fill('2026-01-01');
  await page.getByLabel('Ends on').fill('2026-12-31');
  await page.getByLabel('Make it the current period').check();
  await page.getByRole('button', { name: 'Add period' }).click();
  await expect(page.getByRole('cell', { name: walkPeriod, exact: true })).toBeVisible();

  await gotoHydrated(page, '/');
  await expect(steps.locator('li.done')).toHaveText([/Create the first planning period/, /single sign-on/]);
  await steps.getByRole('link', { name: /Write and publish the company V2MOM/ }).click();
  await expect(page).toHaveURL(/\/v2moms$/);
  await startV2mom(page, `${admin.name} (me)`, { period: walkPeriod });
  await fillV2mom(page, { vision: 'Outfit every hiker in the north', method: 'Open ten stores' });
  await saveInEditor(page);
  await page.getByRole('link', { name: 'View the V2MOM' }).click();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.eyebrow .status')).toHaveText('Published');

  await gotoHydrated(page, '/');
  await expect(steps.locator('li.done')).toHaveCount(3);
  await steps.getByRole('link', { name: 'Invite people' }).click();
  await page.getByRole('link', { name: 'import many people from a CSV file' }).click();
  await expect(page.getByRole('heading', { name: 'Import people' })).toBeVisible();
  await page.getByLabel('CSV', { exact: true }).fill(
    [
      'name,email,manager_email,role,function',
      `Nora Lead,nora@acme.example,${admin.email},manager,Sales`,
      'Sam Seller,sam@acme.example,nora@acme.example,employee,Sales',
      `Tess Tech,tess@acme.example,${admin.email},employee,Engineering`,
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('3 to invite · 0 to update · 0 unchanged')).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(page.getByText('Imported: 3 invited, 0 updated, 0 unchanged.')).toBeVisible();
  await expect(page.locator('.import-done .notice')).toHaveCount(3);

  // The organisation is going: the checklist has done its job.
  await gotoHydrated(page, '/');
  await expect(page.getByRole('heading', { name: 'Needs you now' })).toBeVisible();
  await expect(steps).toHaveCount(0);
});

test.afterEach(async ({}, testInfo) => {
  console.log(`first-run walk: ${(testInfo.duration / 1000).toFixed(1)} s`);
});
