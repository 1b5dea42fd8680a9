/**
 * Accessibility: axe-core over every screen each role works in (and each tab of the tabbed
 * screens, an open conversation, an open review, the shortcuts dialog), in light and dark, in
 * zh-CN and en. A serious or critical violation fails the test and is listed with its nodes, so a
 * screen-reader or keyboard user is never locked out of a screen we ship.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_AGENT, DEMO_LEAD, DEMO_REVIEWER, signIn, type Stack, startStack } from './harness';

const ADMIN = { email: 'admin@demo.switchboard', password: DEMO_AGENT.password };

let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack({ seedDemoReviews: true });
  const stamp = Date.now();
  // A few conversations so the inbox, the thread and the Live screen have rows to check.
  for (const [i, name] of ['Grace Lin', '陈晓东', 'Tom Becker'].entries())
    await stack.ingest({
      channel: i === 1 ? 'email' : 'chat',
      externalId: `a11y-${stamp}-${i}`,
      contact: { externalId: `a11y-${stamp}-${i}`, name, tier: i === 2 ? 'vip' : 'standard' },
      subject: i === 1 ? '发票抬头需要修改' : undefined,
      text: i === 1 ? '您好，我上周的订单发票抬头写错了，麻烦帮我改一下。' : 'Hi, my order has not arrived yet.',
    });
});
test.afterAll(async () => {
  await stack?.stop();
});

interface Finding {
  where: string;
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Serious and critical violations on the page as it stands, tagged with where they were found. */
async function audit(page: Page, where: string): Promise<Finding[]> {
  // Let transitions and countdown ticks settle so axe sees the screen a user sees.
  await page.waitForTimeout(150);
  // Every audited screen is kept as a picture beside the report, for a person to look at.
  const file = where.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  await page.screenshot({ path: join(test.info().outputDir, `${file}.png`) });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      where,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      nodes: violation.nodes
        .slice(0, 5)
        .map((node) => `${node.target.join(' ')} (${(node.failureSummary ?? '').split('\n').slice(1).join(' ').trim()})`),
    }));
}

async function prepare(page: Page, language: 'en' | 'zh-CN', theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript(
    ([lang, mode]) => {
      localStorage.setItem('switchboard.language', lang);
      localStorage.setItem('switchboard.theme', mode);
    },
    [language, theme] as const,
  );
}

async function auditTabs(page: Page, prefix: string, tabs: string[], label: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const tab of tabs) {
    const button = page.getByTestId(`${prefix}-${tab}`);
    if (!(await button.isVisible())) continue;
    await button.click();
    await expect(button).toHaveAttribute('aria-selected', 'true');
    found.push(...(await audit(page, `${label} › ${tab}`)));
  }
  return found;
}

function report(findings: Finding[]): string {
  return findings
    .map((f) => `${f.where}: [${f.impact}] ${f.rule} — ${f.help}\n    ${f.nodes.join('\n    ')}`)
    .join('\n');
}

for (const [language, theme] of [
  ['en', 'light'],
  ['zh-CN', 'dark'],
] as const) {
  test(`every screen passes axe with no serious or critical violation (${language}, ${theme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await prepare(page, language, theme);
    const findings: Finding[] = [];

    // The login screen, before anyone signs in (the harness signs out whoever is signed in).
    await page.goto(stack.appUrl);
    const signedIn = page.getByTestId('signed-in-agent');
    const email = page.getByTestId('login-email');
    await expect(email.or(signedIn)).toBeVisible();
    if (await signedIn.isVisible()) {
      await page.getByTestId('sign-out').click();
      await expect(email).toBeVisible();
    }
    findings.push(...(await audit(page, 'login')));

    // Agent: inbox, an open conversation, the shortcuts dialog, canned responses, their reviews.
    await signIn(page, stack, DEMO_AGENT);
    await page.getByTestId('scope-tab-all').click();
    await expect(page.getByTestId('inbox-row').first()).toBeVisible();
    findings.push(...(await audit(page, 'agent › inbox')));
    await page.getByTestId('inbox-row').first().click();
    await expect(page.getByTestId('composer-input')).toBeVisible();
    findings.push(...(await audit(page, 'agent › conversation')));
    await page.getByTestId('inbox-row').first().focus();
    await page.keyboard.press('?');
    await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
    findings.push(...(await audit(page, 'agent › shortcuts dialog')));
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-canned').click();
    await expect(page.getByTestId('canned-screen')).toBeVisible();
    findings.push(...(await audit(page, 'agent › canned responses')));
    await page.getByTestId('nav-qa').click();
    await expect(page.getByTestId('qa-screen')).toBeVisible();
    findings.push(...(await audit(page, 'agent › my reviews')));

    // Reviewer: the sample, an open review, and the other Quality tabs.
    await signIn(page, stack, DEMO_REVIEWER);
    await expect(page.getByTestId('qa-row').first()).toBeVisible();
    findings.push(...(await audit(page, 'reviewer › to review')));
    await page.getByTestId('qa-row').first().click();
    await expect(page.getByTestId('qa-pane')).toBeVisible();
    findings.push(...(await audit(page, 'reviewer › review screen')));
    findings.push(...(await auditTabs(page, 'qa-tab', ['reviews', 'calibration'], 'reviewer')));

    // Lead: every Live tab, the Quality reports and sampling, the wallboard.
    await signIn(page, stack, DEMO_LEAD);
    await page.getByTestId('nav-live').click();
    await expect(page.getByTestId('live-screen')).toBeVisible();
    findings.push(...(await auditTabs(page, 'live-tab', ['alerts', 'queues', 'report', 'kpi'], 'lead › live')));
    await page.getByTestId('nav-qa').click();
    findings.push(...(await auditTabs(page, 'qa-tab', ['report', 'sampling'], 'lead › quality')));
    await page.getByTestId('nav-wallboard').click();
    await expect(page.getByTestId('wallboard')).toBeVisible();
    findings.push(...(await audit(page, 'lead › wallboard')));

    // Admin: every Admin tab.
    await signIn(page, stack, ADMIN);
    await page.getByTestId('nav-admin').click();
    findings.push(
      ...(await auditTabs(
        page,
        'admin-tab',
        ['policies', 'calendars', 'knowledge', 'scorecards', 'autoQa', 'alerts', 'webhooks'],
        'admin',
      )),
    );

    mkdirSync(test.info().outputDir, { recursive: true });
    // The full list, for whoever fixes them (the test output shows the same).
    writeFileSync(join(test.info().outputDir, 'axe-findings.json'), JSON.stringify(findings, null, 2));
    expect(findings, report(findings)).toEqual([]);
  });
}
