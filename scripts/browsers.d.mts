import type { Browser } from 'puppeteer-core';

export function findBrowser(name: 'chromium' | 'firefox'): string | null;
export function launchWithExtension(
  name: 'chromium' | 'firefox',
  options?: { extensionDir?: string; headless?: boolean; lang?: string; welcomeTab?: 'close' | 'keep'; answerPermissionPrompts?: boolean; position?: { latitude: number; longitude: number }; colorScheme?: 'dark'; realHosts?: import('../stand-ins/real-hosts').RealHostNetwork; touch?: boolean },
): Promise<{ browser: Browser; name: string; extensionId: string; extensionOrigin: string; close(): Promise<void> }>;
export function findWelcomeTab(browser: Browser, extensionOrigin: string, timeoutMs?: number): Promise<import('puppeteer-core').Page | null>;
export const SANDBOX_FLAGS: string[];
export function openForPrint(browser: Browser, html: string): Promise<import('puppeteer-core').Page>;
