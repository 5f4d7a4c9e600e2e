export * from './types';
export * from './analysis-report';
export * from './analysis-sections';
export * from './analysis-extensions';
export * from './messages';
export * from './cli-messages';
export * from './clv-report';
export * from './rejected-rows-sheet';
