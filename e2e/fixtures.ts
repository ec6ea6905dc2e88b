import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Kopi-Aren-Hujan-Sore-26';

export const demoUsers = {
  admin: 'admin',
  verifikator: 'verifikator',
  analis: 'analis',
  camat: 'camat.coblong',
  lurah: 'lurah.dago',
  lurahLain: 'lurah.sukarasa',
  operator: 'operator.dago',
} as const;
export type DemoUser = keyof typeof demoUsers;

/** Logs in through the API (not the form), so a test starts where it means to. */
export async function loginViaApi(page: Page, who: DemoUser) {
  const csrf = await page.request.get('/api/auth/csrf');
  const { csrfToken } = await csrf.json();
  const res = await page.request.post('/api/auth/login', {
    data: { username: demoUsers[who], password: DEMO_PASSWORD },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** Serious and critical WCAG 2.1 AA violations on the current page. */
export async function seriousA11yViolations(page: Page) {
  // Judge the page at rest: no pointer pressing or hovering a button, no colour mid-transition
  // (axe reads computed colours, and a pressed Mantine button is darkened for 150 ms).
  await page.mouse.move(0, 0);
  await page.mouse.up();
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('.mantine-active')))
      el.classList.remove('mantine-active');
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export const test = base;
export { expect };
