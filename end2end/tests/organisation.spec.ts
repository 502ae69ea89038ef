import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { currentPeriod, fillV2mom, open, periodName, saveAndView, startV2mom } from './v2mom-steps';

test('an administrator sees who has not published, per team, and the methods nobody aligns to until someone does @nojs', async ({
  page,
  browser,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
  const report = await newPerson(page, browser, 'employee', { manager: manager.id });
  const lead = `Lead the way ${manager.name}`;
  const follow = `Follow the lead ${report.name}`;

  // The manager publishes their own V2MOM; the report has none yet.
  const m = manager.page;
  await startV2mom(m, `${manager.name} (me)`, { javaScriptEnabled });
  await fillV2mom(m, { vision: 'Ship every week', method: lead });
  await saveAndView(m, javaScriptEnabled);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');

  // The administrator finds the page in the navigation.
  await open(page, '/', javaScriptEnabled);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Organisation · ${periodName}`);
  const team = page.locator('table.coverage tbody tr').filter({ hasText: `${manager.name}'s team` });
  await expect(team).toContainText('1 of 2');
  await expect(team.getByRole('link', { name: report.name })).toHaveAttribute('href', `/admin/people/${report.id}`);
  const unclaimed = page.getByRole('list', { name: 'Methods nobody aligns to' });
  await expect(unclaimed.getByRole('link', { name: lead })).toBeVisible();

  // The report's V2MOM, aligned to the manager's method and published, covers the team and
  // takes the method off the list.
  await startV2mom(m, report.name, { javaScriptEnabled });
  await fillV2mom(m, { vision: 'Releases without fear', method: follow });
  await m.getByLabel("Aligned to my manager's method").first().selectOption({ label: lead });
  await saveAndView(m, javaScriptEnabled);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');

  await open(page, '/admin/organisation', javaScriptEnabled);
  await expect(team).toContainText('2 of 2');
  await expect(team).toContainText('Everyone');
  await expect(page.getByRole('link', { name: lead })).toHaveCount(0);
  // The report has a manager and their method follows one: it is in neither list.
  await expect(page.getByRole('link', { name: follow })).toHaveCount(0);

  // The manager is not an administrator.
  const refused = await m.goto('/admin/organisation');
  expect(refused?.status()).toBe(403);
});
