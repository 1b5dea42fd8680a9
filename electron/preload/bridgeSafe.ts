/**
 * contextBridge keeps only the message of an Error that crosses it, so a rejected call would lose
 * its `code` (wrong password vs. server unreachable). Each facade method is wrapped to reject with
 * a plain `{ name, code, message }` object instead, which the bridge copies whole.
 */
export function bridgeSafe(api: Record<string, unknown>): Record<string, unknown> {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    if (typeof value === 'function') {
      safe[key] = value;
    } else if (value && typeof value === 'object') {
      const group: Record<string, unknown> = {};
      for (const [name, fn] of Object.entries(value as Record<string, unknown>)) {
        if (typeof fn !== 'function') continue;
        group[name] = (params: unknown) =>
          (fn as (p: unknown) => Promise<unknown>)(params).catch((error: unknown) => {
            const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : 'internal';
            const message = error instanceof Error ? error.message : String(error);
            return Promise.reject({ name: 'RpcCallError', code, message });
          });
      }
      safe[key] = group;
    }
  }
  return safe;
}
