import { expect, test } from '@playwright/test';
import { backendLabel, gotoHydrated, watchForProblems } from './helpers';

const PARTS = ['Vision', 'Values', 'Methods', 'Obstacles', 'Measures'];

test('server-rendered landing page has the shell and the five questions', { tag: '@nojs' }, async ({ page }, testInfo) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  if (testInfo.project.use.javaScriptEnabled === false) {
    // Proves the -nojs project really ran without JavaScript (the app never hydrated).
    await expect(page.getByRole('main')).not.toHaveAttribute('data-hydrated', 'true');
  }

  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'v2mom', exact: true })).toHaveAttribute('href', '/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('v2mom');
  await expect(page.getByRole('contentinfo')).toContainText(/\d+\.\d+\.\d+/); // the version

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan, align and track with V2MOM');

  // The section is found by its heading, then each part by its exact name, in order.
  const questions = page.locator('section').filter({
    has: page.getByRole('heading', { name: 'The five questions' }),
  });
  await expect(questions).toBeVisible();
  for (const part of PARTS) {
    await expect(questions.getByText(part, { exact: true })).toBeVisible();
  }
  await expect(questions).toContainText(new RegExp(PARTS.join('[\\s\\S]*')));

  // The form controls are in the HTML even before any JavaScript runs.
  await expect(page.getByLabel('Your vision in one sentence')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check server status' })).toBeVisible();
});

test('typing a vision updates the preview and the character count', async ({ page }) => {
  await gotoHydrated(page, '/');

  await page.getByLabel('Your vision in one sentence').fill('Help every team ship weekly');

  await expect(page.getByText('Preview: Help every team ship weekly')).toBeVisible();
  await expect(page.getByText('27 characters')).toBeVisible();
});

test('checking server status names the database backend', async ({ page }, testInfo) => {
  await gotoHydrated(page, '/');

  await page.getByRole('button', { name: 'Check server status' }).click();

  const status = page.getByRole('status');
  await expect(status).toHaveText(/^\s*Server ready/);
  await expect(status).toContainText(backendLabel(testInfo));
});

test('no console errors or CSP violations during load, hydration and a server call', async ({ page }) => {
  const problems = await watchForProblems(page);

  await gotoHydrated(page, '/');
  expect(await problems()).toEqual([]);

  await page.getByRole('button', { name: 'Check server status' }).click();
  await expect(page.getByRole('status')).toHaveText(/^\s*Server ready/);
  expect(await problems()).toEqual([]);
});
