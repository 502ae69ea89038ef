// Steps the V2MOM specs share: the periods, starting a V2MOM, filling and saving the editor.
import { expect, type Browser, type Page } from '@playwright/test';
import { admin, callApi, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';

/** The planning period the V2MOM browser tests share (made current by `currentPeriod`). */
export const periodName = 'FY2027 (browser tests)';

/** The period before it, never current: for cloning last period's V2MOM. */
export const earlierPeriodName = 'FY2026 (browser tests)';

/** Makes sure a period exists (other projects may race to create it); returns its id. */
async function ensurePeriod(adminPage: Page, name: string, starts_on: string, ends_on: string): Promise<number> {
  const find = async () =>
    ((await (await callApi(adminPage, 'periods/manage', {})).json()) as { id: number; name: string }[]).find(
      (p) => p.name === name,
    );
  if (!(await find())) {
    await callApi(adminPage, 'periods/create', { name, starts_on, ends_on });
  }
  const period = await find();
  expect(period).toBeTruthy();
  return period!.id;
}

/** Makes sure the shared period exists and is current. */
export async function currentPeriod(adminPage: Page): Promise<number> {
  const id = await ensurePeriod(adminPage, periodName, '2027-02-01', '2028-01-31');
  expect((await callApi(adminPage, 'periods/current', { id: String(id) })).status()).toBe(200);
  return id;
}

/** Makes sure the period before the shared one exists (it is not made current). */
export async function earlierPeriod(adminPage: Page): Promise<number> {
  return ensurePeriod(adminPage, earlierPeriodName, '2026-02-01', '2027-01-31');
}

/** Opens `path`: waits for hydration when JavaScript is on. */
export async function open(page: Page, path: string, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) return gotoHydrated(page, path);
  return page.goto(path);
}

/** From the V2MOMs page, start `owner`'s V2MOM for a period; lands in the editor. */
export async function startV2mom(
  page: Page,
  owner: string,
  {
    javaScriptEnabled = true,
    period = periodName,
    from,
  }: { javaScriptEnabled?: boolean; period?: string; from?: string } = {},
): Promise<number> {
  await open(page, '/v2moms', javaScriptEnabled);
  await page.getByLabel('For').selectOption({ label: owner });
  await page.getByLabel('Period', { exact: true }).first().selectOption({ label: period });
  if (from) await page.getByLabel('Start from').selectOption({ label: from });
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/v2moms\/\d+\/edit$/);
  await expect(page.getByRole('heading', { name: 'Edit V2MOM' })).toBeVisible();
  return Number(page.url().match(/v2moms\/(\d+)\/edit/)![1]);
}

/** The admin signs in on `page` and invites a manager, who starts their own V2MOM: their
 * page, in the editor. */
export async function newManagerInOwnEditor(page: Page, browser: Browser, javaScriptEnabled = true): Promise<Page> {
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
  await startV2mom(manager.page, `${manager.name} (me)`, { javaScriptEnabled });
  return manager.page;
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

/** Saves in the hydrated editor, which stays put and says so. */
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
