/**
 * qa.samplingRules.*: the sampling rules, proxied to the server's quality-review API with the
 * session token through the same settings proxy as the admin screen (admin.ts `callSettings`).
 * Team leads and admins only (the core refuses others itself); a lead reads and replaces only their
 * own teams' rules, which the server decides. Offline is a clear `offline` error.
 */
import { QA_SAMPLING_RULES_PATH, QaRpcContract } from '../../../shared/contracts/qa';
import { callSettings, type SettingsRoute } from './admin';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

const ROUTE: SettingsRoute = {
  path: QA_SAMPLING_RULES_PATH,
  roles: ['lead', 'admin'],
  forbidden: 'Only team leads and admins edit sampling rules.',
  offline: 'The server cannot be reached. Sampling rules need a connection; try again when online.',
};

export function qaSamplingHandlers(ctx: CoreContext): HandlersOf<'qa.samplingRules.get' | 'qa.samplingRules.put'> {
  return {
    'qa.samplingRules.get': () => callSettings(ctx, ROUTE, QaRpcContract['qa.samplingRules.get'].output),
    'qa.samplingRules.put': (input) =>
      callSettings(ctx, ROUTE, QaRpcContract['qa.samplingRules.put'].output, input),
  };
}
