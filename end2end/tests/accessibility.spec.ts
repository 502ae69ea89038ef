import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callApi, newPerson, signIn } from './accounts';
import { demoPassword, demoPerson } from './demo';
import { gotoHydrated } from './helpers';
import { totp } from './totp';

// WCAG 2.2 AA, checked by axe-core on every page route of the app (pages.json, which an
// integration test keeps equal to the router's list), hydrated, in the light theme on a
// desktop screen and in the dark theme 320 px wide (where every page must reflow: nothing
// wider than the screen but a table scrolling in its own box), as the people of the demo company (`v2mom demo`: real reviews, check-ins and
// charts), a visitor and a newcomer; with the states that add markup: the editor and the
// check-in form showing errors, recovery codes just shown, the second sign-in step, 403 and
// 404 pages.

const routes: string[] = JSON.parse(readFileSync(join(__dirname, 'pages.json'), 'utf8')).routes;
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Role = 'visitor' | 'newcomer' | 'administrator' | 'manager' | 'employee';

/** What the addresses need, found once signed in (see `prepare`). */
type Ids = { v2mom: string; review: string; person: string; webhook: string; token: string; email: string };

/** One page to check: its route, its address, and what to do there before checking. */
type Visit = { route: string; path: (ids: Ids) => string; then?: (page: Page, ids: Ids) => Promise<void> };

const at = (path: string): Visit => ({ route: path, path: () => path });

/** The editor after a refused save (a title past its 200 characters): the error summary
 * and the field's message. Nothing is saved. */
const editorWithErrors: Visit = {
  route: '/v2moms/{id}/edit',
  path: (ids) => `/v2moms/${ids.v2mom}/edit`,
  then: async (page) => {
    await page.getByLabel('Title').fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.locator('form .error-summary')).toBeFocused();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Every role's own V2MOM, its editor and history, and the pages of their own account. */
const everyone: Visit[] = [
  at('/'),
  at('/v2moms'),
  at('/alignment'),
  at('/notifications'),
  at('/profile'),
  { route: '/v2moms/{id}', path: (ids) => `/v2moms/${ids.v2mom}` },
  editorWithErrors,
  { route: '/v2moms/{id}/history', path: (ids) => `/v2moms/${ids.v2mom}/history` },
];

const visits: Record<Role, Visit[]> = {
  visitor: [
    at('/login'),
    at('/register'),
    at('/setup'),
    at('/unsubscribe'),
    { route: '/invite/{token}', path: (ids) => `/invite/${ids.token}` },
    // Not a route: the 404 page, under the router's fallback.
    { route: '/', path: () => '/no-such-page' },
  ],
  newcomer: [
    {
      route: '/profile/security',
      path: () => '/profile/security',
      then: async (page) => {
        await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
        const key = (await page.locator('#totp-secret').textContent())!;
        await page.getByLabel('Code from the app', { exact: true }).fill(totp(key));
        await page.getByRole('button', { name: 'Turn on' }).click();
        await expect(page.locator('#recovery-codes')).toBeVisible();
      },
    },
    {
      route: '/login/second-factor',
      path: () => '/profile',
      then: async (page, ids) => {
        await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
        await expect(page).toHaveURL(/\/login$/);
        await page.getByLabel('Email').fill(ids.email);
        await page.getByLabel('Password').fill('orbit velvet canyon 77');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await expect(page).toHaveURL(/\/login\/second-factor/);
        await expect(page.locator('main[data-hydrated="true"]')).toBeVisible();
      },
    },
  ],
  administrator: [
    ...everyone,
    at('/team'),
    ...[
      '/admin/people',
      '/admin/people/import',
      '/admin/organisation',
      '/admin/periods',
      '/admin/audit',
      '/admin/sso',
      '/admin/webhooks',
      '/admin/api-keys',
    ].map(at),
    { route: '/admin/people/{id}', path: (ids) => `/admin/people/${ids.person}` },
    { route: '/admin/webhooks/{id}', path: (ids) => `/admin/webhooks/${ids.webhook}` },
  ],
  manager: [
    ...everyone,
    at('/team'),
    // A report's V2MOM waiting for their review: the review form.
    { route: '/v2moms/{id}', path: (ids) => `/v2moms/${ids.review}` },
  ],
  employee: [
    ...everyone,
    {
      route: '/v2moms/{id}',
      path: (ids) => `/v2moms/${ids.v2mom}`,
      then: async (page) => {
        // A figure no measure takes: the server refuses it, field by field.
        const form = page.locator('form.check-in').filter({ has: page.locator('input[name="value"]') }).first();
        await form.locator('input[name="value"]').fill('2e12');
        await form.getByRole('button', { name: 'Check in' }).click();
        await expect(form.locator('.error-summary')).toBeFocused();
      },
    },
    at('/profile/notifications'),
    at('/profile/security'),
    at('/profile/api-keys'),
    // Refused: the 403 page.
    at('/admin/people'),
  ],
};

const demoLogin: Partial<Record<Role, string>> = {
  administrator: 'casey',
  manager: 'morgan',
  employee: 'avery',
};

/** The id in the first link in `scope` whose address matches `pattern`. */
async function linkedId(scope: Locator, pattern: RegExp): Promise<string> {
  const hrefs = await scope.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const id = hrefs.map((href) => pattern.exec(href)?.[1]).find(Boolean);
  expect(id, `a link matching ${pattern} among ${hrefs.join(' ')}`).toBeTruthy();
  return id!;
}

/** Signs `page` in as the role and finds the ids its addresses need. */
async function prepare(role: Role, page: Page, browser: Browser, password: string): Promise<Ids> {
  const ids: Ids = { v2mom: '', review: '', person: '', webhook: '', token: '', email: '' };
  const login = demoLogin[role];
  if (login) {
    await signIn(page, demoPerson(login), password);
    await gotoHydrated(page, '/');
    ids.v2mom = await linkedId(page.locator('section[aria-labelledby="mine-heading"]'), /^\/v2moms\/(\d+)$/);
  }
  if (role === 'manager') {
    ids.review = await linkedId(page.getByRole('region', { name: 'Needs you now' }), /^\/v2moms\/(\d+)$/);
  }
  if (role === 'administrator') {
    await gotoHydrated(page, '/admin/people');
    ids.person = await linkedId(page.locator('main'), /^\/admin\/people\/(\d+)$/);
    const made = await callApi(page, 'webhooks/create', {
      url: 'http://127.0.0.1:9/accessibility',
      'events[0]': 'v2mom.published',
      format: 'json',
    });
    expect(made.status()).toBe(200);
    ids.webhook = String((await made.json()).webhook.id);
  }
  if (role === 'visitor' || role === 'newcomer') {
    // An administrator in another browser invites someone.
    const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    const admin = await context.newPage();
    await signIn(admin, demoPerson('casey'), password);
    if (role === 'visitor') {
      const invited = await callApi(admin, 'users/invite', {
        email: `invitee-${Math.random().toString(36).slice(2, 8)}@northwind.example.com`,
        name: 'Ira Invitee',
        role: 'employee',
        manager: '',
        function: '',
        job_title: '',
      });
      expect(invited.status()).toBe(200);
      ids.token = (await invited.json()).link.split('/').pop();
    } else {
      // Signed in in this page's browser: the invitation accepted here.
      const newcomer = await newPerson(admin, browser, 'employee');
      ids.email = newcomer.email;
      await newcomer.page.context().close();
      await signIn(page, newcomer.email, 'orbit velvet canyon 77');
    }
    await context.close();
  }
  return ids;
}

/** Whatever makes the page wider than the window (WCAG 1.4.10), a line per element. */
async function overflow(page: Page, label: string): Promise<string[]> {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll, .visually-hidden'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ends at ${Math.round(e.getBoundingClientRect().right)} px`);
  });
  return wide.map((what) => `${label}: wider than the window: ${what}`);
}

/** axe's findings on the page as it is now, one line per rule and element. */
async function violations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${label}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary}`),
  );
}

test('every page route is checked, and nothing but the routes', () => {
  const checked = new Set(Object.values(visits).flatMap((list) => list.map((v) => v.route)));
  expect([...checked].sort()).toEqual([...routes].sort());
});

for (const theme of ['light', 'dark'] as const) {
  const narrow = theme === 'dark';
  for (const role of Object.keys(visits) as Role[]) {
    const how = narrow ? 'dark theme, 320 px wide' : 'light theme';
    test(`every page a ${role} sees passes WCAG 2.2 AA, ${how}`, async ({ page, browser }, testInfo) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: theme });
      if (narrow) await page.setViewportSize({ width: 320, height: 800 });
      // Leaving the editor after its refused save asks first: yes, leave.
      page.on('dialog', (dialog) => dialog.accept());
      const ids = await prepare(role, page, browser, await demoPassword(testInfo));
      const found: string[] = [];
      for (const visit of visits[role]) {
        const path = visit.path(ids);
        await gotoHydrated(page, path);
        await visit.then?.(page, ids);
        found.push(...(await violations(page, path)));
        if (narrow) found.push(...(await overflow(page, path)));
      }
      expect(found).toEqual([]);
    });
  }
}
