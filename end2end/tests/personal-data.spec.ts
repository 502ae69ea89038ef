import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { admin, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';

test('a person downloads their data from their account page', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const eve = await newPerson(page, browser, 'employee');
  await gotoHydrated(eve.page, '/profile');
  const section = eve.page.getByRole('region', { name: 'Your data' });
  const [file] = await Promise.all([
    eve.page.waitForEvent('download'),
    section.getByRole('link', { name: 'Download your data' }).click(),
  ]);
  expect(file.suggestedFilename()).toBe(`v2mom-personal-data-${eve.id}.json`);
  const data = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(data.user_id).toBe(eve.id);
  expect(data.tables.users[0].email).toBe(eve.email);
  expect(data.tables.users[0]).not.toHaveProperty('password_hash');
  expect(data.tables.user_sessions.length).toBeGreaterThan(0);
});

test('an administrator erases a person from their page @nojs', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const eve = await newPerson(page, browser, 'employee');
  await page.goto(`/admin/people/${eve.id}`);
  await expect(page.getByRole('heading', { name: eve.name, level: 1 })).toBeVisible();

  const form = page.getByRole('form', { name: 'Erase this person' });
  await form.getByLabel('Keep them, under the new name').check();
  await form.getByLabel('I understand that this cannot be undone').check();
  await form.getByRole('button', { name: 'Erase this person' }).click();
  const tombstone = `Former employee #${eve.id}`;
  await expect(page.getByRole('heading', { name: tombstone, level: 1 })).toBeVisible();
  await expect(page.getByText(eve.email)).toHaveCount(0);

  // She is signed out everywhere.
  await eve.page.goto('/');
  await expect(eve.page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});
