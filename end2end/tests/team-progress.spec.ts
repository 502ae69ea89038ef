import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { currentPeriod, fillV2mom, open, periodName, saveAndView, startV2mom } from './v2mom-steps';

test('a manager sees their reports’ progress, the one never checked in flagged, and sorts by progress @nojs', async ({
  page,
  browser,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
  const checkedIn = await newPerson(page, browser, 'employee', { manager: manager.id });
  const quiet = await newPerson(page, browser, 'employee', { manager: manager.id });

  const m = manager.page;
  const ids: number[] = [];
  for (const report of [checkedIn, quiet]) {
    ids.push(await startV2mom(m, report.name, { javaScriptEnabled }));
    await fillV2mom(m, { vision: `${report.name} ships every week`, method: 'Automate releases' });
    await saveAndView(m, javaScriptEnabled);
    await m.getByRole('button', { name: 'Publish' }).click();
    await expect(m.locator('.eyebrow .status')).toHaveText('Published');
  }

  // 13 of 52 releases: a quarter of the way.
  await open(m, `/v2moms/${ids[0]}`, javaScriptEnabled);
  await m.getByLabel('Value now (releases)').fill('13');
  await m.locator('select[name="status"]').selectOption({ label: 'At risk' });
  await m.getByRole('button', { name: 'Check in' }).click();
  await expect(m.getByLabel('Overall progress: 25%')).toBeVisible();

  await open(m, '/team', javaScriptEnabled);
  await expect(m.getByRole('heading', { name: `Progress in ${periodName}` })).toBeVisible();
  const table = m.locator('table.team-progress');
  const rowOf = (name: string) => table.locator('tbody tr').filter({ hasText: name });
  await expect(rowOf(quiet.name)).toContainText('No check-in yet');
  await expect(rowOf(checkedIn.name).getByLabel(`${checkedIn.name}'s progress: 25%`)).toBeVisible();
  await expect(rowOf(checkedIn.name)).not.toContainText('No check-in yet');
  await expect(table.getByRole('columnheader', { name: 'Person' })).toHaveAttribute('aria-sort', 'ascending');

  // The header is a link: the highest progress first, done by the server.
  await table.getByRole('link', { name: 'Progress' }).click();
  await expect(m).toHaveURL(/sort=-progress/);
  await expect(table.getByRole('columnheader', { name: 'Progress' })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr').first()).toContainText(checkedIn.name);
  await expect(table.locator('tbody tr').last()).toContainText(quiet.name);
});
