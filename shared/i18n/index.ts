export * from './translate';
export * from './format-number';
