// Opaque keyset cursors: base64url of the last row's sort key and id, with the sort they belong to.
// Keyset (not OFFSET) so a page costs the same at row 10 and row 1,000,000 and rows inserted while
// paging never shift a page.

import { MarsadError } from '../doc/diagnostics.js';
import { SORTS, type EventSort } from './types.js';

export interface CursorState {
  sort: EventSort;
  /** Sort key of the last row: a date string or a number. */
  key: string | number;
  id: string;
}

export function encodeCursor(c: CursorState): string {
  return Buffer.from(JSON.stringify([c.sort, c.key, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, sort: EventSort): CursorState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new MarsadError('BAD_REQUEST', 'cursor is not valid');
  }
  if (
    !Array.isArray(parsed) || parsed.length !== 3 ||
    !(SORTS as readonly unknown[]).includes(parsed[0]) ||
    !(typeof parsed[1] === 'string' || (typeof parsed[1] === 'number' && Number.isFinite(parsed[1]))) ||
    typeof parsed[2] !== 'string'
  ) {
    throw new MarsadError('BAD_REQUEST', 'cursor is not valid');
  }
  if (parsed[0] !== sort) throw new MarsadError('BAD_REQUEST', `cursor belongs to sort "${parsed[0]}", not "${sort}"`);
  // A date sort compares text and the others numbers; a key of the other type is a forged cursor.
  const wantsText = sort.replace(/^-/, '') === 'date';
  if (wantsText !== (typeof parsed[1] === 'string')) throw new MarsadError('BAD_REQUEST', 'cursor is not valid');
  return { sort, key: parsed[1], id: parsed[2] };
}
