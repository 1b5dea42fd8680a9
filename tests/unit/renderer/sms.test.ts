import { describe, expect, it } from 'vitest';
import { smsLength } from '../../../renderer/src/lib/sms';

describe('smsLength', () => {
  it('counts plain English as GSM-7: 160 in one message, 153 per part after', () => {
    expect(smsLength('')).toMatchObject({ units: 0, segments: 0, encoding: 'gsm7' });
    expect(smsLength('a'.repeat(160))).toMatchObject({ units: 160, singleLimit: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extended GSM characters twice', () => {
    expect(smsLength('€[]')).toMatchObject({ units: 6, encoding: 'gsm7' });
  });

  it('switches to UCS-2 (70 / 67) for Chinese text', () => {
    expect(smsLength('您好'.repeat(35))).toMatchObject({ units: 70, singleLimit: 70, segments: 1, encoding: 'ucs2' });
    expect(smsLength('您好'.repeat(35) + '!')).toMatchObject({ units: 71, segments: 2 });
  });
});
