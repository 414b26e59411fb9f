type AudioContextCtor = new () => AudioContext;

let context: AudioContext | null = null;

function ctor(): AudioContextCtor | undefined {
  const w = globalThis as typeof globalThis & { webkitAudioContext?: AudioContextCtor };
  return w.AudioContext ?? w.webkitAudioContext;
}

/**
 * Browsers keep audio muted until the page has seen a tap; calling this from any tap lets a later alert be heard.
 * Never throws.
 */
export function unlockAudio(): void {
  try {
    const Ctor = ctor();
    if (!Ctor) return;
    context ??= new Ctor();
    if (context.state === 'suspended') context.resume().catch(() => {});
  } catch {
    context = null;
  }
}

/** A short two-tone chime for a new assignment. Silent (and harmless) when audio is blocked or missing. */
export function beep(): void {
  try {
    unlockAudio();
    const ctx = context;
    if (!ctx) return;
    const start = ctx.currentTime + 0.01;
    [880, 1320].forEach((frequency, i) => {
      const at = start + i * 0.22;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.22);
    });
    navigator.vibrate?.(200);
  } catch {
    // Audio is a courtesy: the full-screen alert is the signal.
  }
}

const chimed = new Set<string>();

/** Chimes once per key (e.g. a visit id): the alert may be drawn again without ringing again. */
export function chimeOnce(key: string): void {
  if (chimed.has(key)) return;
  chimed.add(key);
  beep();
}

/** An insistent three-pulse alarm for a new incident, distinct from the assignment chime. */
export function alarm(): void {
  try {
    unlockAudio();
    const ctx = context;
    if (!ctx) return;
    const start = ctx.currentTime + 0.01;
    for (let i = 0; i < 6; i++) {
      const at = start + i * 0.18;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = i % 2 ? 740 : 988;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.17);
    }
    navigator.vibrate?.([200, 100, 200, 100, 200]);
  } catch {
    // The banner is the signal; sound is a courtesy.
  }
}

/** Alarms once per key (e.g. an incident id). */
const alarmed = new Set<string>();
export function alarmOnce(key: string): void {
  if (alarmed.has(key)) return;
  alarmed.add(key);
  alarm();
}
