import { expect, it } from 'vitest';
import { formatReport, runEvaluation } from '../../../server/domain/nlu/evaluate';

// Prints the same figures as `npm run nlu:eval`; asserts only a floor, so wording changes to the
// training data show up as numbers in the log rather than as brittle failures.
it('the evaluation set is classified well above chance on every task', () => {
  const report = runEvaluation();
  console.log(formatReport(report));
  expect(report.messages).toBeGreaterThanOrEqual(300);
  expect(report.issueType.accuracy).toBeGreaterThanOrEqual(0.6);
  expect(report.team.accuracy).toBeGreaterThanOrEqual(0.6);
  expect(report.sentiment.accuracy).toBeGreaterThanOrEqual(0.6);
  expect(report.bot.accuracy).toBeGreaterThanOrEqual(0.6);
});
