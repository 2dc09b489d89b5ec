// The release's Chrome side: upload the zip to the item and submit it for review, through the Chrome Web
// Store API (v2) with chrome-webstore-upload. Tested against a stand-in of the API (test/chrome-web-store.test.ts).
import chromeWebstoreUpload from 'chrome-webstore-upload';

export interface ChromeWebStoreCredentials {
  extensionId: string;
  publisherId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Uploads `zipPath` and publishes it; throws with the store's words when the upload is refused or not finished. */
export async function publishOnChromeWebStore(zipPath: string, credentials: ChromeWebStoreCredentials): Promise<{ crxVersion: string; state: string }> {
  const store = chromeWebstoreUpload(credentials);
  const token = await store.fetchToken();
  // Waits up to two minutes while the store still processes the package (uploadState IN_PROGRESS).
  const upload = await store.uploadExisting(zipPath, token, 120);
  if (upload.uploadState !== 'SUCCEEDED') throw new Error(`the Chrome Web Store did not take the package (uploadState ${upload.uploadState ?? 'absent'}): ${JSON.stringify(upload)}`);
  const published = await store.publish('DEFAULT_PUBLISH', token);
  return { crxVersion: upload.crxVersion ?? '', state: published.state ?? '' };
}
