/**
 * vitest browser providers for Firefox and WebKit (the `firefox` and `webkit` projects of
 * test/vitest.config.ts). A provider only has to open vitest's orchestrator page in a browser: the
 * page then talks to vitest over its own WebSocket. How each browser is launched, and why this way,
 * is in ./launch.mjs.
 */
import { defineBrowserProvider } from '@vitest/browser';
import { launchFirefox, launchWebKit, type Session } from './launch.mjs';

function sessionProvider(name: string, launch: () => Promise<Session>): ReturnType<typeof defineBrowserProvider> {
  return defineBrowserProvider({
    name,
    supportedBrowser: [name],
    providerFactory() {
      let session: Promise<Session> | null = null;
      return {
        name,
        supportsParallelism: false,
        getCommandsContext: () => ({}),
        async openPage(_sessionId: string, url: string) {
          session ??= launch();
          await (await session).goto(url);
        },
        async close() {
          const s = session;
          session = null;
          if (s !== null) await (await s).close();
        },
      };
    },
  });
}

/** Headless Firefox ESR over WebDriver BiDi (puppeteer-core). */
export const firefox = (): ReturnType<typeof defineBrowserProvider> => sessionProvider('firefox', launchFirefox);

/** WebKitGTK's MiniBrowser on an Xvfb display, over WebKitWebDriver (webdriverio). */
export const webkit = (): ReturnType<typeof defineBrowserProvider> => sessionProvider('webkit', launchWebKit);

/**
 * The same MiniBrowser with JavaScriptCore's SharedArrayBuffer switched on (JSC_useSharedArrayBuffer):
 * the `webkit-threads` project, which runs the thread-pool suites on Safari's engine. WebKitGTK keeps
 * SharedArrayBuffer off even on a cross-origin isolated page; Safari exposes it there.
 */
export const webkitThreads = (): ReturnType<typeof defineBrowserProvider> =>
  sessionProvider('webkit', () => launchWebKit({ useSharedArrayBuffer: 'true' }));
