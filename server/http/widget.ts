/**
 * The web chat widget's files:
 *   GET /widget.js     the embeddable script (built from widget/ into out/widget/widget.js), for any site
 *   GET /demo/widget   a demo shop page with the widget on it (servers started with the demo data only)
 * The widget then talks over the `/visitor` Socket.IO namespace (realtime/visitors.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SwitchboardError } from '../../shared/contracts/errors';
import { DEMO_WIDGET_CHANNEL } from '../demo/seed';

export const WIDGET_BUNDLE = join(__dirname, '..', '..', 'out', 'widget', 'widget.js');

function demoPage(lang: 'zh-CN' | 'en'): string {
  const zh = lang === 'zh-CN';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${zh ? '示例商城 · 在线客服演示' : 'Demo shop · live chat demo'}</title>
<style>
  body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0; color: #1d2433; background: #f6f7f9; }
  header { background: #1f3a68; color: #fff; padding: 18px 32px; font-size: 20px; font-weight: 600; }
  main { max-width: 760px; margin: 32px auto; padding: 0 24px; line-height: 1.6; }
  .card { background: #fff; border: 1px solid #dde2ea; border-radius: 10px; padding: 18px 22px; margin-bottom: 16px; }
  a { color: #2357c6; }
</style>
</head>
<body>
<header>${zh ? '示例商城' : 'Demo shop'}</header>
<main>
  <div class="card">
    <h1>${zh ? '无线降噪耳机 Pro' : 'Wireless noise-cancelling headphones Pro'}</h1>
    <p>${zh ? '这是一个演示页面：右下角的按钮打开在线客服。以顾客身份提问，然后在 Switchboard 工作台里以坐席身份回复。' : 'This is a demo page: the button at the bottom right opens the live chat. Ask something as a customer, then answer as an agent in the Switchboard workstation.'}</p>
    <p><a href="?lang=${zh ? 'en' : 'zh-CN'}">${zh ? 'English' : '中文'}</a></p>
  </div>
</main>
<script src="/widget.js" data-channel="${DEMO_WIDGET_CHANNEL}" data-lang="${lang}" async></script>
</body>
</html>`;
}

const DEMO_CSP = "default-src 'none'; script-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function registerWidgetRoutes(app: FastifyInstance, options: { demoPage: boolean; bundle?: string }): void {
  const bundle = options.bundle ?? WIDGET_BUNDLE;
  app.get('/widget.js', async (_request, reply) => {
    if (!existsSync(bundle)) throw new SwitchboardError('not_found', 'the widget is not built on this server: run `npm run build`');
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('x-content-type-options', 'nosniff')
      .send(readFileSync(bundle));
  });
  app.get('/demo/widget', async (request, reply) => {
    if (!options.demoPage) throw new SwitchboardError('not_found', 'the demo page runs only with the demo data');
    const lang = (request.query as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'zh-CN';
    return reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', DEMO_CSP).send(demoPage(lang));
  });
}
