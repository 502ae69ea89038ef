import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { admin, newPerson, signIn } from './accounts';
import { currentPeriod, fillV2mom, open, saveAndView, startV2mom } from './v2mom-steps';

/** A receiver on this machine that keeps what it is sent and answers 204. */
async function receiver() {
  const taken: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      taken.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/v2mom`, taken, close: () => server.close() };
}

test('a submitted V2MOM reaches a signed webhook and the manager’s bell @nojs', async ({ page, browser }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  const hook = await receiver();
  try {
    await signIn(page, admin.email, admin.password);
    await currentPeriod(page);
    const manager = await newPerson(page, browser, 'manager', { javaScriptEnabled });
    const employee = await newPerson(page, browser, 'employee', { manager: manager.id, javaScriptEnabled });

    // The administrator adds a webhook for submissions; its secret is shown once.
    await open(page, '/admin/webhooks', javaScriptEnabled);
    await page.getByLabel('Address').fill(hook.url);
    await page.getByLabel('v2mom.submitted').check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secretField = page.getByLabel('Signing secret');
    await expect(secretField).toHaveValue(/^whsec_[0-9a-f]{64}$/);
    const secret = await secretField.inputValue();
    await expect(page.getByRole('cell', { name: hook.url, exact: true })).toBeVisible();

    // The employee writes their V2MOM and submits it.
    const e = employee.page;
    const id = await startV2mom(e, `${employee.name} (me)`, { javaScriptEnabled });
    await fillV2mom(e, { vision: 'Ship every week', method: 'Automate releases' });
    await saveAndView(e, javaScriptEnabled);
    await e.getByRole('button', { name: 'Submit for review' }).click();
    await expect(e.locator('.eyebrow .status')).toHaveText('In review');

    // The receiver gets it, signed with the secret. (Other tests' submissions on this server
    // reach it too: it looks for this one.)
    const ours = () => hook.taken.filter((d) => JSON.parse(d.body).data?.v2mom === id);
    await expect.poll(() => ours().length, { timeout: 10_000 }).toBe(1);
    const [delivery] = ours();
    expect(delivery.headers['x-v2mom-event']).toBe('v2mom.submitted');
    const expected = createHmac('sha256', secret).update(delivery.body).digest('hex');
    expect(delivery.headers['x-v2mom-signature']).toBe(`sha256=${expected}`);
    expect(JSON.parse(delivery.body)).toMatchObject({ type: 'v2mom.submitted', data: { v2mom: id } });

    // The delivery log says so.
    await open(page, '/admin/webhooks', javaScriptEnabled);
    const row = page.getByRole('row').filter({ hasText: hook.url });
    await row.getByRole('link', { name: 'Deliveries' }).click();
    await expect(page.getByRole('heading', { name: `Deliveries to ${hook.url}` })).toBeVisible();
    await expect(page.locator('tbody tr').filter({ hasText: 'Delivered' }).first()).toContainText('v2mom.submitted');

    // The manager's bell counts it; the list says it in words; marking it read clears it.
    const m = manager.page;
    await expect
      .poll(async () => {
        await open(m, '/', javaScriptEnabled);
        return m.getByRole('link', { name: 'Notifications, 1 unread' }).count();
      })
      .toBe(1);
    await m.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    await expect(m.getByRole('heading', { name: 'Notifications' })).toBeVisible();
    await expect(m.locator('.notifications li').first()).toContainText(`${employee.name} submitted for review`);
    await m.getByRole('button', { name: /^Mark read/ }).click();
    await expect(m.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
    await m.locator('.notifications li').first().getByRole('link').click();
    await expect(m).toHaveURL(new RegExp(`/v2moms/${id}$`));

    // Removed, the webhook is gone from the list.
    await open(page, '/admin/webhooks', javaScriptEnabled);
    await row.getByRole('button', { name: /^Remove/ }).click();
    await expect(row).toHaveCount(0);
  } finally {
    hook.close();
  }
});

test('each person chooses which notifications are mailed, and how @nojs', async ({ page, browser }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled !== false;
  await signIn(page, admin.email, admin.password);
  const employee = await newPerson(page, browser, 'employee', { javaScriptEnabled });
  const e = employee.page;
  await open(e, '/profile', javaScriptEnabled);
  await e.getByRole('link', { name: 'Notification settings' }).click();
  await expect(e.getByRole('heading', { name: 'Notification settings' })).toBeVisible();
  // This server sends no mail: the page says so, and the choices wait for the day it does.
  await expect(e.getByRole('note')).toContainText('sends no mail');
  const returned = e.getByLabel('Mail me: My V2MOM is returned with a comment');
  const digest = e.getByLabel('In the digest: My V2MOM is returned with a comment');
  await expect(returned).toBeChecked();
  await expect(digest).not.toBeChecked();
  await digest.check();
  await e.getByLabel('Mail me: Someone else checks in on my V2MOM').uncheck();
  await e.getByLabel('The digest comes').selectOption('weekly');
  await e.getByRole('button', { name: 'Save settings' }).click();
  // With JavaScript the form stays and says so; without, the browser posts and comes back.
  if (javaScriptEnabled) await expect(e.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await open(e, '/profile/notifications', javaScriptEnabled);
  await expect(digest).toBeChecked();
  await expect(e.getByLabel('Mail me: Someone else checks in on my V2MOM')).not.toBeChecked();
  await expect(e.getByLabel('Mail me: A V2MOM up my reporting line is published')).toBeChecked();
  await expect(e.getByLabel('The digest comes')).toHaveValue('weekly');
});
