import { expect, test, type Browser, type Page } from '@playwright/test';
import { admin, callApi, expectSignedInAs, signIn } from './accounts';
import { gotoHydrated } from './helpers';

const password = 'orbit velvet canyon 77';

/** As the signed-in admin, invite someone; returns the link shown once. */
async function invite(page: Page, who: { email: string; name: string; role: string; manager?: string }) {
  await gotoHydrated(page, '/admin/people');
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Name', { exact: true }).fill(who.name);
  await form.getByLabel('Role').selectOption({ label: who.role });
  if (who.manager) await form.getByLabel('Manager').selectOption({ label: who.manager });
  await form.getByRole('button', { name: 'Send invitation' }).click();
  const notice = form.getByRole('status');
  await expect(notice).toContainText(`Invitation ready for ${who.email}`);
  const link = await notice.locator('code').textContent();
  expect(link).toMatch(/\/invite\/[0-9a-f]{64}$/);
  return link!;
}

/** Open the link in a browser of the invitee's own, choose a password, land signed in. */
async function accept(browser: Browser, link: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await gotoHydrated(page, link);
  await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectSignedInAs(page, name);
  return page;
}

test('an admin invites a manager and an employee; the manager sees the employee in their team', async ({ page, browser }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  const manager = { email: `max-${suffix}@acme.example`, name: `Max ${suffix}`, role: 'Manager' };
  const employee = {
    email: `eve-${suffix}@acme.example`,
    name: `Eve ${suffix}`,
    role: 'Employee',
    manager: `${manager.name} (${manager.email})`,
  };

  await signIn(page, admin.email, admin.password);
  const managerLink = await invite(page, manager);
  const employeeLink = await invite(page, employee);

  const managerPage = await accept(browser, managerLink, manager.name);
  await managerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My team' }).click();
  await expect(managerPage.getByRole('heading', { name: 'My team' })).toBeVisible();
  await expect(managerPage.getByRole('list', { name: 'Team' })).toContainText(employee.name);

  const employeePage = await accept(browser, employeeLink, employee.name);
  // No admin link for an employee, and the page itself refuses.
  await expect(employeePage.getByRole('link', { name: 'People' })).toHaveCount(0);
  const adminPage = await employeePage.goto('/admin/people');
  expect(adminPage?.status()).toBe(403);
  await expect(employeePage.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  // Calling the admin server functions directly with the employee's session: 403 as well.
  for (const [endpoint, form] of [
    ['users', { query: '', page: '1' }],
    ['users/invite', { email: `x-${suffix}@acme.example`, name: 'X', role: 'admin', manager: '', function: '', job_title: '' }],
    ['users/status', { id: '1', active: 'false' }],
  ] as const) {
    const response = await employeePage.request.post(`/api/${endpoint}`, {
      form,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(response.status(), endpoint).toBe(403);
  }
  // A used invitation link is dead.
  const reused = await employeePage.goto(employeeLink);
  expect(reused?.status()).toBe(404);
});

test('an admin gives someone who has not accepted yet a new invitation link', async ({ page }) => {
  const suffix = Math.random().toString(36).slice(2, 8);
  await signIn(page, admin.email, admin.password);
  const invited = await callApi(page, 'users/invite', {
    email: `late-${suffix}@acme.example`,
    name: `Late ${suffix}`,
    role: 'employee',
    manager: '',
    function: '',
    job_title: '',
  });
  const { user_id, link: oldLink } = await invited.json();
  await gotoHydrated(page, `/admin/people/${user_id}`);
  await page.getByRole('button', { name: 'Send a new invitation link' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Invitation ready for' });
  await expect(notice).toContainText(`late-${suffix}@acme.example`);
  const newLink = await notice.locator('code').textContent();
  expect(newLink).toMatch(/\/invite\/[0-9a-f]{64}$/);
  expect(newLink).not.toBe(oldLink);
  expect((await page.goto(oldLink))?.status()).toBe(404);
});
