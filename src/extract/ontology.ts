// ACLED's event ontology: 6 event types, 25 sub-event types, 3 disorder types, and the inter codes.
// Category names are ACLED's (facts); the mapping is written here once and used everywhere.

export const SUB_EVENT_TYPES: Record<string, string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
};

export const EVENT_TYPE_OF: Record<string, string> = Object.fromEntries(
  Object.entries(SUB_EVENT_TYPES).flatMap(([type, subs]) => subs.map((s) => [s, type])),
);

/** ACLED's disorder type of an event. */
export function disorderType(eventType: string): string {
  if (eventType === 'Protests' || eventType === 'Riots') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

export const INTER_NAMES: Record<number, string> = {
  1: 'State forces',
  2: 'Rebel groups',
  3: 'Political militias',
  4: 'Identity militias',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
};

/** ACLED interaction code: the two inter codes, smaller first (10 × a + b); a lone actor gives 10 × a. */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 == null) return null;
  if (inter2 == null) return inter1 * 10;
  const [a, b] = inter1 <= inter2 ? [inter1, inter2] : [inter2, inter1];
  return a * 10 + b;
}
