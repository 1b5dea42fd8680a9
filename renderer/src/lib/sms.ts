/**
 * SMS length as carriers count it: 160 characters in one GSM-7 message (153 per part when split),
 * but 70 (67 per part) as soon as any character needs UCS-2, which every Chinese character does.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€';

export interface SmsLength {
  /** Characters as the carrier counts them (extended GSM characters count twice). */
  units: number;
  /** Limit of a single message in this encoding. */
  singleLimit: number;
  segments: number;
  encoding: 'gsm7' | 'ucs2';
}

export function smsLength(text: string): SmsLength {
  let gsmUnits = 0;
  let isGsm = true;
  for (const ch of text) {
    if (GSM_BASIC.includes(ch)) gsmUnits += 1;
    else if (GSM_EXTENDED.includes(ch)) gsmUnits += 2;
    else {
      isGsm = false;
      break;
    }
  }
  if (isGsm) {
    return { units: gsmUnits, singleLimit: 160, segments: gsmUnits === 0 ? 0 : gsmUnits <= 160 ? 1 : Math.ceil(gsmUnits / 153), encoding: 'gsm7' };
  }
  // UCS-2 counts UTF-16 code units: characters outside the BMP (emoji) take two.
  const units = text.length;
  return { units, singleLimit: 70, segments: units <= 70 ? 1 : Math.ceil(units / 67), encoding: 'ucs2' };
}
