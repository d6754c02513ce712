export { simultaneousSuite, DEFAULT_POLICIES, type SimultaneousSuiteOptions } from './simultaneous-suite.js';
export { simultaneousSession, type SimultaneousSessionOptions } from './simultaneous-session.js';
export { parsePolicy, policySteps, oracleUnits, POLICY_FORMS, type Policy, type PolicyStep } from './policy.js';
export { timelineFromRate, timelineFromTimestamps, unitStarts, type SourceTimeline, type SpeakingRate, type SourceScript } from './source-timeline.js';
export { LANGUAGES, type SpokenLanguage } from './languages.js';
export { simulTedEnDe } from './simuleval-example.js';
export { simulZhEn, simulEnZh } from './flores-simultaneous.js';
