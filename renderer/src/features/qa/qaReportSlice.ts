/**
 * The quality report's calls to the core (`qa.report`, proxied to the server: it needs the
 * network). The report itself lives in the panel's state, since it is a snapshot of a period
 * rather than a view of the cache.
 */
import type { RpcInput, RpcOutput } from '../../../../shared/contracts/rpc';
import { getApi } from '../../api/client';
import type { SliceCreator } from '../../store/types';

export interface QaReportSlice {
  qaReport: {
    load(query: RpcInput<'qa.report'>): Promise<RpcOutput<'qa.report'>>;
  };
}

export const createQaReportSlice: SliceCreator<QaReportSlice> = () => ({
  qaReport: { load: (query) => getApi().qa.report(query) },
});
