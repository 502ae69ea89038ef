import { expect, type Browser, type Page } from '@playwright/test';

/** The administrator the setup project creates on each backend's fresh database. */
export const admin = {
  organisation: 'Acme Corp',
  name: 'Ada Admin',
  email: 'ada@acme.example',
  password: 'quartz lantern meadow 42',
};

/** Sign in through the form (works with and without JavaScript); returns once signed in. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function expectSignedInAs(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('banner').getByText(`Signed in as ${name}`)).toBeVisible();
}

export const personPassword = 'orbit velvet canyon 77';

/** A server function call from `page`'s browser context, as the hydrated app makes it. */
export async function callApi(page: Page, endpoint: string, form: Record<string, string>) {
  return page.request.post(`/api/${endpoint}`, { form, headers: { 'sec-fetch-site': 'same-origin' } });
}

/**
 * A new person, invited by the signed-in admin on `adminPage` and signed in (invitation
 * accepted through the API) in a browser context of their own. Returns their id, name, email
 * and page.
 */
export async function newPerson(
  adminPage: Page,
  browser: Browser,
  role: 'manager' | 'employee',
  { manager, javaScriptEnabled = true }: { manager?: number; javaScriptEnabled?: boolean } = {},
): Promise<{ id: number; name: string; email: string; page: Page }> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const name = `${role === 'manager' ? 'Max' : 'Eve'} ${suffix}`;
  const email = `${role}-${suffix}@acme.example`;
  const invited = await callApi(adminPage, 'users/invite', {
    email,
    name,
    role,
    manager: manager ? String(manager) : '',
    function: 'Engineering',
    job_title: '',
  });
  expect(invited.status()).toBe(200);
  const { user_id, link } = await invited.json();
  const context = await browser.newContext({
    baseURL: new URL(adminPage.url()).origin,
    javaScriptEnabled,
  });
  const page = await context.newPage();
  const accepted = await callApi(page, 'invitation/accept', {
    token: link.split('/').pop(),
    password: personPassword,
  });
  expect(accepted.status()).toBeLessThan(400);
  return { id: user_id, name, email, page };
}
