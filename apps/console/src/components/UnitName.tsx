import { useUnit } from '../api/queries';

/** A unit's name from the directory (its id while loading or when not found). */
export function UnitName({ id }: { id: string | null | undefined }) {
  const unit = useUnit(id);
  if (!id) return <>—</>;
  return <span title={id}>{unit.data?.name ?? id}</span>;
}
