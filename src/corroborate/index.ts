export { typeCompatibility } from './compatibility.js';
export {
  DEFAULT_THRESHOLD, factsOfRecord, matchReports, type MatchOptions, type MatchReason, type MatchResult, type ReportFacts,
} from './match.js';
export { createCorroborator, factsOfEventRow, type CorroboratorOptions } from './corroborator.js';
