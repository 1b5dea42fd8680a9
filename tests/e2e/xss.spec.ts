/**
 * XSS corpus: hostile markup in customer messages, email subjects and HTML email bodies, and
 * contact names, ingested through the public API and opened in the real UI in Chromium.
 *
 * Passing means three things at once: nothing ran (no dialog, `window.__pwned` never set, no
 * CSP violation reported, which would mean the page tried to run injected script), nothing was
 * turned into markup (no element in the document carries an inline `on*` handler, a
 * `javascript:` URL, an iframe, object or embed), and every payload is shown as the literal
 * text the customer sent.
 */
import { expect, test, type Page } from '@playwright/test';
import { startStack, type Stack, signIn } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '<svg onload="window.__pwned=3"><script>window.__pwned=3</script></svg>',
  '<svg><animate onbegin="window.__pwned=4" attributeName=x dur=1s>',
  '<a href="javascript:window.__pwned=5;alert(5)">open your invoice</a>',
  'javascript:alert(6)',
  '<iframe srcdoc="<script>parent.__pwned=7;parent.alert(7)</script>"></iframe>',
  '<div onmouseover="window.__pwned=8" style="position:fixed;inset:0;z-index:9999">hover</div>',
  '"><script>alert(9)</script><"',
  "'><img src=x onerror=alert(10)>",
  '<body onload=alert(11)>',
  '<details open ontoggle="window.__pwned=12">x</details>',
  '<input autofocus onfocus="window.__pwned=13">',
  '<object data="javascript:alert(14)"></object><embed src="javascript:alert(14)">',
  '<a href="data:text/html,<script>alert(15)</script>">data link</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>',
  '<style>@import "javascript:alert(17)";body{display:none}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(18)">',
  '<base href="javascript:alert(19)//">',
  '{{constructor.constructor("window.__pwned=20")()}}',
  '$t(app.title) {{subject}} <%= 21 %>',
  '&lt;script&gt;alert(22)&lt;/script&gt;',
];

const EMAIL_HTML = `<!doctype html><html><head><style>body{display:none}</style><script>window.__pwned=30</script></head>
<body onload="window.__pwned=31"><p>Hello, my <b>order</b> is late.</p><img src="https://tracker.example/p.gif" onerror="alert(32)">
<a href="javascript:alert(33)">Track</a><form action="https://evil.example"><input name=pw></form></body></html>`;

const NAMES = [
  '<img src=x onerror=alert(40)>',
  '<script>window.__pwned=41</script>',
  '"><svg onload=alert(42)>',
  'Robert\'); DROP TABLE contacts;-- <b>Bobby</b>',
];

async function armTraps(page: Page, dialogs: string[]) {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
  });
}

async function signInToMyTeams(page: Page) {
  await signIn(page, stack);
  await page.getByTestId('scope-tab-myTeams').click();
}

/** Nothing ran and nothing became markup, anywhere in the document. */
async function expectInert(page: Page, dialogs: string[]) {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __cspViolations: string[] };
    const handlers: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.trim().toLowerCase();
        if (attr.name.startsWith('on') || value.startsWith('javascript:') || attr.name === 'srcdoc') {
          handlers.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value}">`);
        }
      }
    }
    return {
      pwned: w.__pwned,
      violations: w.__cspViolations,
      handlers,
      embeds: document.querySelectorAll('iframe, object, embed, frame, base, meta[http-equiv="refresh"]').length,
      scripts: Array.from(document.scripts).map((s) => s.src || s.textContent?.slice(0, 40)),
    };
  });
  expect(dialogs).toEqual([]);
  expect(state.pwned).toBeUndefined();
  expect(state.violations).toEqual([]);
  expect(state.handlers).toEqual([]);
  expect(state.embeds).toBe(0);
  // Only the app's own bundle.
  expect(state.scripts.every((s) => typeof s === 'string' && /\/assets\/[\w-]+\.js$/.test(s))).toBe(true);
}

/** The element's text contains every string exactly as sent. */
async function expectLiteral(page: Page, testId: string, texts: string[]) {
  const shown = (await page.getByTestId(testId).textContent()) ?? '';
  for (const text of texts) expect(shown, text).toContain(text);
}

test('hostile customer messages, email HTML and contact names render as inert text', async ({ page }) => {
  const dialogs: string[] = [];
  await armTraps(page, dialogs);
  await signInToMyTeams(page);
  const stamp = Date.now();

  // One chat conversation holding every payload as a customer message.
  let chatId = '';
  for (const [i, text] of PAYLOADS.entries()) {
    const { conversationId } = await stack.ingest({
      channel: 'chat',
      externalId: `xss-chat-${stamp}-${i}`,
      conversationExternalId: `xss-thread-${stamp}`,
      contact: { externalId: `xss-chat-contact-${stamp}`, name: `XSS chat ${stamp}` },
      text,
    });
    chatId = conversationId;
  }
  // An email whose subject and body are HTML.
  const { conversationId: emailId } = await stack.ingest({
    channel: 'email',
    externalId: `xss-email-${stamp}`,
    contact: { externalId: `xss-email-contact-${stamp}`, name: `XSS email ${stamp}`, email: 'x@example.com' },
    subject: '<img src=x onerror=alert(50)><script>window.__pwned=50</script>',
    text: EMAIL_HTML,
  });
  // Contacts whose names are payloads.
  const named: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const { conversationId } = await stack.ingest({
      channel: 'chat',
      externalId: `xss-name-${stamp}-${i}`,
      contact: { externalId: `xss-name-contact-${stamp}-${i}`, name },
      text: `Hello from contact ${i}`,
    });
    named.push(conversationId);
  }

  const row = (id: string) => page.locator(`[data-testid="inbox-row"][data-conversation-id="${id}"]`);
  const view = page.getByTestId('conversation-view');

  // Let every arrival land first, so the list is not reordering under the clicks.
  for (const id of [chatId, emailId, ...named]) await expect(row(id)).toBeVisible();
  await row(chatId).click();
  await expect(view).toHaveAttribute('data-conversation-id', chatId);
  await expect(view).toContainText(PAYLOADS[PAYLOADS.length - 1]!);
  await expectLiteral(page, 'conversation-view', PAYLOADS);
  // Hover and click where injected markup would have been, then look again.
  await view.getByText('open your invoice', { exact: false }).first().hover();
  await view.getByText('open your invoice', { exact: false }).first().click();
  await expectInert(page, dialogs);

  await row(emailId).click();
  await expect(view).toHaveAttribute('data-conversation-id', emailId);
  await expect(view).toContainText('my <b>order</b> is late');
  await expectLiteral(page, 'conversation-view', [
    'Subject: <img src=x onerror=alert(50)><script>window.__pwned=50</script>',
    '<script>window.__pwned=30</script>',
    '<a href="javascript:alert(33)">Track</a>',
  ]);
  await expectInert(page, dialogs);

  for (const [i, id] of named.entries()) {
    await expect(row(id)).toContainText(NAMES[i]!);
    await row(id).click();
    await expect(view).toHaveAttribute('data-conversation-id', id);
    await expect(view).toContainText(`Hello from contact ${i}`);
    await expectLiteral(page, 'contact-panel', [NAMES[i]!]);
  }
  await expectInert(page, dialogs);

  // Search results render snippets of the hostile text.
  await page.getByTestId('inbox-search').fill('onerror');
  await expect(page.locator(`[data-conversation-id="${chatId}"]`).first()).toBeVisible();
  await expectInert(page, dialogs);

  // A reload renders everything again from the local cache.
  await page.reload();
  await expect(page.getByTestId('scope-tab-mine')).toBeVisible();
  await expectInert(page, dialogs);
});
