import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { Employee } from '../../api/views';
import { useAuth } from '../../auth/AuthProvider';
import { careerJson, type Enrolment, type JpYear, LIVE_STATUSES, type Program, recommend } from '../../components/career/career-api';
import { WRAP } from '../../components/career/ui';
import { Empty, LoadError, Loading, PageTitle } from '../../components/States';
import { ApiError } from '../../lib/problem';
import { currentYear } from '../SkpPage';
import { CatalogGrid, ProgramCard } from './Catalog';
import { ClaimsSection } from './ClaimsSection';
import { JpCard } from './JpCard';
import { MyEnrolments, useSessions } from './MyEnrolments';

/**
 * An employee's development: JP of the year against the target, suggestions, the catalog with
 * self-registration (and the waitlist when a session is full), their places with certificate
 * upload and feedback, and JP claims from outside the platform.
 */
export function MyDevelopmentPage() {
  const auth = useAuth();
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const programs = useQuery({ queryKey: ['career', 'programs', year], queryFn: () => careerJson<{ items: Program[] }>(`/programs?year=${year}&size=100`) });
  const enrolments = useQuery({ queryKey: ['career', 'enrolments'], queryFn: () => careerJson<Enrolment[]>('/enrolments') });
  const jp = useQuery({ queryKey: ['career', 'jp', 'me', year], queryFn: () => careerJson<JpYear>(`/jp/me?year=${year}`) });
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/personnel/me')) as Promise<Employee> });
  const unavailable = programs.error instanceof ApiError && programs.error.problem.status >= 502;
  // A supervisor or an admin also sees others' places in this list: this page keeps one's own.
  const mine = (enrolments.data ?? []).filter((e) => e.nip === auth.principal?.nip);
  const sessions = useSessions(mine.map((e) => e.sessionId));
  const takenPrograms = new Set(mine.filter((e) => LIVE_STATUSES.has(e.status)).map((e) => sessions.get(e.sessionId)?.programId).filter((id): id is string => !!id));
  // A suggestion the person registers for on this visit stays on the page (with its confirmation)
  // instead of vanishing from under their finger when the places are refetched; it is left out next time.
  const [enrolledHere, setEnrolledHere] = useState<ReadonlySet<string>>(new Set());
  const onEnrolled = (programId: string) => setEnrolledHere((s) => new Set([...s, programId]));
  const notTakenHere = new Set([...takenPrograms].filter((id) => !enrolledHere.has(id)));
  const suggestions = programs.data && jp.data ? recommend(programs.data.items, me.data?.position?.jenisJabatan, jp.data.shortfallJp, notTakenHere) : [];

  return (
    <Stack>
      <PageTitle>Pengembangan kompetensi</PageTitle>
      <JpCard year={year} years={[thisYear - 1, thisYear, thisYear + 1]} onYear={setYear} />
      <Group>
        <Button component={Link} to="/pengembangan/usulan" variant="light" styles={WRAP}>
          Usulkan bawahan mengikuti pelatihan
        </Button>
      </Group>

      {suggestions.length > 0 && (
        <>
          <Title order={2} size="h3">
            Rekomendasi untuk Anda
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="recommendations">
            {suggestions.map((r) => (
              <ProgramCard key={r.program.id} program={r.program} mine={mine} note={r.reason} onEnrolled={onEnrolled} />
            ))}
          </SimpleGrid>
        </>
      )}

      <Title order={2} size="h3">
        Katalog pelatihan {year}
      </Title>
      {programs.isPending ? (
        <Loading label="Memuat katalog" />
      ) : unavailable ? (
        <Alert color="orange" title="Layanan pengembangan karier sedang tidak tersedia">
          Katalog, pendaftaran, dan catatan JP akan tampil di sini setelah layanan karier aktif kembali. Coba lagi beberapa menit lagi.
        </Alert>
      ) : programs.isError ? (
        <LoadError error={programs.error} />
      ) : programs.data.items.length === 0 ? (
        <Empty title={`Belum ada program tahun ${year}`}>
          BKPSDM belum menerbitkan program pelatihan untuk tahun {year}. Sambil menunggu, Anda dapat mengajukan klaim JP dari kegiatan di luar platform di bawah.
        </Empty>
      ) : (
        <CatalogGrid programs={programs.data.items} mine={mine} />
      )}

      <Title order={2} size="h3">
        Pendaftaran saya
      </Title>
      {enrolments.isPending ? <Loading label="Memuat pendaftaran" /> : enrolments.isError ? unavailable ? null : <LoadError error={enrolments.error} /> : <MyEnrolments places={mine} />}

      <Title order={2} size="h3">
        Klaim JP kegiatan di luar platform
      </Title>
      {unavailable ? <Text size="sm">Tersedia setelah layanan karier aktif kembali.</Text> : <ClaimsSection />}
    </Stack>
  );
}
