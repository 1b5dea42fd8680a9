/**
 * The KPI view's call to the core (`kpi.report`, proxied to the server: it needs the network).
 * The report itself lives in the panel's state, since it is a snapshot of a period rather than a
 * view of the cache.
 */
import type { RpcInput, RpcOutput } from '../../../../shared/contracts/rpc';
import { getApi } from '../../api/client';
import type { SliceCreator } from '../../store/types';

export interface KpiSlice {
  kpi: {
    load(query: RpcInput<'kpi.report'>): Promise<RpcOutput<'kpi.report'>>;
  };
}

export const createKpiSlice: SliceCreator<KpiSlice> = () => ({
  kpi: { load: (query) => getApi().kpi.report(query) },
});
