export * from './exact-sum';
export * from './statistics';
export * from './quantile';
export * from './special-functions';
export * from './log-sum-exp';
export * from './hypergeometric-2f1';
export * from './optimizer';
export * from './seeded-rng';
