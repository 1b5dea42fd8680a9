/**
 * A short two-note chime for a new alert the lead wants to hear (alerts.setPreferences `sound`).
 * Web Audio, no file to load; silently does nothing where audio is unavailable or not yet
 * allowed (a browser before the first click).
 */
let context: AudioContext | null = null;

export function playAlertChime(): void {
  try {
    const AudioCtor = globalThis.AudioContext;
    if (!AudioCtor) return;
    context ??= new AudioCtor();
    if (context.state === 'suspended') return;
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.16, 660]] as const) {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.frequency.value = frequency;
      gain.gain.setValueAtTime(0.08, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
      tone.connect(gain).connect(context.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.16);
    }
  } catch {
    // No audio here: the toast is enough.
  }
}
