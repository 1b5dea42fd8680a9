/**
 * What the electronegativity gate (scripts/electronegativity.mjs) does not check: the Electron
 * fuses flipped at packaging time (electron-builder.yml), and that the app window only ever
 * loads the packaged renderer over file:// (or a local dev server in development), whose page
 * pulls nothing from the network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, rendererUrl } from '../../../electron/main/security';

const root = join(__dirname, '../../..');
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

/** Electron's V1 fuse wire (@electron/fuses FuseV1Options), as electron-builder spells the keys. */
const V1_FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

describe('Electron fuses (electron-builder.yml)', () => {
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as {
    electronFuses?: Record<string, unknown>;
    asar?: unknown;
    files?: string[];
  };

  it('flips every security fuse the safe way', () => {
    expect(config.electronFuses).toMatchObject({
      // The binary cannot be run as plain Node (ELECTRON_RUN_AS_NODE) to bypass the app.
      runAsNode: false,
      // NODE_OPTIONS and --inspect cannot inject code into a packaged app.
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // Only the signed, integrity-checked app.asar is loaded.
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // file:// pages get no extra privileges (fetch of other files, service workers…).
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses Electron has, with boolean values', () => {
    for (const [name, value] of Object.entries(config.electronFuses ?? {})) {
      expect(V1_FUSES, `unknown fuse ${name}`).toContain(name);
      expect(typeof value, name).toBe('boolean');
    }
  });

  it('packs the app into an asar and ships no source maps', () => {
    expect(config.asar).not.toBe(false);
    expect(config.files).toContain('!**/*.map');
  });
});

describe('what the app window loads', () => {
  const packaged = 'file:///opt/Switchboard/resources/app.asar/out/renderer/index.html';

  it('loads the packaged renderer in a packaged build, whatever the environment says', () => {
    expect(rendererUrl(packaged, undefined, true)).toBe(packaged);
    expect(rendererUrl(packaged, 'http://localhost:5173/', true)).toBe(packaged);
    expect(rendererUrl(packaged, 'https://evil.example/', true)).toBe(packaged);
  });

  it('takes a dev server only on this machine over http, in development', () => {
    expect(rendererUrl(packaged, 'http://localhost:5173/', false)).toBe('http://localhost:5173/');
    expect(rendererUrl(packaged, 'http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/');
    for (const remote of [
      'https://evil.example/',
      'http://evil.example:5173/',
      'http://localhost.evil.example/',
      'http://127.0.0.1.nip.io/',
      'file:///tmp/evil.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(rendererUrl(packaged, remote, false), remote).toBe(packaged);
    }
  });

  it('treats only the renderer index as the app page under file://', () => {
    expect(isAppUrl(packaged, packaged)).toBe(true);
    expect(isAppUrl(`${packaged}#/inbox`, packaged)).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', packaged)).toBe(false);
    expect(isAppUrl('https://evil.example/out/renderer/index.html', packaged)).toBe(false);
  });

  it('loads windows only through appUrl() in the main process', () => {
    const dir = join(root, 'electron/main');
    const loads: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const match of source.matchAll(/\.(loadURL|loadFile)\(([^)]*\)?)\)/g)) loads.push(`${file}: ${match[0]}`);
      expect(source, file).not.toMatch(/openExternal|webviewTag:\s*true|nodeIntegration:\s*true|webSecurity:\s*false/);
    }
    // Every window (main and pop-outs) loads the app's own page, at most with a hash added.
    expect(loads).toEqual(['index.ts: .loadURL(appUrl(options.hash))']);
  });

  it('serves a renderer page that loads nothing from the network', () => {
    const html = readFileSync(join(root, 'renderer/index.html'), 'utf8');
    const references = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const ref of references) expect(ref, ref).toMatch(/^(?:\.?\/(?!\/)|data:)/);
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    for (const policy of [csp!, CONTENT_SECURITY_POLICY]) {
      // No remote origin anywhere; scripts only from the app itself.
      expect(policy).not.toMatch(/https?:\/\/|\*\.|\s\*(?:\s|;|$)/);
      expect(policy).toMatch(/script-src 'self'(;|$)/);
      expect(policy).not.toMatch(/unsafe-eval/);
      expect(policy).toMatch(/object-src 'none'/);
    }
  });
});
