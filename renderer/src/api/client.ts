/**
 * The one way the UI reaches the workstation core. Desktop: the preload put the facade on
 * `window.switchboard`. Browser (web mode): the web shim installs an equivalent facade.
 */
import type { SwitchboardApi } from '../../../shared/contracts/rpcTransport';
import { installWebShim } from './webShim';

let api: SwitchboardApi | null = null;

export function getApi(): SwitchboardApi {
  if (!api) api = window.switchboard ?? installWebShim();
  return api;
}

/**
 * The error code of a rejected facade call. Checked by shape, not by class: errors that cross
 * Electron's contextBridge arrive as plain objects/Errors, so `instanceof RpcCallError` is unreliable.
 */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return 'internal';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
