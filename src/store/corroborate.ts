// The corroboration seam. Until corroboration exists, every report is its own canonical event.

import type { Corroborator } from './types.js';

export const eachReportItsOwnEvent: Corroborator = {
  async assign() {
    return null;
  },
};
