import AxeBuilder from '@axe-core/playwright';
import { chromium, devices } from '@playwright/test';
const base = process.env.BASE ?? 'http://127.0.0.1:3190';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const pages = JSON.parse(process.argv[2]);
for (const { who, url, name, mobile, print } of pages) {
  const ctx = await browser.newContext({ ...(mobile ? devices['Pixel 7'] : { viewport: { width: 1280, height: 900 } }), locale: 'id-ID', timezoneId: 'Asia/Jakarta', baseURL: base });
  const page = await ctx.newPage();
  if (who) {
    const csrf = await (await page.request.get('/api/auth/csrf')).json();
    const r = await page.request.post('/api/auth/login', { data: { username: who, password: 'BandungJuara2026!' }, headers: { 'x-csrf-token': csrf.csrfToken } });
    if (r.status() !== 200) console.log('login', who, r.status(), await r.text());
  }
  page.on('pageerror', (e) => console.log('pageerror', name, e.message)); page.on('console', (m) => { if (m.type() === 'error') console.log('console', name, m.text()); });
  await page.goto(url);
  await page.waitForTimeout(2500);
  if (print) await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(name, 'axe serious/critical:', bad.map((v) => `${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
  if (print) { await page.pdf({ path: `/tmp/shots/${name}.pdf`, format: 'A4' }); }
  await ctx.close();
}
await browser.close();
