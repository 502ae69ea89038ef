import { expect, test } from '@playwright/test';
import { admin, signIn } from './accounts';
import { open } from './v2mom-steps';

// The administrator imports people from CSV: a file with mistakes is refused line by line
// and imports nothing; the corrected one imports, with the links to pass on. The page works
// without JavaScript too (the server keeps the CSV between preview and import).
test('a CSV with mistakes imports nothing; the corrected one invites everyone @nojs', async ({ page }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const suffix = Math.random().toString(36).slice(2, 8);
  const lead = `lead-${suffix}@acme.example`;
  const rows = (leadRole: string) =>
    [
      'name,email,manager_email,role,function',
      `Lena Lead,${lead},,${leadRole},Sales`,
      `Otto Other,otto-${suffix}@acme.example,${lead},employee,Sales`,
    ].join('\n');
  await signIn(page, admin.email, admin.password);
  await open(page, '/admin/people', javaScriptEnabled);
  await page.getByRole('link', { name: 'import many people from a CSV file' }).click();
  await expect(page.getByRole('heading', { name: 'Import people' })).toBeVisible();
  if (javaScriptEnabled) await open(page, '/admin/people/import', true);

  await page.getByLabel('CSV', { exact: true }).fill(rows('boss'));
  await page.getByRole('button', { name: 'Preview' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(problems).toContainText('Line 2: role: write employee, manager or admin.');
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  // The file comes back in the form, to be corrected there.
  await expect(page.getByLabel('CSV', { exact: true })).toHaveValue(rows('boss'));

  if (javaScriptEnabled) {
    // The file picker puts the chosen file's text in the field.
    const file = { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(rows('manager')) };
    await page.getByLabel('Choose a CSV file').setInputFiles(file);
    await expect(page.getByLabel('CSV', { exact: true })).toHaveValue(rows('manager'));
  } else {
    await page.getByLabel('CSV', { exact: true }).fill(rows('manager'));
  }
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('2 to invite · 0 to update · 0 unchanged')).toBeVisible();
  await expect(page.locator('table.import-preview tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(page.getByText('Imported: 2 invited, 0 updated, 0 unchanged.')).toBeVisible();
  await expect(page.locator('.import-done .notice')).toHaveCount(2);

  // They are people now, Otto under Lena.
  await open(page, `/admin/people?q=${suffix}`, javaScriptEnabled);
  const otto = page.locator('table.people tbody tr').filter({ hasText: 'Otto Other' });
  await expect(otto).toContainText('Lena Lead');
});
