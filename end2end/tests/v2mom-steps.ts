// Steps the V2MOM specs share: the period, starting a V2MOM, filling and saving the editor.
import { expect, type Page } from '@playwright/test';
import { callApi } from './accounts';
import { gotoHydrated } from './helpers';

/** The planning period the V2MOM specs share (made current by whichever runs first). */
export const periodName = 'FY2027 (browser tests)';

/** Makes sure the period exists and is current (other projects may race to create it). */
export async function currentPeriod(adminPage: Page): Promise<number> {
  const find = async () =>
    ((await (await callApi(adminPage, 'periods/manage', {})).json()) as { id: number; name: string }[]).find(
      (p) => p.name === periodName,
    );
  if (!(await find())) {
    await callApi(adminPage, 'periods/create', { name: periodName, starts_on: '2027-02-01', ends_on: '2028-01-31' });
  }
  const period = await find();
  expect(period).toBeTruthy();
  expect((await callApi(adminPage, 'periods/current', { id: String(period!.id) })).status()).toBe(200);
  return period!.id;
}

/** From the V2MOMs page, start `owner`'s V2MOM for the period; lands in the editor. */
export async function startV2mom(page: Page, owner: string, { javaScriptEnabled = true } = {}): Promise<number> {
  if (javaScriptEnabled) await gotoHydrated(page, '/v2moms');
  else await page.goto('/v2moms');
  await page.getByLabel('For').selectOption({ label: owner });
  await page.getByLabel('Period', { exact: true }).first().selectOption({ label: periodName });
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/v2moms\/\d+\/edit$/);
  await expect(page.getByRole('heading', { name: 'Edit V2MOM' })).toBeVisible();
  return Number(page.url().match(/v2moms\/(\d+)\/edit/)![1]);
}

/** Fills vision, one value and one method (with an obstacle and a measure) in the editor. */
export async function fillV2mom(page: Page, text: { vision: string; method: string }) {
  await page.getByLabel('Vision').fill(text.vision);
  await page.getByLabel('New value').fill('Customers first');
  await page.getByLabel('New method').fill(text.method);
  await page.getByLabel('New obstacle').fill('Old habits');
  await page.getByLabel('New measure').fill('Weekly releases');
  await page.getByLabel('Target').fill('52');
  await page.getByLabel('Unit').fill('releases');
}

export async function saveInEditor(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

/** Saves; without JavaScript the save goes on to the V2MOM, with it the editor links there. */
export async function saveAndView(page: Page, javaScriptEnabled: boolean) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  if (!javaScriptEnabled) await expect(page).toHaveURL(/\/v2moms\/\d+$/);
  else await page.getByRole('link', { name: 'View the V2MOM' }).click();
}
