/** Division codes of the demo directory (新乡市 with 延津县 complete) the tests' worlds name. */
export const DEMO_CITY = '410700000000';
export const DEMO_COUNTY = '410726000000';
export const DEMO_DONGTUN = '410726101000';
export const DEMO_FENGZHUANG = '410726102000';
/** 封丘县: another county of the city. */
export const DEMO_FENGQIU = '410727000000';

/** The units of the demo directory the tests act as or look at (ids are `<division>:<kind>`). */
export const DEMO_UNITS = {
  cityBureau: `${DEMO_CITY}:petition-bureau`,
  cityGov: `${DEMO_CITY}:government`,
  cityDiscipline: `${DEMO_CITY}:discipline`,
  countyBureau: `${DEMO_COUNTY}:petition-bureau`,
  countyGov: `${DEMO_COUNTY}:government`,
  countyParty: `${DEMO_COUNTY}:party-committee`,
  countyDiscipline: `${DEMO_COUNTY}:discipline`,
  hrss: `${DEMO_COUNTY}:dept-hrss`,
  housing: `${DEMO_COUNTY}:dept-housing`,
  agriculture: `${DEMO_COUNTY}:dept-agriculture`,
  education: `${DEMO_COUNTY}:dept-education`,
  dongtun: `${DEMO_DONGTUN}:government`,
  dongtunOffice: `${DEMO_DONGTUN}:petition-office`,
  fengzhuang: `${DEMO_FENGZHUANG}:government`,
  fengqiuBureau: `${DEMO_FENGQIU}:petition-bureau`,
  fengqiuHrss: `${DEMO_FENGQIU}:dept-hrss`,
} as const;
export type DemoUnit = keyof typeof DEMO_UNITS;
