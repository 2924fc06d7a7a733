/** The injectable clock of the integration tests (one copy, in @sunshine/testing). */
export { ManualClock } from '@sunshine/testing';
