/**
 * Typing Chinese through an input method: while a composition is open (pinyin on screen, not yet
 * confirmed), Enter and Ctrl+Enter belong to the IME. The composer must not send the half-typed
 * text, the canned-response typeahead must not pick a response, the inbox search must not run.
 * The composition is a real one in Chromium (DevTools `Input.imeSetComposition`), so the key
 * events carry `isComposing` exactly as a user's IME produces them.
 */
import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { signIn, type Stack, startStack } from './harness';

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.stop();
});

/** Opens a composition showing `pinyin`, as an IME does while the user picks a candidate. */
async function compose(cdp: CDPSession, pinyin: string): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
}

/** A key press delivered while the composition is open (modifiers: 2 = Ctrl). */
async function pressDuringComposition(cdp: CDPSession, modifiers = 0): Promise<void> {
  for (const type of ['keyDown', 'keyUp'] as const)
    await cdp.send('Input.dispatchKeyEvent', { type, key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, modifiers });
}

/** The IME confirms a candidate: the composition is replaced by the chosen text. */
async function confirm(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.insertText', { text });
}

async function openNewConversation(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('scope-tab-myTeams').click();
  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `ime-${stamp}`,
    contact: { externalId: `ime-${stamp}`, name },
    text: `${text} ${stamp}`,
  });
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  await expect(page.getByTestId('conversation-view')).toHaveAttribute('data-conversation-id', conversationId);
}

test('Enter that confirms an IME candidate neither sends the reply nor picks a canned response', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'zh-CN'));
  await signIn(page, stack);
  await openNewConversation(page, '林小雨', '我的退款到哪一步了？');
  const cdp = await page.context().newCDPSession(page);
  const input = page.getByTestId('composer-input');
  const sent = page.getByTestId('conversation-view').locator('[data-testid="message"][data-direction="out"]');

  // Ctrl+Enter while "qing" is still being composed: nothing leaves, the draft stays.
  await input.click();
  await input.pressSequentially('您好，');
  await compose(cdp, 'qing');
  await pressDuringComposition(cdp, 2);
  await confirm(cdp, '请稍等');
  await expect(input).toHaveValue('您好，请稍等');
  await expect(sent).toHaveCount(0);
  // Once confirmed, Ctrl+Enter sends exactly what the agent wrote.
  await input.press('Control+Enter');
  await expect(sent).toHaveCount(1);
  await expect(sent.first()).toContainText('您好，请稍等');
  await expect(input).toHaveValue('');

  // In the typeahead: "ref" composed after "/" matches /refund, but the Enter that confirms the
  // letters is the IME's; only the next Enter picks the response.
  await input.pressSequentially('/');
  await expect(page.getByTestId('canned-menu')).toBeVisible();
  await compose(cdp, 'ref');
  await pressDuringComposition(cdp);
  await confirm(cdp, 'ref');
  await expect(input).toHaveValue('/ref');
  await expect(page.getByTestId('canned-prompt')).toHaveCount(0);
  await expect(page.getByTestId('canned-menu').getByTestId('canned-option').first()).toContainText('/refund');
  await input.press('Enter');
  await expect(page.getByTestId('canned-prompt')).toBeVisible();
});

test('Enter that confirms an IME candidate in the inbox search does not search the pinyin', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'zh-CN'));
  await signIn(page, stack);
  const stamp = Date.now();
  await stack.ingest({
    channel: 'email',
    externalId: `ime-search-${stamp}`,
    contact: { externalId: `ime-search-${stamp}`, name: '郑凯' },
    subject: '发票',
    text: `请问发票什么时候寄出？编号${stamp}`,
  });
  await page.getByTestId('scope-tab-all').click();
  const cdp = await page.context().newCDPSession(page);
  const search = page.getByTestId('inbox-search');
  await search.click();
  await compose(cdp, 'fapiao');
  await pressDuringComposition(cdp);
  // Neither the IME's Enter nor the pause while choosing searched the pinyin: give the
  // search-as-you-type delay (250 ms) ample time, then nothing says "no results for fapiao".
  await page.waitForTimeout(1_000);
  await expect(search).toHaveValue('fapiao');
  await expect(page.locator('#inbox-panel')).not.toContainText('fapiao');
  await confirm(cdp, '发票');
  await expect(search).toHaveValue('发票');
  // What the user confirmed is searched as they typed it, without another key.
  await expect(page.getByTestId('search-results')).toBeVisible();
  await expect(page.getByTestId('search-results')).toContainText('郑凯');
});
