import { launchWithExtension } from '../scripts/browsers.mjs';
for (const name of ['chromium', 'firefox'] as const) {
  const ext = await launchWithExtension(name);
  const page = await ext.browser.newPage();
  await page.goto('data:text/html,<p>x</p>');
  console.log(name, await page.evaluate(() => ({ coarse: matchMedia('(pointer: coarse)').matches, fine: matchMedia('(pointer: fine)').matches, hoverNone: matchMedia('(hover: none)').matches, hover: matchMedia('(hover: hover)').matches })));
  await ext.close();
}
