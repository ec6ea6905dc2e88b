import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3188';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const pages = (process.env.PAGES ?? '/admin/periode').split(',');
for (const [name, opts] of [['desktop', { viewport: { width: 1366, height: 900 } }], ['phone', { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 }]]) {
  const ctx = await browser.newContext({ ...opts, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[${name}] console: ${m.text()}`); });
  const csrf = (await (await page.request.get(base + '/api/auth/csrf')).json()).csrfToken;
  await page.request.post(base + '/api/auth/login', { data: { username: 'admin', password: 'BandungJuara2026!' }, headers: { 'x-csrf-token': csrf } });
  for (const p of pages) {
    await page.goto(base + p);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    if (process.env.LINK) { await page.getByRole('link', { name: process.env.LINK }).click(); await page.waitForLoadState('networkidle'); await page.waitForTimeout(600); }
    if (process.env.CLICK) { for (const c of process.env.CLICK.split('|')) { await page.getByRole('button', { name: c }).first().click(); await page.waitForTimeout(400); } }
    const slug = p.slice(1).replace(/[/.?=&]/g, '_');
    await page.screenshot({ path: `/tmp/shots/mine-${name}-${slug}.png`, fullPage: true });
    for (const y of (process.env.CLIPS ?? '').split(',').filter(Boolean)) {
      await page.screenshot({ path: `/tmp/shots/mine-${name}-${slug}-y${y}.png`, fullPage: true, clip: { x: 0, y: Number(y), width: opts.viewport.width, height: 900 } });
    }
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      console.log(name, p, v.id, v.nodes.map((n) => `${n.target.join(' ')} :: ${n.html.slice(0, 160)} :: ${n.failureSummary?.slice(0, 200)}`).join('\n   '));
    }
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - innerWidth);
    console.log(name, p, 'overflow=', overflow);
  }
  await ctx.close();
}
await browser.close();
