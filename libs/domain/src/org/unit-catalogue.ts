import type { CategoryCode } from '@sunshine/contracts';

/** Naming context of one city or county: 新乡市 / 延津县 (short 延津), and its city. */
export interface UnitNaming {
  name: string;
  short: string;
  level: 'city' | 'county';
  cityName: string;
}

/** Which unit is a standard unit's parent: the same territory's government or party committee, or its own kind one level up. */
export type ParentRule = 'government' | 'party-committee' | 'upper-same-kind';

export interface StandardUnit {
  kind: string;
  name: (n: UnitNaming) => string;
  competences: readonly CategoryCode[];
  parent: ParentRule;
}

const u = (kind: string, suffix: string, parent: ParentRule = 'government', competences: CategoryCode[] = []): StandardUnit => ({
  kind,
  name: (n) => `${n.name}${suffix}`,
  competences,
  parent,
});
const party = (kind: string, suffix: string): StandardUnit => ({
  kind,
  name: (n) => `中共${n.name}委${suffix}`,
  competences: [],
  parent: 'party-committee',
});
const byLevel = (
  kind: string,
  city: string,
  county: (n: UnitNaming) => string,
  parent: ParentRule,
  competences: CategoryCode[] = [],
): StandardUnit => ({
  kind,
  name: (n) => (n.level === 'city' ? `${n.name}${city}` : county(n)),
  competences,
  parent,
});

/**
 * The standard units of a city or county (党委、政府、工作部门、两院、群团 …): 68 per county, near the 77 县直单位 the
 * seeds count for 延津县. `competences` are the platform's category codes each unit is competent for (谁主管);
 * one competent department per category, so routing never has to guess between two.
 */
export const STANDARD_CITY_COUNTY_UNITS: readonly StandardUnit[] = [
  { kind: 'party-committee', name: (n) => `中共${n.name}委员会`, competences: [], parent: 'upper-same-kind' },
  { kind: 'discipline', name: (n) => `${n.name}纪委监委`, competences: [], parent: 'upper-same-kind' },
  party('party-office', '办公室'),
  party('party-organisation', '组织部'),
  party('party-propaganda', '宣传部'),
  party('party-united-front', '统战部'),
  { kind: 'political-legal', name: (n) => `中共${n.name}委政法委员会`, competences: ['lawsuit'], parent: 'party-committee' },
  party('party-social-work', '社会工作部'),
  party('party-school', '党校'),
  party('party-establishment', '机构编制委员会办公室'),
  { kind: 'government', name: (n) => `${n.name}人民政府`, competences: ['other'], parent: 'upper-same-kind' },
  u('petition-bureau', '信访局'),
  u('gov-office', '人民政府办公室'),
  u('dept-development', '发展和改革委员会'),
  u('dept-education', '教育局', 'government', ['education']),
  u('dept-industry', '工业和信息化局'),
  u('dept-science', '科学技术局'),
  u('dept-ethnic-religious', '民族宗教事务局'),
  u('dept-public-security', '公安局', 'government', ['public-security']),
  u('dept-civil-affairs', '民政局', 'government', ['civil-affairs']),
  u('dept-justice', '司法局'),
  u('dept-finance', '财政局'),
  u('dept-hrss', '人力资源和社会保障局', 'government', ['labour']),
  u('dept-natural-resources', '自然资源局', 'government', ['land-resources']),
  byLevel('dept-ecology', '生态环境局', (n) => `${n.cityName}生态环境局${n.short}分局`, 'government', ['environment']),
  u('dept-housing', '住房和城乡建设局', 'government', ['urban-construction', 'demolition']),
  u('dept-transport', '交通运输局', 'government', ['transport']),
  u('dept-water', '水利局'),
  u('dept-agriculture', '农业农村局', 'government', ['agriculture']),
  u('dept-commerce', '商务局'),
  u('dept-culture-tourism', '文化广电和旅游局'),
  u('dept-health', '卫生健康委员会', 'government', ['health']),
  u('dept-veterans', '退役军人事务局'),
  u('dept-emergency', '应急管理局'),
  u('dept-audit', '审计局'),
  u('dept-market', '市场监督管理局'),
  u('dept-statistics', '统计局'),
  u('dept-medical-insurance', '医疗保障局'),
  u('dept-urban-management', '城市管理局'),
  u('dept-government-services', '政务服务和大数据管理局'),
  u('dept-finance-office', '金融工作局'),
  u('dept-civil-defence', '人民防空办公室'),
  u('dept-highway', '公路事业发展中心'),
  u('dept-public-resources', '公共资源交易中心'),
  u('dept-archives', '档案馆'),
  u('dept-meteorology', '气象局'),
  u('dept-supply-cooperative', '供销合作社'),
  u('dept-media', '融媒体中心', 'party-committee'),
  { kind: 'dept-tax', name: (n) => `国家税务总局${n.name}税务局`, competences: [], parent: 'upper-same-kind' },
  byLevel('dept-fire', '消防救援支队', (n) => `${n.name}消防救援大队`, 'upper-same-kind'),
  byLevel('court', '中级人民法院', (n) => `${n.name}人民法院`, 'upper-same-kind'),
  u('procuratorate', '人民检察院', 'upper-same-kind'),
  u('congress', '人大常委会', 'upper-same-kind'),
  { kind: 'cppcc', name: (n) => `政协${n.name}委员会`, competences: [], parent: 'upper-same-kind' },
  u('armed-forces', '人民武装部', 'party-committee'),
  u('org-trade-union', '总工会', 'party-committee'),
  { kind: 'org-youth-league', name: (n) => `共青团${n.name}委员会`, competences: [], parent: 'party-committee' },
  u('org-women', '妇女联合会', 'party-committee'),
  u('org-disabled', '残疾人联合会', 'party-committee'),
  u('org-industry-commerce', '工商业联合会', 'party-committee'),
  u('org-science', '科学技术协会', 'party-committee'),
  u('org-red-cross', '红十字会', 'party-committee'),
  { kind: 'ent-power', name: (n) => `国网${n.name}供电公司`, competences: [], parent: 'upper-same-kind' },
  { kind: 'ent-telecom', name: (n) => `中国电信${n.name}分公司`, competences: [], parent: 'upper-same-kind' },
  { kind: 'ent-mobile', name: (n) => `中国移动${n.name}分公司`, competences: [], parent: 'upper-same-kind' },
  { kind: 'ent-unicom', name: (n) => `中国联通${n.name}分公司`, competences: [], parent: 'upper-same-kind' },
  u('ent-post', '邮政分公司', 'upper-same-kind'),
  u('ent-tobacco', '烟草专卖局', 'upper-same-kind'),
];

/** Unit kinds that are petition bureaus (信访局 at city/county, 信访办 at township) and dispatch rather than handle. */
export const BUREAU_KINDS: readonly string[] = ['petition-bureau', 'petition-office'];
