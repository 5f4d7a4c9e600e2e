/** The retention analyses (user guide §13–17): lost clients, alerts, cohorts, migration, portfolios. */
export * from './lost-clients';
export * from './retention-alerts';
export * from './cohort-retention';
export { retentionMessages, type RetentionMessageId } from './retention-messages';
export * from './segment-migration';
export * from './manager-portfolios';
export * from './channel-portfolios';
export * from './client-list-retention';
export { clientSegments, type ClientSegments, type SegmentationOptions } from './client-segments';
export { clientHistories, type ClientHistory } from './client-histories';
