import { Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Employee } from '../../api/views';
import { json, type AppraisersAnswer, type HistoryEntry, type Supervisor } from '../../components/appraisal/views';
import { fieldError, FormErrors } from '../../components/FormErrors';
import { Empty, LoadError, Loading, PageTitle } from '../../components/States';
import { useDraft } from '../../lib/draft';
import { tanggal, waktu } from '../../lib/format';

type EmployeeDetail = Employee & { tmtJabatan?: string | null; supervisorOverride: { supervisorId: string; reason: string | null } | null };

const BASIS_LABEL: Record<string, string> = {
  ATASAN_LANGSUNG: 'atasan langsung',
  ATASAN_BERJENJANG: 'atasan berjenjang (atasan langsung belum setingkat pengawas)',
  PENUNJUKAN: 'penunjukan atasan khusus',
};
const CHANGE_LABEL: Record<string, string> = {
  PENGANGKATAN: 'Pengangkatan',
  PENGANGKATAN_PNS: 'Pengangkatan menjadi PNS',
  MUTASI: 'Mutasi',
  KENAIKAN_PANGKAT: 'Kenaikan pangkat',
  ATASAN_KHUSUS: 'Penunjukan atasan khusus',
  ATASAN_KHUSUS_DICABUT: 'Penunjukan atasan khusus dicabut',
};
const changeLabel = (c: string) => CHANGE_LABEL[c] ?? c.charAt(0) + c.slice(1).replace(/_/g, ' ').toLowerCase();
const person = (e: Employee | null | undefined) => (e ? `${e.name} — ${e.position?.name ?? 'tanpa jabatan'}` : null);

/**
 * One employee for the OPD admin and BKPSDM: the data, who their supervisor, pejabat penilai and
 * atasan penilai are now, the reporting-line override (set with a reason, or withdrawn), and the
 * history of changes with their reasons.
 */
export function EmployeeDetailPage() {
  const { ref = '' } = useParams();
  const base = `/api/v1/personnel/employees/${encodeURIComponent(ref)}`;
  const employee = useQuery({ queryKey: ['employee', ref], queryFn: () => json<EmployeeDetail>(base) });
  if (employee.isPending) return <Loading />;
  if (employee.isError) return <LoadError error={employee.error} />;
  const e = employee.data;
  return (
    <Stack>
      <Anchor component={Link} to="/admin/pegawai" size="sm">
        ← Kembali ke data pegawai
      </Anchor>
      <PageTitle>{e.name}</PageTitle>
      <Card withBorder>
        <Grid>
          {[
            ['NIP', e.nip],
            ['Jenis ASN', e.jenisAsn],
            ['Golongan', [e.golongan, e.pangkat].filter(Boolean).join(' — ')],
            ['Status', e.status],
            ['Jabatan', e.position?.name],
            ['Unit kerja', e.unit?.name],
            ['OPD', e.opd?.name],
            ['TMT jabatan', tanggal(e.tmtJabatan)],
          ].map(([label, value]) => (
            <Grid.Col key={label} span={{ base: 12, sm: 6 }}>
              <Text size="sm" c="gray.7">
                {label}
              </Text>
              <Text fw={500}>{value || '—'}</Text>
            </Grid.Col>
          ))}
        </Grid>
      </Card>
      <ReportingLine employeeRef={ref} base={base} override={e.supervisorOverride} />
      <History base={base} employeeRef={ref} />
    </Stack>
  );
}

function ReportingLine({ employeeRef, base, override }: { employeeRef: string; base: string; override: EmployeeDetail['supervisorOverride'] }) {
  const supervisor = useQuery({ queryKey: ['employee', employeeRef, 'supervisor'], queryFn: () => json<Supervisor>(`${base}/supervisor`) });
  const appraisers = useQuery({ queryKey: ['employee', employeeRef, 'appraisers'], queryFn: () => json<AppraisersAnswer>(`${base}/appraisers`) });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Atasan dan pejabat penilai
      </Title>
      {supervisor.isPending || appraisers.isPending ? (
        <Loading />
      ) : supervisor.isError ? (
        <LoadError error={supervisor.error} />
      ) : appraisers.isError ? (
        <LoadError error={appraisers.error} />
      ) : (
        <Grid data-testid="reporting-line">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Text size="sm" c="gray.7">
              Atasan langsung
            </Text>
            <Text fw={500} data-testid="supervisor">
              {person(supervisor.data.supervisor) ?? 'Tidak ada'}
            </Text>
            {supervisor.data.override && (
              <Badge color="#a33c00" mt={4}>
                Atasan khusus (penunjukan)
              </Badge>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Text size="sm" c="gray.7">
              Pejabat penilai kinerja
            </Text>
            <Text fw={500} data-testid="penilai">
              {person(appraisers.data.pejabatPenilai) ?? 'Tidak ada'}
            </Text>
            {appraisers.data.basis && <Text size="xs">Dasar: {BASIS_LABEL[appraisers.data.basis]}</Text>}
            {appraisers.data.note && <Text size="xs">{appraisers.data.note}</Text>}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Text size="sm" c="gray.7">
              Atasan pejabat penilai
            </Text>
            <Text fw={500} data-testid="atasan-penilai">
              {person(appraisers.data.atasanPejabatPenilai) ?? 'Tidak ada'}
            </Text>
          </Grid.Col>
        </Grid>
      )}
      <Stack mt="lg">
        <OverrideForm employeeRef={employeeRef} base={base} />
        {override && <RemoveOverrideForm employeeRef={employeeRef} base={base} reason={override.reason} />}
      </Stack>
    </Card>
  );
}

interface OverrideDraft {
  supervisorId: string;
  reason: string;
  effectiveDate: string;
}

/** Names a supervisor other than the position tree's; the reason is required and kept in the history and the audit trail. */
export function OverrideForm({ employeeRef, base }: { employeeRef: string; base: string }) {
  const queryClient = useQueryClient();
  const [d, setD, clear] = useDraft<OverrideDraft>(`atasan-khusus-${employeeRef}`, { supervisorId: '', reason: '', effectiveDate: '' });
  const [lookupNip] = useDebouncedValue(d.supervisorId.replace(/\s+/g, ''), 400);
  const candidate = useQuery({
    queryKey: ['employee', lookupNip],
    enabled: /^\d{18}$/.test(lookupNip),
    retry: false,
    queryFn: () => json<Employee>(`/api/v1/personnel/employees/${lookupNip}`),
  });
  const set = useMutation({
    mutationFn: () =>
      json(`${base}/supervisor-override`, 'PUT', { supervisorId: d.supervisorId.replace(/\s+/g, ''), reason: d.reason, ...(d.effectiveDate ? { effectiveDate: d.effectiveDate } : {}) }),
    onSuccess: () => {
      // Saved: the form empties (the new supervisor shows above it).
      setD({ supervisorId: '', reason: '', effectiveDate: '' });
      clear();
      void queryClient.invalidateQueries({ queryKey: ['employee', employeeRef] });
    },
  });
  const found = /^\d{18}$/.test(lookupNip) ? (candidate.data ? `${candidate.data.name} — ${candidate.data.position?.name ?? 'tanpa jabatan'}` : candidate.isError ? 'NIP tidak ditemukan atau di luar OPD Anda' : undefined) : undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        set.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h4">
          Tunjuk atasan khusus
        </Title>
        <Text size="sm" c="gray.7">
          Bila atasan menurut pohon jabatan keliru (misalnya penugasan berdasarkan SK), tunjuk atasan langsung lain. Pejabat penilai mengikuti penunjukan ini; SKP yang sedang berjalan berpindah ke pejabat penilai yang baru.
        </Text>
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            label="NIP atasan yang ditunjuk"
            inputMode="numeric"
            value={d.supervisorId}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setD((p) => ({ ...p, supervisorId: v }));
            }}
            description={found}
            error={fieldError(set.error, 'supervisorId')}
            miw={220}
          />
          <TextInput
            label="Tanggal berlaku (opsional)"
            type="date"
            description="Kosongkan untuk hari ini"
            value={d.effectiveDate}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setD((p) => ({ ...p, effectiveDate: v }));
            }}
            error={fieldError(set.error, 'effectiveDate')}
            miw={180}
          />
        </Group>
        <Textarea
          label="Alasan penunjukan"
          description="Wajib; tercatat di riwayat pegawai dan jejak audit"
          autosize
          minRows={2}
          value={d.reason}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setD((p) => ({ ...p, reason: v }));
          }}
          error={fieldError(set.error, 'reason')}
        />
        <FormErrors error={set.error} fields={['supervisorId', 'reason', 'effectiveDate']} />
        <Button type="submit" loading={set.isPending} w="fit-content">
          Tetapkan atasan khusus
        </Button>
      </Stack>
    </form>
  );
}

function RemoveOverrideForm({ employeeRef, base, reason: previous }: { employeeRef: string; base: string; reason: string | null }) {
  const queryClient = useQueryClient();
  const [reason, setReason, clear] = useDraft<string>(`cabut-atasan-khusus-${employeeRef}`, '');
  const remove = useMutation({
    mutationFn: () => json(`${base}/supervisor-override`, 'DELETE', { reason }),
    onSuccess: () => {
      setReason('');
      clear();
      void queryClient.invalidateQueries({ queryKey: ['employee', employeeRef] });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        remove.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h4">
          Cabut penunjukan atasan khusus
        </Title>
        {previous && <Text size="sm">Alasan penunjukan saat ini: {previous}</Text>}
        <Textarea label="Alasan pencabutan" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(remove.error, 'reason')} />
        <FormErrors error={remove.error} fields={['reason']} />
        <Button type="submit" variant="outline" color="red.9" loading={remove.isPending} w="fit-content">
          Cabut penunjukan (kembali ke pohon jabatan)
        </Button>
      </Stack>
    </form>
  );
}

function History({ base, employeeRef }: { base: string; employeeRef: string }) {
  const history = useQuery({ queryKey: ['employee', employeeRef, 'history'], queryFn: () => json<{ items: HistoryEntry[] }>(`${base}/history`) });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Riwayat
      </Title>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <LoadError error={history.error} />
      ) : history.data.items.length === 0 ? (
        <Empty title="Belum ada riwayat">Perubahan jabatan, pangkat, status, dan atasan akan tercatat di sini.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Berlaku</Table.Th>
                <Table.Th>Perubahan</Table.Th>
                <Table.Th>Jabatan dan unit</Table.Th>
                <Table.Th>Alasan / nomor SK</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...history.data.items].reverse().map((h) => (
                <Table.Tr key={`${h.validFrom}-${h.recordedAt}`}>
                  <Table.Td>
                    {tanggal(h.validFrom)}
                    {h.validTo ? ` s.d. ${tanggal(h.validTo)}` : ' — sekarang'}
                    <Text size="xs" c="gray.7">
                      dicatat {waktu(h.recordedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{h.changes.map(changeLabel).join(', ')}</Table.Td>
                  <Table.Td>{[h.position?.name, h.unit?.name].filter(Boolean).join(' · ') || '—'}</Table.Td>
                  <Table.Td>{[h.reason, h.nomorSk ? `SK ${h.nomorSk}` : null].filter(Boolean).join(' · ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
