import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';
import { currentPeriod, fillV2mom, saveAndView, startV2mom } from './v2mom-steps';

test('the owner checks in three times: the chart shows three points and the progress follows @nojs', async ({
  page,
  browser,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager');
  // The owner is an employee: after publication they may check in, though they edit nothing.
  const employee = await newPerson(page, browser, 'employee', { manager: manager.id, javaScriptEnabled });

  const m = manager.page;
  const id = await startV2mom(m, employee.name);
  await fillV2mom(m, { vision: 'Ship every week', method: 'Automate releases' });
  await saveAndView(m, true);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');

  const e = employee.page;
  if (javaScriptEnabled) await gotoHydrated(e, `/v2moms/${id}`);
  else await e.goto(`/v2moms/${id}`);
  await expect(e.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(e.getByText('No check-in yet').first()).toBeVisible();

  const points = e.locator('svg.trend-chart circle');
  const checkIns: [string, string][] = [
    ['13', 'On track'],
    ['20', 'At risk'],
    ['39', 'On track'],
  ];
  for (const [i, [value, status]] of checkIns.entries()) {
    await e.getByLabel('Value now (releases)').fill(value);
    await e.locator('select[name="status"]').selectOption({ label: status });
    await e.getByLabel('Comment (optional)').fill(`Week ${i + 1}`);
    await e.getByRole('button', { name: 'Check in' }).click();
    await expect(points).toHaveCount(i + 1);
  }

  // 39 of 52 releases: three quarters of the way, for the measure, its method and the V2MOM.
  await expect(e.getByLabel('Weekly releases: 75%')).toBeVisible();
  await expect(e.getByLabel('Overall progress: 75%')).toBeVisible();
  await expect(e.locator('.measure .measure-status')).toHaveText('On track');
  await expect(e.getByRole('img', { name: /Trend of “Weekly releases”: 3 check-ins; the latest 39 releases, target 52 releases/ })).toBeVisible();
  // The points as text, for those who do not see the chart.
  await expect(e.locator('figure.trend table tbody tr')).toHaveCount(3);
  await expect(e.locator('figure.trend table tbody tr').nth(1)).toContainText('At risk');

  // A value beyond any plan is refused beside its field, and nothing is added.
  await e.getByLabel('Value now (releases)').fill('20000000000000');
  await e.getByRole('button', { name: 'Check in' }).click();
  await expect(e.getByLabel('Value now (releases)')).toHaveAccessibleDescription(
    'Enter a number between −1,000,000,000,000 and 1,000,000,000,000.',
  );
  await expect(points).toHaveCount(3);
});
