import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';
import { currentPeriod, fillV2mom, saveInEditor, startV2mom } from './v2mom-steps';

// Live updates need JavaScript (without it a page is as fresh as its last load): no @nojs.
test('a save in one browser shows on the V2MOM page open in another, without a reload', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager');
  const employee = await newPerson(page, browser, 'employee', { manager: manager.id });

  const e = employee.page;
  const id = await startV2mom(e, `${employee.name} (me)`);
  await fillV2mom(e, { vision: 'Ship every week', method: 'Automate releases' });
  await saveInEditor(e);

  // The manager reads it, and has its editor open in a second tab.
  const m = manager.page;
  await gotoHydrated(m, `/v2moms/${id}`);
  await expect(m.locator('.vision')).toHaveText('Ship every week');
  await m.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const editing = await m.context().newPage();
  await gotoHydrated(editing, `/v2moms/${id}/edit`);
  await expect(editing.getByLabel('Vision')).toHaveValue('Ship every week');

  // The employee changes the vision and saves.
  await e.getByLabel('Vision').fill('Ship every day');
  await saveInEditor(e);

  // The manager's page shows it, says who did it, and was not reloaded.
  await expect(m.locator('.vision')).toHaveText('Ship every day', { timeout: 5_000 });
  await expect(m.locator('.live-notice')).toHaveText(`${employee.name} saved this V2MOM just now.`);
  expect(await m.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // The manager's editor warns that what they edit has changed; their text stays.
  const warning = editing.getByRole('alert').filter({ hasText: 'Your changes are still in the form' });
  await expect(warning).toContainText(`${employee.name} saved this V2MOM just now.`);
  await expect(editing.getByLabel('Vision')).toHaveValue('Ship every week');

  // The employee's own editor, which made the save, warns of nothing.
  await expect(e.getByRole('alert').filter({ hasText: 'Your changes are still in the form' })).toHaveCount(0);
});
