// One colour per ACLED event type, from the Okabe–Ito palette (told apart with the common colour
// vision deficiencies). The order is the server's cluster order (src/server/map/cluster.ts).

export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;

const COLORS = ['#D55E00', '#E69F00', '#CC79A7', '#0072B2', '#009E73', '#6B6B6B'];
const OTHER = '#444444';

export function typeColor(t: string): string {
  const i = (EVENT_TYPES as readonly string[]).indexOf(t);
  return i < 0 ? OTHER : COLORS[i];
}

export function colorAt(i: number): string {
  return COLORS[i] ?? OTHER;
}
