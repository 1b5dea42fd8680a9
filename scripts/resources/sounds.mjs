// Notification sounds, one per kind of alert, synthesised as short 16-bit mono WAV files: soft
// sine notes with a quick attack and an exponential decay, so each kind is told apart by ear.

export const SAMPLE_RATE = 22050;

/** Notes as [frequency Hz, seconds]; a frequency of 0 is a rest. */
export const SOUNDS = {
  assigned: [
    [659.25, 0.12],
    [880, 0.22],
  ],
  sla_warning: [
    [740, 0.14],
    [0, 0.06],
    [740, 0.14],
  ],
  sla_breached: [
    [880, 0.12],
    [659.25, 0.12],
    [493.88, 0.26],
  ],
  negative_sentiment: [
    [392, 0.16],
    [329.63, 0.28],
  ],
  vip_waiting: [
    [523.25, 0.09],
    [659.25, 0.09],
    [783.99, 0.09],
    [1046.5, 0.24],
  ],
  low_survey: [
    [440, 0.14],
    [349.23, 0.26],
  ],
};

function samples(notes) {
  const out = [];
  for (const [frequency, seconds] of notes) {
    const count = Math.round(seconds * SAMPLE_RATE);
    for (let n = 0; n < count; n++) {
      const t = n / SAMPLE_RATE;
      if (frequency === 0) {
        out.push(0);
        continue;
      }
      const attack = Math.min(1, t / 0.005);
      const release = Math.min(1, (count - n) / (0.01 * SAMPLE_RATE));
      const envelope = attack * release * Math.exp(-t * 9);
      const tone = Math.sin(2 * Math.PI * frequency * t) + 0.25 * Math.sin(4 * Math.PI * frequency * t);
      out.push(Math.round(0.45 * 32767 * envelope * (tone / 1.25)));
    }
  }
  return out;
}

/** A PCM WAV file (RIFF, 16-bit, mono) of the notes. */
export function encodeWav(notes) {
  const pcm = samples(notes);
  const data = Buffer.alloc(pcm.length * 2);
  pcm.forEach((value, i) => data.writeInt16LE(value, i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
