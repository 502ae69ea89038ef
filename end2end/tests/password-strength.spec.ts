import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { gotoHydrated } from './helpers';

test('the new-password field shows how strong the password is as you type', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const person = await newPerson(page, browser, 'employee');
  const p = person.page;
  await gotoHydrated(p, '/profile');
  const field = p.getByLabel('Password', { exact: true });
  const meter = p.locator('.strength');

  await field.pressSequentially('password1234');
  await expect(meter).toContainText('Strength: weak.');
  await expect(meter).toContainText('too easy to guess');
  await expect(meter.locator('meter')).toBeVisible();

  await field.fill('');
  await field.pressSequentially('copper walrus lagoon 93');
  await expect(meter).toContainText(/Strength: (good|strong)\.$/);
});
