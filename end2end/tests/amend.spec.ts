import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import {
  currentPeriod,
  earlierPeriod,
  earlierPeriodName,
  fillV2mom,
  open,
  saveAndView,
  startV2mom,
} from './v2mom-steps';

const banner = 'You are amending this V2MOM: readers still see the published version.';

test('a published V2MOM is amended, readers keep the old text until it is republished, then see the diff @nojs', async ({
  page,
  browser,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
  const reader = await newPerson(page, browser, 'employee', { manager: manager.id, javaScriptEnabled });
  const m = manager.page;
  const r = reader.page;

  // Publish.
  const id = await startV2mom(m, `${manager.name} (me)`, { javaScriptEnabled });
  await fillV2mom(m, { vision: 'Ship every week', method: 'Automate releases' });
  await saveAndView(m, javaScriptEnabled);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');

  // Amend: the editor says what is happening; the manager sees the amendment under a banner.
  await m.getByRole('link', { name: 'Amend' }).click();
  await expect(m.getByRole('heading', { name: 'Amend V2MOM' })).toBeVisible();
  await expect(m.getByText(banner)).toBeVisible();
  await m.getByLabel('Vision').fill('Ship every day');
  await saveAndView(m, javaScriptEnabled);
  await expect(m.getByText(banner)).toBeVisible();
  await expect(m.locator('.vision')).toHaveText('Ship every day');
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');

  // The reader still sees the publication, and nothing of the amendment.
  await open(r, `/v2moms/${id}`, javaScriptEnabled);
  await expect(r.locator('.vision')).toHaveText('Ship every week');
  await expect(r.getByText(banner)).toHaveCount(0);
  await expect(r.getByText(/Amended on/)).toHaveCount(0);

  // Republish: the amendment becomes the publication.
  await open(m, `/v2moms/${id}`, javaScriptEnabled);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.getByText(banner)).toHaveCount(0);
  await expect(m.locator('.vision')).toHaveText('Ship every day');

  // The reader sees the new text, when it was amended, and what changed.
  await open(r, `/v2moms/${id}`, javaScriptEnabled);
  await expect(r.locator('.vision')).toHaveText('Ship every day');
  await expect(r.getByText(/Amended on \d{1,2} [A-Z][a-z]{2} \d{4}/)).toBeVisible();
  await r.getByRole('link', { name: 'See what changed' }).click();
  await expect(r).toHaveURL(/\/history\?a=\d+&b=\d+$/);
  await expect(r.getByRole('heading', { name: /Changes from version \d+ to version \d+/ })).toBeVisible();
  await expect(r.locator('.diff del').first()).toContainText('week');
  await expect(r.locator('.diff ins').first()).toContainText('day');
});

test('a V2MOM starts from the manager’s vision and values, or as a clone of last period’s', async ({
  page,
  browser,
}) => {
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  await earlierPeriod(page);
  const manager = await newPerson(page, browser, 'manager');
  const first = await newPerson(page, browser, 'employee', { manager: manager.id });
  const second = await newPerson(page, browser, 'employee', { manager: manager.id });
  const m = manager.page;

  // The manager's published V2MOM for the period.
  await startV2mom(m, `${manager.name} (me)`);
  await fillV2mom(m, { vision: 'A company people trust', method: 'Answer every ticket' });
  await saveAndView(m, true);
  await m.getByRole('button', { name: 'Publish' }).click();
  await expect(m.locator('.eyebrow .status')).toHaveText('Published');

  // The first report starts theirs from it: the manager's vision and values, no methods.
  const f = first.page;
  await startV2mom(f, `${first.name} (me)`, { from: "The manager's V2MOM (vision and values)" });
  await expect(f.getByLabel('Vision')).toHaveValue('A company people trust');
  await expect(f.locator('input[name="values[0][name]"]')).toHaveValue('Customers first');
  await expect(f.locator('input[name="methods[0][title]"]')).toHaveValue('');

  // Last period, the manager wrote the second report's; this period's is a clone of it.
  await startV2mom(m, second.name, { period: earlierPeriodName });
  await fillV2mom(m, { vision: 'Last year we learned', method: 'Pair every week' });
  await saveAndView(m, true);
  await startV2mom(m, second.name, { from: "The previous period's V2MOM" });
  await expect(m.getByLabel('Vision')).toHaveValue('Last year we learned');
  await expect(m.locator('input[name="methods[0][title]"]')).toHaveValue('Pair every week');
  await expect(m.locator('input[name="methods[0][obstacles][0]"]')).toHaveValue('Old habits');
});
