// The interface in German: a German browser's whole way from signing in to a saved V2MOM,
// and a person choosing German on their profile page. What the pages should say is read
// from the app's own message files (messages.ts), so these steps name what a German
// reader sees.
import { expect, test } from '@playwright/test';
import { admin, newPerson, personPassword, signIn } from './accounts';
import { gotoHydrated } from './helpers';
import { messages } from './messages';
import { currentPeriod, open, periodName } from './v2mom-steps';

const de = messages('de');
const en = messages('en');

test('@nojs a German browser signs in, writes a V2MOM and saves it, all in German', async ({ page, browser }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  await currentPeriod(page);
  const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
  await manager.page.context().close();

  // The manager's own browser asks for German (Accept-Language: de-DE).
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'de-DE', javaScriptEnabled });
  const p = await context.newPage();
  await open(p, '/login', javaScriptEnabled);
  await expect(p.locator('html')).toHaveAttribute('lang', 'de');
  await expect(p.getByRole('heading', { name: de('account-login-title'), level: 1 })).toBeVisible();
  await p.getByLabel(de('account-field-email')).fill(manager.email);
  await p.getByLabel(de('account-field-password'), { exact: true }).fill(personPassword);
  await p.getByRole('button', { name: de('account-login-submit'), exact: true }).click();
  await expect(p.getByRole('banner').getByRole('button', { name: de('ui-user-sign-out') })).toBeVisible();
  await expect(p.getByRole('navigation', { name: de('ui-nav-main') }).getByRole('link', { name: de('ui-nav-home') })).toBeVisible();

  // Starting their V2MOM from the V2MOMs page.
  await open(p, '/v2moms', javaScriptEnabled);
  const owner = p.getByLabel(de('v2mom-start-for'));
  await owner.selectOption({ label: `${manager.name} (ich)` });
  await p.getByLabel(de('v2mom-period'), { exact: true }).first().selectOption({ label: periodName });
  await p.getByRole('button', { name: de('v2mom-start'), exact: true }).click();
  await expect(p).toHaveURL(/\/v2moms\/\d+\/edit$/);
  await expect(p.getByRole('heading', { name: de('v2mom-edit-heading') })).toBeVisible();

  // The editor, in German from its labels to its answer.
  await p.getByLabel(de('v2mom-vision'), { exact: true }).fill('Jede Woche ausliefern');
  await p.getByLabel(de('v2mom-new-value')).fill('Kunden zuerst');
  await p.getByLabel(de('v2mom-new-method')).fill('Releases automatisieren');
  await p.getByLabel(de('v2mom-new-obstacle')).fill('Alte Gewohnheiten');
  await p.getByLabel(de('v2mom-new-measure')).fill('Wöchentliche Releases');
  await p.getByLabel(de('v2mom-measure-target')).fill('52');
  await p.getByLabel(de('v2mom-measure-unit'), { exact: true }).fill('Releases');
  await p.getByRole('button', { name: de('v2mom-save'), exact: true }).click();
  if (javaScriptEnabled) {
    await expect(p.getByRole('status').filter({ hasText: de('v2mom-saved') })).toBeVisible();
    await p.getByRole('link', { name: de('v2mom-view-v2mom') }).click();
  }
  // The saved V2MOM, shown in German.
  await expect(p).toHaveURL(/\/v2moms\/\d+$/);
  await expect(p.locator('html')).toHaveAttribute('lang', 'de');
  await expect(p.getByText('Jede Woche ausliefern')).toBeVisible();
  await expect(p.getByRole('heading', { name: de('v2mom-values'), exact: true })).toBeVisible();
  await expect(p.getByRole('heading', { name: de('v2mom-methods'), exact: true })).toBeVisible();
  await context.close();
});

test('a person switches their pages to German on the profile page, and back', async ({ page, browser }) => {
  await signIn(page, admin.email, admin.password);
  const person = await newPerson(page, browser, 'employee');
  const p = person.page;
  await gotoHydrated(p, '/profile');
  await expect(p.locator('html')).toHaveAttribute('lang', 'en');
  await p.getByLabel(en('language-label')).selectOption({ label: 'Deutsch' });
  await p.getByRole('button', { name: en('language-save') }).click();

  // The page comes back in German, and so does every other.
  await expect(p.locator('html')).toHaveAttribute('lang', 'de');
  await expect(p.getByRole('heading', { name: de('account-your-account'), level: 1 })).toBeVisible();
  await expect(p.getByLabel(de('language-label'))).toHaveValue('de');
  await gotoHydrated(p, '/');
  await expect(p.locator('html')).toHaveAttribute('lang', 'de');
  await expect(p.getByRole('banner').getByRole('button', { name: de('ui-user-sign-out') })).toBeVisible();

  // Automatic again: the browser's language (English here).
  await gotoHydrated(p, '/profile');
  await p.getByLabel(de('language-label')).selectOption({ label: de('language-automatic') });
  await p.getByRole('button', { name: de('language-save') }).click();
  await expect(p.locator('html')).toHaveAttribute('lang', 'en');
  await expect(p.getByRole('heading', { name: en('account-your-account'), level: 1 })).toBeVisible();
  await person.page.context().close();
});
