import { expect, test, type Page } from '@playwright/test';
import { gotoHydrated } from './helpers';
import { fillV2mom, newManagerInOwnEditor, open } from './v2mom-steps';

// What a keyboard (and a screen reader) user needs beyond axe's rules: the skip link, the
// error summary of a refused form, and moving the ranked rows of the editor.

test('the first Tab reaches "Skip to content", which takes the focus past the header @nojs', async ({
  page,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await open(page, '/login', javaScriptEnabled);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab lands in the page (the sign-in form), not on the header's links.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

test('a refused form lists what to correct at its top, each message linking to its field @nojs', async ({
  page,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await open(page, '/register', javaScriptEnabled);
  await page.getByLabel('Your name').fill('Tess Tabber');
  await page.getByLabel('Email').fill(`tess-${Math.random().toString(36).slice(2, 8)}@acme.example`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();

  const summary = page.locator('form .error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toContainText('Please correct these fields:');
  const link = summary.getByRole('link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', '#field-password');
  // The same message the field carries, which names it as its description.
  const message = (await page.locator('#field-password-message').textContent())!;
  expect(message.length).toBeGreaterThan(0);
  await expect(link).toHaveText(message);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  // First in the form: before any field.
  expect(
    await summary.evaluate(
      (s) => (s.compareDocumentPosition(document.getElementById('field-name')!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    ),
  ).toBe(true);
  // Hydrated, the summary takes the focus as the refusal arrives.
  if (javaScriptEnabled) await expect(summary).toBeFocused();
  await link.click();
  await expect(page.getByLabel('Password')).toBeFocused();
});

/** The names in the editor's value rows, in order (the last row is the empty one). */
const valueNames = (page: Page) =>
  expect.poll(() =>
    page
      .locator('input[name^="values["][name$="[name]"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
  );

test('the editor\'s values are reordered from the keyboard, and each move is announced', async ({
  page: adminPage,
  browser,
}) => {
  const page = await newManagerInOwnEditor(adminPage, browser);
  await gotoHydrated(page, page.url());
  for (const name of ['Focus', 'Candour', 'Pace']) {
    await page.getByLabel('New value').fill(name);
    await page.getByRole('button', { name: 'Add value' }).click();
    // The cursor goes on to the empty row the add offers.
    await expect(page.getByLabel('New value')).toBeFocused();
  }
  await valueNames(page).toEqual(['Focus', 'Candour', 'Pace', '']);

  const values = page.locator('fieldset.values');
  await values.getByRole('button', { name: 'Move up' }).nth(2).focus();
  await page.keyboard.press('Enter');
  await valueNames(page).toEqual(['Focus', 'Pace', 'Candour', '']);
  const said = page.locator('.form-actions .visually-hidden[aria-live="polite"]');
  await expect(said).toHaveText('Value “Pace” moved to position 2 of 3.');
  // The focus stays with the row: Enter again moves it on.
  await expect(values.getByRole('button', { name: 'Move up' }).nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await valueNames(page).toEqual(['Pace', 'Focus', 'Candour', '']);
  await expect(said).toHaveText('Value “Pace” moved to position 1 of 3.');
  await page.keyboard.press('Enter');
  await expect(said).toHaveText('Value “Pace” is already first.');
  await valueNames(page).toEqual(['Pace', 'Focus', 'Candour', '']);

  // Someone quicker than the next frame keeps the focus where they put it: the rows are
  // drawn again, but the cursor is not pulled back into the new row.
  await page.getByLabel('New value').fill('Drive');
  const kept = await page.evaluate(async () => {
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('form button')];
    buttons.find((b) => b.textContent?.trim() === 'Add value')!.click();
    const save = buttons.find((b) => b.textContent?.trim() === 'Save')!;
    save.focus();
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    return document.activeElement === save;
  });
  expect(kept).toBe(true);
  await valueNames(page).toEqual(['Pace', 'Focus', 'Candour', 'Drive', '']);
});

test('a move comes back to the moved row\'s button and says where the row went, with or without JavaScript @nojs', async ({
  page: adminPage,
  browser,
}, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const page = await newManagerInOwnEditor(adminPage, browser, javaScriptEnabled);
  await fillV2mom(page, { vision: 'Every move said', method: 'Keep the order' });
  // Without JavaScript "Add value" posts the form and an empty row comes back.
  await page.getByRole('button', { name: 'Add value' }).click();
  await page.getByLabel('New value').fill('Candour');
  await page.getByRole('button', { name: 'Add value' }).click();
  await valueNames(page).toEqual(['Customers first', 'Candour', '']);

  const values = page.locator('fieldset.values');
  await values.getByRole('button', { name: 'Move up' }).nth(1).focus();
  // Without JavaScript this posts the form: the editor comes back from the server, the
  // focus on the button that moved the row, the move said in the live region.
  await page.keyboard.press('Enter');
  if (!javaScriptEnabled) await expect(page).toHaveURL(/\/edit\?moved=/);
  await valueNames(page).toEqual(['Candour', 'Customers first', '']);
  const said = page.locator('.form-actions .visually-hidden[aria-live="polite"]');
  await expect(said).toHaveText('Value “Candour” moved to position 1 of 2.');
  await expect(values.getByRole('button', { name: 'Move up' }).first()).toBeFocused();
});
