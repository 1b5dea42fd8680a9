/**
 * The session token at rest: encrypted with the OS keychain through `safeStorage`, never written
 * in plain text. When the OS offers no encryption the token is kept in memory only and the agent
 * signs in again after a restart.
 */
import type { SafeStorage } from 'electron';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

export interface TokenStore {
  load(): Promise<string | null>;
  save(token: string | null): Promise<void>;
}

export function createTokenStore(safeStorage: SafeStorage, userDataDir: string): TokenStore {
  const file = join(userDataDir, 'session.bin');
  return {
    async load() {
      if (!safeStorage.isEncryptionAvailable()) return null;
      try {
        const sealed = await fs.readFile(file);
        return safeStorage.decryptString(sealed);
      } catch {
        return null; // absent, or sealed by another OS user / keychain: sign in again
      }
    },
    async save(token) {
      if (token === null || !safeStorage.isEncryptionAvailable()) {
        await fs.rm(file, { force: true });
        return;
      }
      await fs.mkdir(userDataDir, { recursive: true });
      await fs.writeFile(file, safeStorage.encryptString(token), { mode: 0o600 });
    },
  };
}
