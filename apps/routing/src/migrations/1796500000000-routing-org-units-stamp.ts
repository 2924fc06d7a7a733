import { sqlMigration, tableStampMigration } from '@sunshine/platform';

/** org_units' change stamp: the directory cache checks one row instead of aggregating the table at every read. */
export const RoutingOrgUnitsStamp1796500000000 = sqlMigration('RoutingOrgUnitsStamp1796500000000', tableStampMigration('org_units'));
