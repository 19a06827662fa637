/**
 * `@anneal/core/adapter`: what a framework adapter needs besides the schedules: one driver over a pure
 * schedule, a stateful scheduler, a `ReduceLROnPlateau` or a factory, and the argument checks the adapters
 * share (each throws an `InvalidParameterError` naming the parameter and the value), and the learning-rate
 * range test behind the adapters' `findLr`. A separate entry so
 * that an application importing the root entry does not carry them.
 *
 * @packageDocumentation
 */
export {
  createScheduleDriver,
  isSchedule,
  isScheduler,
  type ScheduleDriver,
  type ScheduleDriverOptions,
  type DrivableScheduler,
  type DriverSource,
  type SchedulerFactory,
} from './schedulers/driver.js';
export {
  isFiniteNumber,
  finite as checkFinite,
  nonNegative as checkNonNegative,
  integer as checkInteger,
  unitInterval as checkUnitInterval,
  bool as checkBoolean,
  oneOf as checkOneOf,
  knownKeys as checkKnownKeys,
} from './internal/validate.js';
// The learning-rate range test the adapters' `findLr` runs (a training tool, so not in the root entry).
export {
  RangeTest,
  rangeTestSchedule,
  analyzeRangeTest,
  resolveRangeTestOptions,
  type RangeTestOptions,
  type ResolvedRangeTestOptions,
  type RangeTestMode,
  type RangeTestPoint,
  type RangeTestResult,
  type RangeTestStop,
  type RangeTestSuggestions,
} from './range-test.js';
