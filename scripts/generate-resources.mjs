#!/usr/bin/env node
// Writes resources/ (app icons, tray images, notification sounds) from the one source drawing in
// scripts/resources/artwork.mjs. Deterministic: running it again gives the same bytes, which a unit test
// checks. Usage: node scripts/generate-resources.mjs [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appIcon, trayGlyph } from './resources/artwork.mjs';
import { encodeIcns, encodeIco } from './resources/containers.mjs';
import { encodePng } from './resources/png.mjs';
import { SOUNDS, encodeWav } from './resources/sounds.mjs';

/** The PNG sizes of the app icon under resources/icons/ (Linux reads NxN.png from there). */
const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const BLACK = [0, 0, 0];
const WHITE = [255, 255, 255];
const SLATE = [30, 41, 59];

function generateResources() {
  const files = new Map();
  const iconPng = new Map(ICON_SIZES.map((size) => [size, encodePng(appIcon(size), size, size)]));
  for (const [size, png] of iconPng) files.set(`icons/${size}x${size}.png`, png);
  files.set('icon.png', iconPng.get(1024));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => [size, iconPng.get(size)])));
  files.set('icon.icns', encodeIcns(iconPng));
  const tray = (name, colour) => {
    files.set(`tray/${name}.png`, encodePng(trayGlyph(16, colour), 16, 16));
    files.set(`tray/${name}@2x.png`, encodePng(trayGlyph(32, colour), 32, 32));
  };
  tray('trayTemplate', BLACK);
  tray('trayLight', SLATE);
  tray('trayDark', WHITE);
  for (const [kind, notes] of Object.entries(SOUNDS)) files.set(`sounds/${kind}.wav`, encodeWav(notes));
  return files;
}

function main() {
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : join(import.meta.dirname, '../resources');
  for (const [path, bytes] of generateResources()) {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), bytes);
  }
  console.log(`resources written to ${out}`);
}

main();
