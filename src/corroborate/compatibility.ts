// Which ACLED sub-event types can be two tellings of one event. Outlets disagree on the weapon more
// than on the event: "قصف" is an air strike to one and shelling to another, a car bomb is an IED to
// one and a suicide bombing to the next, a battle is reported by its outcome ("took the town").
// Pairs not listed are incompatible: a protest is never an air strike, whatever the town and day.

/** Score of a pair of different sub-event types (order-free); 1 is reserved for the same type. */
const PAIRS: ReadonlyArray<readonly [string, string, number]> = [
  // Explosions/Remote violence: the weapon is what outlets disagree on.
  ['Air/drone strike', 'Shelling/artillery/missile attack', 0.7],
  ['Remote explosive/landmine/IED', 'Suicide bomb', 0.7],
  ['Remote explosive/landmine/IED', 'Grenade', 0.6],
  ['Chemical weapon', 'Air/drone strike', 0.6],
  ['Chemical weapon', 'Shelling/artillery/missile attack', 0.6],
  // An intercepted missile is a strike to the side that fired it.
  ['Disrupted weapons use', 'Air/drone strike', 0.6],
  ['Disrupted weapons use', 'Shelling/artillery/missile attack', 0.6],
  // Battles are told by their fighting or by their outcome; who "regains" and who "overtakes"
  // depends on which side is taken for the state.
  ['Armed clash', 'Non-state actor overtakes territory', 0.7],
  ['Armed clash', 'Government regains territory', 0.7],
  ['Government regains territory', 'Non-state actor overtakes territory', 0.5],
  // One side unarmed to one outlet, fighting back to another.
  ['Armed clash', 'Attack', 0.5],
  // A killing by a planted bomb is told as a killing.
  ['Attack', 'Remote explosive/landmine/IED', 0.5],
  ['Arrests', 'Abduction/forced disappearance', 0.5],
  // Demonstrations: how it ended is what outlets disagree on.
  ['Peaceful protest', 'Protest with intervention', 0.7],
  ['Protest with intervention', 'Excessive force against protesters', 0.7],
  ['Peaceful protest', 'Excessive force against protesters', 0.6],
  ['Peaceful protest', 'Violent demonstration', 0.6],
  ['Protest with intervention', 'Violent demonstration', 0.6],
  ['Violent demonstration', 'Mob violence', 0.7],
];

const TABLE = new Map<string, number>();
for (const [a, b, s] of PAIRS) {
  TABLE.set(`${a}\u0000${b}`, s);
  TABLE.set(`${b}\u0000${a}`, s);
}

/** 1 for the same sub-event type, the table's score for a compatible pair, 0 for incompatible ones. */
export function typeCompatibility(subA: string, subB: string): number {
  if (subA === subB) return 1;
  return TABLE.get(`${subA}\u0000${subB}`) ?? 0;
}
