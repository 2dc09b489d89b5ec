// The one import of the WebExtension API: Firefox's `browser`, or Chrome's through the polyfill.
// Tests fake this module and nothing else.
import browser from 'webextension-polyfill';

export { browser };
export type { Action, Runtime, Storage, Tabs } from 'webextension-polyfill';
