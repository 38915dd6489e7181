// Browsers besides Chromium, launched the way that works on Debian without downloading anything.
// Shared by the vitest browser providers (test/browser/providers.ts: the `firefox` and `webkit`
// projects of test/vitest.config.ts) and the consumer smoke test (test/smoke/run.mjs).
//
// Measured on this 2-vCPU machine (Debian 12, Node 20.20; see ../shared/NOTES.md "Browser tests"):
// - Chromium: Playwright with executablePath /usr/bin/chromium (`apt-get install -y chromium`); not here.
// - Firefox ESR 153 (`apt-get install -y firefox-esr`): puppeteer-core launches it over WebDriver BiDi,
//   no geckodriver (not in Debian; every npm geckodriver downloads it from elsewhere, which fails
//   here). Playwright's Firefox needs Playwright's patched build (not downloadable). Launch ≈ 4–7 s.
// - WebKitGTK 2.50 (`apt-get install -y webkit2gtk-driver xvfb`): WebKitWebDriver drives MiniBrowser
//   over classic WebDriver, through webdriverio's remote() ('wdio:enforceWebDriverClassic': the
//   driver has no BiDi). MiniBrowser has no headless mode: an Xvfb display is started for it.
//   vitest's own webdriverio provider forces browserName 'safari', which WebKitWebDriver rejects, and
//   Playwright's WebKit launcher rejects Debian's MiniBrowser (--inspector-pipe). Session ≈ 2 s.
//   No JSC_* flag is set: the suite runs in Safari's engine as users get it (no Symbol.dispose).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const XVFB = '/usr/bin/Xvfb';

/** MiniBrowser of the installed WebKitGTK (webkit2gtk-4.1 or webkitgtk-6.0), or null. */
export function miniBrowser() {
  const lib = '/usr/lib';
  const dirs = existsSync(lib) ? readdirSync(lib).filter((d) => d.endsWith('-linux-gnu')) : [];
  for (const d of dirs) {
    for (const api of ['webkit2gtk-4.1', 'webkitgtk-6.0', 'webkit2gtk-4.0']) {
      const p = `${lib}/${d}/${api}/MiniBrowser`;
      if (existsSync(p)) return p;
    }
  }
  return null;
}

/** Per engine: what it needs on disk and the Debian packages that provide it. */
export const BROWSERS = {
  chromium: { needs: () => [CHROMIUM], apt: 'chromium' },
  firefox: { needs: () => [FIREFOX], apt: 'firefox-esr' },
  webkit: { needs: () => [WEBKIT_DRIVER, XVFB, miniBrowser() ?? 'MiniBrowser (webkit2gtk)'], apt: 'webkit2gtk-driver xvfb' },
};

/** Why `name` cannot run here (a sentence naming what is missing and how to install it), or null. */
export function browserMissing(name) {
  const b = BROWSERS[name];
  const missing = b.needs().filter((p) => !existsSync(p));
  return missing.length === 0 ? null : `${missing.join(', ')} not installed (apt-get install -y ${b.apt})`;
}

// Children (Xvfb, WebKitWebDriver) die with this process even when a run is interrupted.
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
function start(cmd, args, opts) {
  const c = spawn(cmd, args, opts);
  children.add(c);
  c.on('exit', () => children.delete(c));
  return c;
}

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * A browser session with one page: `goto(url)`, `evaluate(fn)` (runs `fn` in the page, returns its
 * JSON-able result), `version`, `close()`.
 * @typedef {{ version: string, goto(url: string): Promise<void>, evaluate<T>(fn: () => T): Promise<T>, close(): Promise<void> }} Session
 */

/** Firefox ESR headless over WebDriver BiDi (puppeteer-core). @returns {Promise<Session>} */
export async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    const page = await browser.newPage();
    return {
      version: await browser.version(),
      goto: async (url) => void (await page.goto(url)),
      evaluate: (fn) => page.evaluate(fn),
      close: () => browser.close(),
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/**
 * MiniBrowser (WebKitGTK) on its own Xvfb display, over WebKitWebDriver (webdriverio). `jsc`: JavaScriptCore
 * options for the browser's processes (JSC_<name>=<value> in their environment), e.g.
 * { useSharedArrayBuffer: 'true' } — WebKitGTK 2.50 keeps SharedArrayBuffer behind that option even on a
 * cross-origin isolated page, where Safari exposes it.
 * @param {Record<string, string>} [jsc]
 * @returns {Promise<Session>}
 */
export async function launchWebKit(jsc = {}) {
  const binary = miniBrowser();
  if (binary === null) throw new Error(`webkit: ${browserMissing('webkit')}`);
  // -displayfd: Xvfb picks a free display number and writes it to stdout once it accepts clients.
  const xvfb = start(XVFB, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let driver = null;
  const killAll = () => {
    driver?.kill('SIGKILL');
    xvfb.kill('SIGKILL');
  };
  try {
    const display = await new Promise((resolve, reject) => {
      let out = '';
      xvfb.stdout.on('data', (d) => {
        out += d;
        if (out.includes('\n')) resolve(out.trim());
      });
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code} before opening a display`)));
      setTimeout(() => reject(new Error('Xvfb did not open a display within 20 s')), 20_000);
    });
    const port = await freePort();
    const jscEnv = Object.fromEntries(Object.entries(jsc).map(([k, v]) => [`JSC_${k}`, v]));
    driver = start(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, ...jscEnv, DISPLAY: `:${display}` } });
    const { remote } = await import('webdriverio');
    // The driver needs a moment to listen; webdriverio retries the new-session request.
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryCount: 10,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      },
    });
    return {
      version: `MiniBrowser (WebKitGTK ${browser.capabilities.browserVersion})`,
      goto: (url) => browser.url(url).then(() => undefined),
      evaluate: (fn) => browser.execute(fn),
      close: async () => {
        try {
          await browser.deleteSession();
        } finally {
          killAll();
        }
      },
    };
  } catch (e) {
    killAll();
    throw e;
  }
}
