import type { SwitchboardApi } from '../../../shared/contracts/rpcTransport';

declare global {
  interface Window {
    /** Provided by the preload (desktop) or installed by the web shim (browser). */
    switchboard?: SwitchboardApi;
  }
}

export {};
