// Every UI text in the renderer comes from the i18n dictionaries: no words written straight into
// JSX text, or into the attributes people read and screen readers speak.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHardcodedStrings, scanRenderer } from './hardcodedStrings';

const root = join(__dirname, '../../..');

/** Texts that are the same in every UI language, each with why. */
const ALLOWED = new Map<string, string>([
  ['S', 'the logo letter (aria-hidden)'],
  ['中文', 'each language is offered in its own name'],
  ['English', 'each language is offered in its own name'],
  ['https://', 'a URL scheme as placeholder'],
  ['kb.return_policy', 'a placeholder showing the form of a knowledge-base key'],
  ['/refund', 'a placeholder showing the form of a canned-response shortcut'],
  ['Europe/Paris', 'a placeholder showing the form of an IANA time zone'],
]);

describe('hard-coded UI strings', () => {
  it('finds text in JSX, in readable attributes and in literals a JSX expression shows', () => {
    const source = `
      export const A = () => (
        <div title="Close" data-testid="close-button" className="x">
          Send now
          <input placeholder={'Search…'} aria-label={busy ? 'Saving' : t('save')} type="text" />
          {open && 'Details'}
          {\`\${count} waiting\`}
          {t('ok')} · {count} — 12
        </div>
      );`;
    expect(findHardcodedStrings(join(root, 'A.tsx'), source, root).map((f) => f.text)).toEqual([
      'Close',
      'Send now',
      'Search…',
      'Saving',
      'Details',
      '${count} waiting',
    ]);
  });

  it('finds none in renderer/src beyond the allowed language-neutral texts', () => {
    const found = scanRenderer(root).filter((f) => !ALLOWED.has(f.text));
    expect(found.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});
