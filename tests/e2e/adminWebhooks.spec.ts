/**
 * An admin connects the centre's CRM: adds a webhook endpoint in Admin → Webhooks (the secret is
 * shown once, then only its last characters), a customer writes, and the endpoint's deliveries
 * show the event delivered — to a real receiver on 127.0.0.1 that checks the signature.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { verifyWebhook } from '../../server/domain/webhooks/signing';
import { signIn, type Stack, startStack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: 'switchboard' };

let stack: Stack;
let receiver: Server;
const received: Array<{ body: string; signature: string }> = [];

test.beforeAll(async () => {
  stack = await startStack();
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ body, signature: String(request.headers['switchboard-signature'] ?? '') });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  await stack?.stop();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test('an admin adds a webhook and sees a customer’s new conversation delivered, signed', async ({ page }) => {
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;
  await signIn(page, stack, ADMIN);
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-webhooks').click();
  await expect(page.getByTestId('admin-webhooks')).toBeVisible();

  // A bad address is refused with the server's words, nothing is added.
  await page.getByTestId('webhook-url').fill('ftp://crm.example.test/hooks');
  await page.getByTestId('webhook-add').click();
  await expect(page.getByTestId('webhook-error')).toContainText('http(s)');
  await expect(page.getByTestId('webhook-endpoint')).toHaveCount(0);

  await page.getByTestId('webhook-url').fill(url);
  await page.getByTestId('webhook-add').click();
  const secretBox = page.getByTestId('webhook-secret');
  await expect(secretBox).toContainText('whsec_');
  const secret = (await secretBox.locator('code').textContent())!.trim();
  const endpoint = page.getByTestId('webhook-endpoint');
  await expect(endpoint).toHaveCount(1);
  await expect(endpoint).toContainText(`…${secret.slice(-4)}`);
  await expect(endpoint).not.toContainText(secret);

  const stamp = Date.now();
  const { conversationId } = await stack.ingest({
    channel: 'chat',
    externalId: `webhook-e2e-${stamp}`,
    contact: { externalId: `webhook-e2e-${stamp}`, name: '韩梅' },
    text: `请问周末营业吗？ ${stamp}`,
  });
  await expect.poll(() => received.filter((r) => r.body.includes(conversationId)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const delivery = received.find((r) => r.body.includes(conversationId))!;
  expect(verifyWebhook(delivery.body, delivery.signature, secret, Math.floor(Date.now() / 1000))).toBe(true);

  await endpoint.getByRole('button', { name: 'Recent deliveries' }).click();
  await expect(page.getByTestId('webhook-deliveries')).toContainText('Conversation created · delivered · 1 attempt(s)');
  await page.screenshot({ path: test.info().outputPath('admin-webhooks.png') });
});
