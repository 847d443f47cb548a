import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const [user, lang, ...paths] = process.argv.slice(2);
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const page = await ctx.newPage();
const B = 'http://127.0.0.1:3000';
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
await page.goto(B + '/login');
await page.locator('input').first().fill(user);
await page.locator('input[type=password]').fill('demo1234');
await page.keyboard.press('Enter');
await page.waitForTimeout(1500);
if (lang === 'en') { await page.getByText('English', { exact: true }).first().click(); await page.waitForTimeout(500); }
let i = 0;
for (const p of paths) {
  await page.goto(B + p);
  await page.waitForTimeout(2500);
  const name = `/tmp/w-${user}-${lang}-${i++}.png`;
  await page.screenshot({ path: name, fullPage: false });
  const text = await page.locator('body').innerText();
  const codes = text.match(/\b[a-z]+(?:-[a-z]+)+\b|\b[a-z]+\.[a-z-]+\b|__\w+__/g);
  console.log(p, name, 'suspicious:', [...new Set(codes ?? [])].slice(0, 15).join(' '));
}
await browser.close();
