/**
 * A reviewer listens to the call under review: the lead sends a resolved phone call to 周敏, who
 * opens it and plays the recording. The page loads nothing from the provider itself: the server
 * relays the recording, the core hands it over in chunks and the player plays a local blob.
 */
import { expect, test } from '@playwright/test';
import { startDemoRecordingStore, type DemoRecordingStore } from '../../server/demo/recordingStore';
import { DEMO_LEAD, DEMO_REVIEWER, signIn, type Stack, startStack } from './harness';

let stack: Stack;
let store: DemoRecordingStore;
test.beforeAll(async () => {
  store = await startDemoRecordingStore({ seconds: 20 });
  stack = await startStack({ seedDemoReviews: true, recordingOrigins: [store.origin] });
});
test.afterAll(async () => {
  await stack?.stop();
  await store?.close();
});

test('a reviewer plays the recording of the call under review', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('switchboard.language', 'en'));
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'voice',
    externalId: `rec-${stamp}`,
    contact: { externalId: `rec-${stamp}`, name: '陈静', phone: '+8613800001111' },
    text: '客户来电：退货进度查询',
    call: {
      durationSec: 20,
      recordingUrl: `${store.origin}/calls/rec-${stamp}.wav`,
      transcript: [
        { atSec: 1, speaker: 'agent', text: '您好，这里是客服中心，请问有什么可以帮您？' },
        { atSec: 6, speaker: 'customer', text: '我想查一下退货进度。' },
      ],
    },
  });

  await signIn(page, stack, DEMO_LEAD);
  await page.getByTestId('scope-tab-myTeams').click();
  await page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
  await page.getByTestId('action-resolve').click();
  await page.getByTestId('action-request-review').click();
  const dialog = page.getByTestId('review-request-dialog');
  await dialog.locator('[data-agent="agent-zhou-min"]').check();
  await dialog.getByTestId('review-request-submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: /review/i })).toBeVisible();

  await page.getByTestId('sign-out').click();
  await signIn(page, stack, DEMO_REVIEWER);
  await page.getByTestId('qa-row').filter({ hasText: '陈静' }).click();
  const pane = page.getByTestId('qa-pane');
  const callLines = pane.getByTestId('qa-call');
  await expect(callLines).toContainText('我想查一下退货进度。');
  // From the keyboard, as the reviewer scores: P loads and plays it, P again pauses.
  await expect(pane).toBeFocused();
  await page.keyboard.press('p');
  const audio = callLines.getByTestId('qa-recording-audio');
  await expect(audio).toBeVisible();
  await expect(audio).toHaveAttribute('src', /^blob:/);
  // The browser decoded it: 20 seconds of call, as the provider holds it.
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => Math.round(element.duration))).toBe(20);
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(false);
  await page.keyboard.press('p');
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);
  expect(requested.filter((url) => url.startsWith(store.origin))).toEqual([]);
});
