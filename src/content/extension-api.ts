// The content script's slice of the WebExtension API, without webextension-polyfill (3 KB of its
// 8 KB budget). Firefox's `browser` and Chrome's `chrome` both return a promise from sendMessage in
// Manifest V3; answering a message is done the way both understand: sendResponse, synchronously.

interface Port {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: Listener): void;
      removeListener(listener: Listener): void;
    };
  };
  i18n: { getMessage(key: string, substitutions?: string[]): string };
}
type Listener = (message: unknown, sender: unknown, sendResponse: (answer: unknown) => void) => boolean;

const globals = globalThis as unknown as { browser?: Port; chrome?: Port };
const api: Port = (globals.browser ?? globals.chrome)!;

export const extension = {
  send: (message: unknown): Promise<unknown> => api.runtime.sendMessage(message),
  /** False once this script is orphaned (the extension was updated or removed). */
  alive: (): boolean => Boolean(api.runtime?.id),
  message: (key: string, substitutions?: string[]): string => api.i18n.getMessage(key, substitutions),
  /** Calls `answer` for each message from the background; what it returns (unless undefined) is the reply. Returns the way to stop. */
  onMessage(answer: (message: unknown) => unknown): () => void {
    const listener: Listener = (message, _sender, sendResponse) => {
      const reply = answer(message);
      if (reply !== undefined) sendResponse(reply);
      return false;
    };
    api.runtime.onMessage.addListener(listener);
    return () => api.runtime.onMessage.removeListener(listener);
  },
};
