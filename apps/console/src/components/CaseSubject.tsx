import { useQuery } from '@tanstack/react-query';
import { intake } from '../api/client';
import { call } from '../api/errors';
import type { Dossier } from '../api/views';

/** A case's subject as the caller's unit may see it (the dossier), until the inbox sends it (issue 12). */
export function CaseSubject({ caseId, subject }: { caseId: string; subject?: string }) {
  const dossier = useQuery({
    queryKey: ['dossier', caseId],
    enabled: subject === undefined,
    staleTime: 60000,
    retry: false,
    queryFn: () => call<Dossier>(intake.GET('/petitions/{caseId}/dossier', { params: { path: { caseId } } })),
  });
  const text = subject ?? dossier.data?.subject;
  if (text) return <>{text}</>;
  return <span style={{ color: '#999' }}>{dossier.isLoading ? '…' : '（无权查看内容）'}</span>;
}
