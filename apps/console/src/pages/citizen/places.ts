/**
 * 发生地 for the public form: the county-level divisions of 新乡市 (statistics bureau codes, 2023). The staff console
 * walks the directory (GET /org/units, staff only); no public endpoint lists divisions yet, so the portal offers the
 * city's counties from here and the server places the petition at its bureau (UNKNOWN_DIVISION otherwise).
 * TODO(issue 16): read a public division list when intake or routing serves one, and drop this table.
 */
export const XINXIANG_COUNTIES: ReadonlyArray<{ readonly code: string; readonly name: string }> = [
  { code: '410702000000', name: '红旗区' },
  { code: '410703000000', name: '卫滨区' },
  { code: '410704000000', name: '凤泉区' },
  { code: '410711000000', name: '牧野区' },
  { code: '410721000000', name: '新乡县' },
  { code: '410724000000', name: '获嘉县' },
  { code: '410725000000', name: '原阳县' },
  { code: '410726000000', name: '延津县' },
  { code: '410727000000', name: '封丘县' },
  { code: '410781000000', name: '卫辉市' },
  { code: '410782000000', name: '辉县市' },
  { code: '410783000000', name: '长垣市' },
];
