import { expect, type Page } from '@playwright/test';

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
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export async function expectSignedInAs(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('banner').getByText(`Signed in as ${name}`)).toBeVisible();
}
