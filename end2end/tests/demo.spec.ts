import { expect, test } from '@playwright/test';
import { signIn } from './accounts';
import { demoPassword, demoPerson as person } from './demo';

// `v2mom demo`, then the server (serve.sh's demo backends): what someone trying the product
// sees when they sign in as the people the demo printed. Runs with and without JavaScript.

test('a manager of the demo company finds a review waiting, their team and the plan above', async ({ page }, testInfo) => {
  await signIn(page, person('morgan'), await demoPassword(testInfo));
  const needs = page.getByRole('region', { name: 'Needs you now' });
  await expect(needs).toContainText("Dana Kowalski's V2MOM is waiting for your review.");
  const team = page.getByRole('region', { name: 'My team' });
  await expect(team.locator('table.team-summary tbody tr')).toHaveCount(4);
  await expect(team.locator('.coverage')).toContainText('1 in review');
  await expect(page.getByRole('region', { name: 'Up your chain' })).toContainText("Casey Chen's V2MOM");
  await needs.getByRole('link', { name: 'Review it' }).click();
  await expect(page).toHaveURL(/\/v2moms\/\d+$/);
  await expect(page.locator('.eyebrow .status')).toHaveText('In review');
});

test('an engineer of the demo company sees their progress and weeks of check-ins', async ({ page }, testInfo) => {
  await signIn(page, person('avery'), await demoPassword(testInfo));
  await expect(page.getByRole('region', { name: 'Needs you now' })).toContainText('Nothing needs you right now.');
  await expect(page.getByLabel(/^Overall progress: \d+%$/)).toBeVisible();
  const chain = page.getByRole('region', { name: 'Up your chain' });
  await expect(chain.getByText('Yours aligns to: Automate releases · Fix what customers hit · Make pages fast')).toBeVisible();
  await page.locator('section[aria-labelledby="mine-heading"] p a').first().click();
  await expect(page).toHaveURL(/\/v2moms\/\d+$/);
  await expect(page.locator('figure.trend table tbody tr').first()).toBeVisible();
  await expect(page.locator('figure.trend').first().locator('table tbody tr')).toHaveCount(3);
});

test('the demo CEO is asked for a check-in after three quiet weeks', async ({ page }, testInfo) => {
  await signIn(page, person('casey'), await demoPassword(testInfo));
  const needs = page.getByRole('region', { name: 'Needs you now' });
  await expect(needs).toContainText('No check-in for 3 weeks on your measures.');
  await needs.getByRole('link', { name: 'Check in' }).click();
  await expect(page).toHaveURL(/\/v2moms\/\d+$/);
  await expect(page.getByRole('button', { name: 'Check in' }).first()).toBeVisible();
});
