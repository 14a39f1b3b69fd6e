export { typeCompatibility } from './compatibility.js';
export {
  DEFAULT_THRESHOLD, factsOfRecord, matchReports, type MatchOptions, type MatchReason, type MatchResult, type ReportFacts,
} from './match.js';
export { createCorroborator, factsOfEventRow, type CorroboratorOptions } from './corroborator.js';
export {
  CONTROL_SUB_EVENT_TYPES, controlAt, controlTimeline, controlTimelines, isControlSubEventType, periodAt,
  type ControlActor, type ControlEvent, type ControlEvidence, type ControlPeriod, type ControlSubEventType,
} from './control.js';
export { fatalityFigures, type FatalityFigures, type ReportedToll } from './figures.js';
