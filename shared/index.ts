export * from './calendar';
export * from './errors';
export * from './i18n';
export * from './report';
export * from './catalog';
export * from './sheet-data/types';
