import { useQuery } from '@tanstack/react-query';
import { json, type PenilaiRhk } from './views';

/**
 * The penilai's RHK for the planning form: of an existing SKP (`skpId`), or of the caller's penilai
 * for a new SKP of `year`. Shaped for SkpForm's `penilaiRhk` prop.
 */
export function usePenilaiRhk(target: { skpId: string } | { year: number }, enabled = true) {
  const path = 'skpId' in target ? `/api/v1/appraisal/skps/${target.skpId}/penilai-rhk` : `/api/v1/appraisal/penilai-rhk?year=${target.year}`;
  const q = useQuery({ queryKey: ['penilai-rhk', path], enabled, queryFn: () => json<PenilaiRhk>(path) });
  return { data: q.data, loading: q.isPending, failed: q.isError };
}
