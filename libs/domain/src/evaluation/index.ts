export * from './kpi-period';
export * from './kpi-fact';
export * from './case-kpi-facts';
export * from './kpi-figures';
export * from './scoring-scheme';
export * from './staff-streak';
export * from './figure-access';
export * from './peer-norm';
