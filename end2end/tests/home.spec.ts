import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { currentPeriod, fillV2mom, open, saveAndView, startV2mom } from './v2mom-steps';

// One organisation, three homes: each shows what needs that person and the plans around
// theirs, with links that go where they say. Server-rendered, so with or without JavaScript.
test('the employee, manager and administrator homes show what needs each and the plans around @nojs', async ({
  page,
  browser,
}, testInfo) => {
  // Four people write, review and read in one journey: 18–23 s alone, past the default 30 s
  // once under the whole suite's load through the balancer.
  test.slow();
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
  const employee = await newPerson(page, browser, 'employee', { manager: manager.id, javaScriptEnabled });
  const waiting = await newPerson(page, browser, 'employee', { manager: manager.id, javaScriptEnabled });
  const m = manager.page;

  // The manager's plan, then the employee's aligned to it, both published; one check-in.
  await startV2mom(m, `${manager.name} (me)`, { javaScriptEnabled });
  await fillV2mom(m, { vision: 'Ship every week', method: 'Automate releases' });
  await saveAndView(m, javaScriptEnabled);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');
  const id = await startV2mom(m, employee.name, { javaScriptEnabled });
  await fillV2mom(m, { vision: 'Releases without fear', method: 'Own the pipeline' });
  await m.getByLabel("Aligned to my manager's method").first().selectOption({ label: 'Automate releases' });
  await saveAndView(m, javaScriptEnabled);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');
  await open(m, `/v2moms/${id}`, javaScriptEnabled);
  await m.getByLabel('Value now (releases)').fill('26');
  await m.getByRole('button', { name: 'Check in' }).click();
  await expect(m.getByLabel('Overall progress: 50%')).toBeVisible();
  // The other report writes theirs and submits it.
  const w = waiting.page;
  const theirs = await startV2mom(w, `${waiting.name} (me)`, { javaScriptEnabled });
  await fillV2mom(w, { vision: 'Learn the platform', method: 'Pair weekly' });
  await saveAndView(w, javaScriptEnabled);
  await w.getByRole('button', { name: 'Submit for review' }).click();
  await expect(w.locator('.eyebrow .status')).toHaveText('In review');

  // The employee: their progress, the plan above with what theirs serves, nothing to do.
  const e = employee.page;
  await open(e, '/', javaScriptEnabled);
  await expect(e.getByText('Nothing needs you right now.')).toBeVisible();
  await expect(e.getByLabel('Overall progress: 50%')).toBeVisible();
  await expect(e.getByLabel('Progress of “Own the pipeline”: 50%')).toBeVisible();
  const chain = e.getByRole('region', { name: 'Up your chain' });
  await expect(chain.getByText('Yours aligns to: Automate releases')).toBeVisible();
  await chain.getByRole('link', { name: `${manager.name}'s V2MOM` }).click();
  await expect(e).toHaveURL(/\/v2moms\/\d+$/);
  await expect(e.getByRole('heading', { name: 'Up your chain' })).toHaveCount(0);

  // The manager: the review waiting, and the team at a glance with a way to the team page.
  await open(m, '/', javaScriptEnabled);
  const team = m.getByRole('region', { name: 'My team' });
  await expect(team.locator('.coverage')).toHaveText('1 published · 1 in review · 0 draft · 0 without a V2MOM');
  await expect(team.getByLabel(`${employee.name}'s progress: 50%`)).toBeVisible();
  await expect(m.getByRole('region', { name: 'Up your chain' })).toContainText('You report to nobody');
  const review = m.locator('.needs li', { hasText: `${waiting.name}'s V2MOM is waiting for your review.` });
  await review.getByRole('link', { name: 'Review it' }).click();
  await expect(m).toHaveURL(new RegExp(`/v2moms/${theirs}$`));
  await open(m, '/', javaScriptEnabled);
  await team.getByRole('link', { name: 'Open the team page' }).click();
  await expect(m).toHaveURL(/\/team$/);

  // The administrator, once the organisation runs, has no checklist left.
  await open(page, '/', javaScriptEnabled);
  await expect(page.getByRole('heading', { name: 'Needs you now' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Get your organisation going' })).toHaveCount(0);
});
