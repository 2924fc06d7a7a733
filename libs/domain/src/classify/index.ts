export * from './char-ngrams';
export * from './linear-text-classifier';
export * from './teddy-category-map';
export * from './near-duplicate';
export * from './hot-topics';
