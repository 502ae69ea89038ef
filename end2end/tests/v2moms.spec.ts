import { expect, test, type Browser, type Page } from '@playwright/test';
import { admin, callApi, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';
import { currentPeriod, fillV2mom, newManagerInOwnEditor, saveAndView, saveInEditor, startV2mom } from './v2mom-steps';

// The tests share one planning period, so they run one after another.
test.describe.configure({ mode: 'serial' });

test('a manager writes, aligns and publishes a V2MOM for an employee, who reads it', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager');
  const employee = await newPerson(page, browser, 'employee', { manager: manager.id });
  const m = manager.page;

  // The manager's own V2MOM first, published, so there is a method to align to.
  await startV2mom(m, `${manager.name} (me)`);
  await fillV2mom(m, { vision: 'Ship every week', method: 'Automate releases' });
  await saveInEditor(m);
  await m.getByRole('link', { name: 'View the V2MOM' }).click();
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');

  // Then the employee's, aligned to the manager's method.
  const id = await startV2mom(m, employee.name);
  await fillV2mom(m, { vision: 'Releases without fear', method: 'Own the pipeline' });
  await m.getByLabel("Aligned to my manager's method").first().selectOption({ label: 'Automate releases' });
  await saveInEditor(m);
  await m.getByRole('link', { name: 'View the V2MOM' }).click();
  await expect(m.getByText('Aligned to: Automate releases')).toBeVisible();
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');
  await expect(m.getByText('No check-in yet').first()).toBeVisible();

  // The employee finds it on their home page and can read but not edit it.
  const e = employee.page;
  await gotoHydrated(e, '/');
  await e.getByRole('link', { name: 'My V2MOM' }).click();
  await expect(e.getByText('Releases without fear')).toBeVisible();
  await expect(e.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  // Publishing is the manager's; what the employee may change is an amendment (amend.spec.ts).
  const publish = await callApi(e, 'v2moms/status', { id: String(id), version: '3', change: 'publish' });
  expect(publish.status()).toBe(403);

  // The manager's home: the team's coverage, and the alignment tree shows the two levels.
  await gotoHydrated(m, '/');
  await expect(m.locator('.coverage')).toHaveText('1 published · 0 in review · 0 draft · 0 without a V2MOM');
  await gotoHydrated(m, '/alignment');
  const tree = m.getByRole('list', { name: 'Organisation' });
  await expect(tree.locator(':scope > li').first()).toContainText(manager.name);
  await expect(tree.locator('details summary').first()).toHaveText('1 direct report');
  await expect(tree.locator('details ul li').first()).toContainText(`${employee.name} Published · 1 aligned`);
});

test('an employee submits; the manager returns it with a comment, then approves', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager');
  const employee = await newPerson(page, browser, 'employee', { manager: manager.id });
  const e = employee.page;
  const m = manager.page;

  const id = await startV2mom(e, `${employee.name} (me)`);
  await fillV2mom(e, { vision: 'Learn the platform', method: 'Pair weekly' });
  await saveInEditor(e);
  await gotoHydrated(e, `/v2moms/${id}`);
  await expect(e.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await e.getByRole('button', { name: 'Submit for review' }).click();
  await expect(e.locator('.eyebrow .status')).toHaveText('In review');

  // The manager's home page says it waits for them, one link away.
  await gotoHydrated(m, '/');
  const review = m.locator('.needs li', { hasText: `${employee.name}'s V2MOM is waiting for your review.` });
  await review.getByRole('link', { name: 'Review it' }).click();
  await expect(m).toHaveURL(new RegExp(`/v2moms/${id}$`));
  await gotoHydrated(m, `/v2moms/${id}`);
  await m.getByLabel('Comment for the owner').fill('Add a measure for onboarding.');
  await m.getByRole('button', { name: 'Return with comment' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Draft');

  // The employee's home page shows the comment and the way back to the editor.
  await gotoHydrated(e, '/');
  const returned = e.locator('.needs li', {
    hasText: 'Your manager returned your V2MOM: “Add a measure for onboarding.”',
  });
  await expect(returned.getByRole('link', { name: 'Revise it' })).toHaveAttribute('href', `/v2moms/${id}/edit`);
  await gotoHydrated(e, `/v2moms/${id}`);
  await expect(e.getByText('Add a measure for onboarding.')).toBeVisible();
  await e.getByRole('button', { name: 'Submit for review' }).click();
  await expect(e.locator('.eyebrow .status')).toHaveText('In review');

  await gotoHydrated(m, `/v2moms/${id}`);
  await m.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');
});

test('two people editing at once: the second save shows the conflict and keeps its text', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager');
  const first = manager.page;
  const id = await startV2mom(first, `${manager.name} (me)`);
  await fillV2mom(first, { vision: 'Version one', method: 'Method one' });
  await saveInEditor(first);

  // A second browser of the same manager opens the editor at this version.
  const second = await (await browser.newContext({ storageState: await first.context().storageState() })).newPage();
  await gotoHydrated(second, `/v2moms/${id}/edit`);

  await gotoHydrated(first, `/v2moms/${id}/edit`);
  await first.getByLabel('Vision').fill('Their vision wins the race');
  await saveInEditor(first);

  await second.getByLabel('Vision').fill('My careful vision');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  const notice = second.getByRole('alert').filter({ hasText: 'saved this V2MOM while you were editing' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Their vision wins the race');
  await expect(second.getByLabel('Vision')).toHaveValue('My careful vision');

  // Keeping one's text and saving again replaces theirs.
  await second.getByRole('button', { name: 'Keep my text (then save to replace theirs)' }).click();
  await saveInEditor(second);
  await gotoHydrated(second, `/v2moms/${id}`);
  await expect(second.getByText('My careful vision')).toBeVisible();

  // The history shows what changed between the two saves, word by word.
  await gotoHydrated(second, `/v2moms/${id}/history`);
  await expect(second.getByRole('heading', { name: /Changes from version \d+ to version \d+/ })).toBeVisible();
  await expect(second.locator('.diff ins').first()).toContainText('careful');
});

/** As the admin: a new manager (in a browser with or without JavaScript) editing their own V2MOM. */
test('without JavaScript a manager starts, fills and saves a V2MOM @nojs', async ({ page, browser }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const m = await newManagerInOwnEditor(page, browser, javaScriptEnabled);
  await fillV2mom(m, { vision: 'Plain forms work', method: 'Keep it simple' });
  // "Add value" posts the form: what was typed is saved, and an empty row comes back.
  await m.getByRole('button', { name: 'Add value' }).click();
  await m.getByLabel('New value').fill('Second value');
  await saveAndView(m, javaScriptEnabled);
  await expect(m.getByText('Plain forms work')).toBeVisible();
  await expect(m.getByText('Second value')).toBeVisible();
  await expect(m.getByText('Keep it simple')).toBeVisible();
});

test('a save refused for a field keeps what was typed, with or without JavaScript @nojs', async ({ page, browser }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const m = await newManagerInOwnEditor(page, browser, javaScriptEnabled);
  await fillV2mom(m, { vision: 'Typed before a refusal', method: 'Count what matters' });
  // "Up is good" from 60 to 52 cannot be.
  const start = m.locator('input[name="methods[0][measures][0][start]"]');
  await start.fill('60');
  await m.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(
    m.locator('.field-message').filter({ hasText: 'Up is good: the target must be at least the start.' }),
  ).toBeVisible();
  if (!javaScriptEnabled) {
    await expect(m.getByRole('alert').filter({ hasText: 'Your changes were not saved yet' })).toBeVisible();
  }
  await expect(m.getByLabel('Vision')).toHaveValue('Typed before a refusal');
  await expect(m.locator('input[name="methods[0][title]"]')).toHaveValue('Count what matters');

  await start.fill('0');
  await saveAndView(m, javaScriptEnabled);
  await expect(m.getByText('Typed before a refusal')).toBeVisible();
  await expect(m.getByText('Count what matters')).toBeVisible();
});
