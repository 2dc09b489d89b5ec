import { launchWithExtension } from '../scripts/browsers.mjs';
for (const name of ['chromium', 'firefox'] as const) {
  const ext = await launchWithExtension(name, { touch: true });
  const page = await ext.browser.newPage();
  try {
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
  } catch (e) { console.log(name, 'setViewport', (e as Error).message); }
  try {
    await page.setUserAgent({ userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0' });
  } catch (e) { console.log(name, 'UA', (e as Error).message); }
  await page.goto('data:text/html,<meta name=viewport content="width=device-width"><p>x</p>');
  console.log(name, await page.evaluate(() => ({ coarse: matchMedia('(pointer: coarse)').matches, hoverNone: matchMedia('(hover: none)').matches, w: innerWidth, ua: navigator.userAgent, touch: 'ontouchstart' in window, mtp: navigator.maxTouchPoints })));
  await ext.close();
}
