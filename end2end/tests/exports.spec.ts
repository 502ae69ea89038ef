// Downloads and print: a V2MOM's files from its page, a period's CSV from the periods page,
// and the page printed as one clean A4 sheet.
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { admin, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';
import { currentPeriod, fillV2mom, periodName, saveAndView, startV2mom } from './v2mom-steps';

/** Clicks the link named `name` and returns the file it downloads, with its text. */
async function download(page: Page, name: string): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  return { file, text: await readFile((await file.path())!, 'utf8') };
}

test('a V2MOM downloads as Markdown, JSON and CSV from its page, and prints on one A4 page @nojs', async ({
  page,
  browser,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
  const m = manager.page;
  const id = await startV2mom(m, `${manager.name} (me)`, { javaScriptEnabled });
  await fillV2mom(m, { vision: 'Ship every week', method: 'Automate releases' });
  await saveAndView(m, javaScriptEnabled);
  await expect(m).toHaveURL(new RegExp(`/v2moms/${id}$`));

  const markdown = await download(m, 'Markdown');
  expect(markdown.file.suggestedFilename()).toMatch(/^v2mom-max-[a-z0-9]+-fy2027-browser-tests\.md$/);
  expect(markdown.text).toContain('## Vision\n\nShip every week');
  expect(markdown.text).toContain('### 1. Automate releases');
  expect(markdown.text).toContain('- Weekly releases: from 0 releases to 52 releases (up is good)');

  const json = await download(m, 'JSON');
  expect(JSON.parse(json.text).content.vision).toBe('Ship every week');

  const csv = await download(m, 'CSV');
  const [header, row] = csv.text.trim().split(/\r?\n/);
  expect(header.split(',').slice(0, 4)).toEqual(['title', 'vision', 'method_rank', 'method']);
  expect(row).toContain('Automate releases');
  expect(row).toContain('Weekly releases');

  // Printing leaves out the site's navigation, the V2MOM's links and every form.
  await m.emulateMedia({ media: 'print' });
  await expect(m.locator('.site-header')).toBeHidden();
  await expect(m.getByRole('navigation', { name: 'This V2MOM' })).toBeHidden();
  await expect(m.getByRole('heading', { name: 'Vision' })).toBeVisible();
  // A typical V2MOM (one value, one method with an obstacle and a measure) is one sheet.
  const pdf = (await m.pdf({ format: 'A4', printBackground: false })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
});

test('an administrator downloads a whole period as one CSV from the periods page', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager');
  const m = manager.page;
  await startV2mom(m, `${manager.name} (me)`);
  await fillV2mom(m, { vision: 'Know every customer', method: 'Call ten a week' });
  await saveAndView(m, true);

  await gotoHydrated(page, '/admin/periods');
  const row = page.getByRole('row').filter({ hasText: periodName });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe('v2moms-fy2027-browser-tests.csv');
  const text = await readFile((await file.path())!, 'utf8');
  expect(text.split(/\r?\n/)[0]).toMatch(/^v2mom_id,owner,manager,function,status,title,vision/);
  expect(text).toContain(`${manager.name},`);
  expect(text).toContain('Call ten a week');
});
