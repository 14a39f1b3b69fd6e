// Is a text Arabic? The share of Arabic-script letters among all letters.

// Below this share a text is kept with INPUT_NOT_ARABIC and not extracted. Arabic news quotes Latin
// names, acronyms and URLs; 30% leaves room for a heavily quoted page while catching English and
// French articles, whose Arabic share is near 0.
export const ARABIC_THRESHOLD = 0.3;

const LETTER = /\p{L}/u;
const ARABIC = /\p{Script=Arabic}/u;

/** Share (0..1) of letters in `text` that are Arabic script; 0 when there are no letters. */
export function arabicShare(text: string): number {
  let letters = 0;
  let arabic = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (ARABIC.test(ch)) arabic++;
  }
  return letters === 0 ? 0 : arabic / letters;
}
