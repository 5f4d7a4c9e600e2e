export * from './translate';
export * from './format-number';
export * from './plural-forms';
