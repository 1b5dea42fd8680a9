// electron-builder.yml is complete and consistent with the rest of the repo: it passes the schema
// of the installed electron-builder, every file it names exists, the installers are the ones we
// ship, and better-sqlite3 reaches the package built for Electron. Packaging itself needs
// Electron's download, so it cannot run here; this is what can be checked without it.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const root = join(__dirname, '../../..');
const requireFromHere = createRequire(__filename);
const yaml = requireFromHere('js-yaml') as { load(text: string): unknown };
const text = (path: string) => readFileSync(join(root, path), 'utf8');

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  artifactName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  extraResources: Array<{ from: string; to: string }>;
  protocols: Array<{ name: string; schemes: string[] }>;
  publish: { provider: string; url: string };
  electronFuses: Record<string, boolean>;
  win: { target: Target[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean };
  mac: { target: Target[]; icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; notarize: boolean };
  afterSign: string;
  linux: { target: Target[]; icon: string };
  npmRebuild: boolean;
}

const config = yaml.load(text('electron-builder.yml')) as BuilderConfig;
const pkg = JSON.parse(text('package.json')) as { productName: string; main: string; scripts: Record<string, string> };

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', async () => {
    const { validateConfiguration } = requireFromHere('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean }): Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('names the app and packages the built app the package.json points at', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    // Windows notifications are attributed to this id, which main sets as its AppUserModelID.
    expect(text('electron/main/index.ts')).toContain(`'${config.appId}'`);
    expect(config.productName).toBe(pkg.productName);
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.files).toContain('out/**');
    expect(config.asar).toBe(true);
  });

  it('takes its build resources from resources/, and every file it names exists', () => {
    expect(config.directories.buildResources).toBe('resources');
    for (const path of [config.win.icon, config.mac.icon, config.mac.entitlements, config.mac.entitlementsInherit, config.afterSign]) {
      expect(existsSync(join(root, path)), path).toBe(true);
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(existsSync(join(root, config.linux.icon, `${size}x${size}.png`)), `${size}`).toBe(true);
    }
    for (const { from } of config.extraResources.filter((r) => r.from.startsWith('resources/'))) {
      expect(existsSync(join(root, from)), from).toBe(true);
    }
    expect(config.extraResources.map((r) => r.to)).toEqual(expect.arrayContaining(['tray', 'sounds']));
  });

  it('makes a per-user NSIS installer, a hardened-runtime DMG and an AppImage, each named by OS and arch', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage']);
    expect(config.artifactName).toContain('${os}');
    expect(config.artifactName).toContain('${arch}');
  });

  it('grants the hardened runtime only what V8 and the network need', () => {
    const plist = text(config.mac.entitlements);
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys.sort()).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.network.client']);
  });

  it('registers the switchboard:// scheme for deep links', () => {
    expect(config.protocols).toEqual([{ name: 'Switchboard', schemes: ['switchboard'] }]);
  });

  it('publishes updates to a generic feed whose URL is set at build time', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.SWITCHBOARD_UPDATE_URL}' });
  });

  it('flips the fuses that keep the packaged app from running as plain Node or outside its asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships the better-sqlite3 built for Electron by prepare-native, where main looks for it', () => {
    // electron-builder's own rebuild is off; `npm run dist` builds the module for Electron first.
    expect(config.npmRebuild).toBe(false);
    const steps = pkg.scripts.dist!.split('&&').map((step) => step.trim());
    expect(steps.indexOf('node scripts/prepare-native.mjs')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('node scripts/prepare-native.mjs')).toBeLessThan(steps.findIndex((s) => s.startsWith('electron-builder')));
    const prepare = text('scripts/prepare-native.mjs');
    expect(prepare).toContain("'--runtime=electron'");
    expect(prepare).toContain('node_modules/electron/package.json');
    expect(prepare).toContain("'build/native/better_sqlite3.node'");
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'build/native', to: 'native' }));
    expect(text('electron/main/index.ts')).toContain("join(resources, 'native', 'better_sqlite3.node')");
  });
});

describe('the notarization hook', () => {
  const hook = requireFromHere('../../../scripts/notarize.cjs') as {
    (context: unknown, notarize?: (options: unknown) => Promise<void>): Promise<boolean>;
    notarizeCredentials(env: Record<string, string | undefined>): Record<string, string> | null;
  };
  const context = (platform: string) => ({
    electronPlatformName: platform,
    appOutDir: '/build/mac',
    packager: { appInfo: { productFilename: 'Switchboard' } },
  });

  it('finds an API key or an Apple ID with an app password, and nothing from partial credentials', () => {
    expect(hook.notarizeCredentials({})).toBeNull();
    expect(hook.notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 'T' })).toBeNull();
    expect(hook.notarizeCredentials({ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })).toEqual({
      appleApiKey: 'k.p8',
      appleApiKeyId: 'K',
      appleApiIssuer: 'I',
    });
    expect(hook.notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' })).toEqual({
      appleId: 'a@b.c',
      appleIdPassword: 'p',
      teamId: 'T',
    });
  });

  it('skips without credentials and off macOS, and notarizes the .app when they are set', async () => {
    const notarize = vi.fn(async () => {});
    vi.stubEnv('APPLE_API_KEY', '');
    expect(await hook(context('darwin'), notarize)).toBe(false);
    vi.stubEnv('APPLE_API_KEY', 'k.p8');
    vi.stubEnv('APPLE_API_KEY_ID', 'K');
    vi.stubEnv('APPLE_API_ISSUER', 'I');
    expect(await hook(context('win32'), notarize)).toBe(false);
    expect(notarize).not.toHaveBeenCalled();
    expect(await hook(context('darwin'), notarize)).toBe(true);
    expect(notarize).toHaveBeenCalledWith(expect.objectContaining({ appPath: '/build/mac/Switchboard.app', appleApiKeyId: 'K' }));
    vi.unstubAllEnvs();
  });
});
