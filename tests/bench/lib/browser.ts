/**
 * The built renderer in Debian's Chromium (playwright-core, the e2e flags) against a web host on
 * an offline core: what the renderer figure drives. The browser is closed by `close()`; the web
 * host binds 127.0.0.1 only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { Core } from '../../../electron/core/core';
import { startWebHost, type WebHost } from '../../../electron/core/host/webHost';

export const RENDERER_DIR = join(process.cwd(), 'out', 'renderer');
const CHROMIUM = process.env.SWITCHBOARD_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The renderer is measured as built (`npx electron-vite build`); built here when missing. */
export function ensureRendererBuild(log: (line: string) => void): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  log('  building the renderer (npx electron-vite build)');
  execFileSync(join(process.cwd(), 'node_modules', '.bin', 'electron-vite'), ['build'], {
    stdio: 'ignore',
    timeout: 180_000,
  });
}

export interface BenchBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  host: WebHost;
  /** JS heap in use (MiB) after a full GC, read over CDP. */
  heapMiB(page?: Page): Promise<number>;
  close(): Promise<void>;
}

export async function openRenderer(core: Core): Promise<BenchBrowser> {
  const host = await startWebHost({ core, staticDir: RENDERER_DIR, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(host.url);
    const heapMiB = async (target: Page = page) => {
      const session = target === page ? cdp : await context.newCDPSession(target);
      await session.send('HeapProfiler.collectGarbage');
      const { usedSize } = await session.send('Runtime.getHeapUsage');
      if (session !== cdp) await session.detach();
      return usedSize / 2 ** 20;
    };
    return {
      browser,
      context,
      page,
      cdp,
      host,
      heapMiB,
      async close() {
        await browser.close();
        await host.close();
      },
    };
  } catch (error) {
    await browser.close();
    await host.close();
    throw error;
  }
}

// In-page code is passed as source text: the bench runs under tsx, whose transform would add
// helpers (`__name`) to functions handed to page.evaluate that do not exist in the page.
const inPage = <T>(page: Page, source: string, args: unknown): Promise<T> =>
  page.evaluate(`(${source})(${JSON.stringify(args)})`) as Promise<T>;

/** requestAnimationFrame deltas (ms) over `frames` frames, scrolling `selector` by `pxPerFrame` each frame (0: idle). */
export async function frameDeltas(
  page: Page,
  selector: string,
  frames: number,
  pxPerFrame: number,
): Promise<number[]> {
  return inPage(
    page,
    `({ selector, frames, pxPerFrame }) => new Promise((resolve) => {
      const element = document.querySelector(selector);
      const deltas = [];
      let last = 0;
      const step = (time) => {
        if (last) deltas.push(time - last);
        last = time;
        if (element && pxPerFrame) element.scrollTop += pxPerFrame;
        if (deltas.length < frames) requestAnimationFrame(step);
        else resolve(deltas);
      };
      requestAnimationFrame(step);
    })`,
    { selector, frames, pxPerFrame },
  );
}

/** Elements under `selector` (the whole document when null). */
export async function domNodes(page: Page, selector: string | null): Promise<number> {
  return inPage(
    page,
    `(selector) => {
      const root = selector ? document.querySelector(selector) : document.documentElement;
      return root ? root.getElementsByTagName('*').length + 1 : 0;
    }`,
    selector,
  );
}

/**
 * Click the inbox row of `conversationId` and time, inside the page, until the open conversation
 * shows the message `lastMessageId` and one more frame has been produced (it is on screen).
 */
export async function timeOpen(page: Page, conversationId: string, lastMessageId: string): Promise<number> {
  return inPage(
    page,
    `({ conversationId, lastMessageId }) => new Promise((resolve, reject) => {
      const row = document.querySelector('[data-testid="inbox-row"][data-conversation-id="' + conversationId + '"]');
      if (!row) return reject(new Error('row ' + conversationId + ' is not in the list'));
      const start = performance.now();
      const deadline = start + 20000;
      row.click();
      const check = () => {
        const view = document.querySelector('[data-testid="conversation-view"]');
        const shown = view && view.dataset.conversationId === conversationId &&
          view.querySelector('[data-testid="message"][data-message-id="' + lastMessageId + '"]');
        if (shown) requestAnimationFrame(() => resolve(performance.now() - start));
        else if (performance.now() > deadline) reject(new Error('conversation ' + conversationId + ' did not render'));
        else requestAnimationFrame(check);
      };
      check();
    })`,
    { conversationId, lastMessageId },
  );
}

/** Renderer main-thread task time so far (ms), from CDP Performance metrics. */
export async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}
