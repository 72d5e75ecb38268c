import { Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAuth } from '../auth/AuthProvider';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';
import { angka } from '../lib/format';
import { useOwnOpd } from '../lib/use-opd';
import { useDashboard } from './AdminDashboardPage';
import { currentYear } from './SkpPage';

const COLORS = ['#087f5b', '#e8590c', '#1864ab', '#c92a2a'];

export function PimpinanPage() {
  const auth = useAuth();
  const own = useOwnOpd();
  const [year, setYear] = useState(currentYear());
  const [opd, setOpd] = useState<string>();
  const code = opd ?? own;
  const dashboard = useDashboard(year, code);
  return (
    <Stack>
      <PageTitle>Grafik kinerja unit</PageTitle>
      <Group wrap="wrap">
        <NumberInput label="Tahun" value={year} onChange={(v) => setYear(Number(v))} w={120} />
        {auth.hasRole('admin-bkpsdm') && <TextInput label="Kode OPD" value={code ?? ''} onChange={(e) => setOpd(e.currentTarget.value.toUpperCase())} w={200} />}
      </Group>
      {!code ? (
        <Empty title="Pilih OPD">Masukkan kode OPD.</Empty>
      ) : dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <LoadError error={dashboard.error} />
      ) : (
        (() => {
          const t = dashboard.data.totals;
          const planned = t.employees - t.notPlanned;
          const stages = [
            { name: 'SKP tersusun', value: planned },
            { name: 'Belum menyusun SKP', value: t.notPlanned },
            { name: 'Belum melapor', value: t.notReported },
            { name: 'Belum dinilai', value: t.notRated },
          ];
          const units = dashboard.data.units
            .filter((u) => u.employees > 0)
            .slice(0, 12)
            .map((u) => ({ name: u.name.replace(/^(Bidang|Sub Bagian|Seksi|Bagian) /, ''), 'SKP tersusun': u.employees - u.notPlanned, 'Belum SKP': u.notPlanned }));
          return (
            <>
              <Card withBorder>
                <Title order={2} size="h3" mb="sm">
                  Kelengkapan SKP {year}
                </Title>
                <Text size="sm" mb="sm">
                  {angka(planned)} dari {angka(t.employees)} pegawai sudah menyusun SKP ({t.employees ? angka((planned / t.employees) * 100) : 0}%).
                </Text>
                <div style={{ width: '100%', height: 260 }} role="img" aria-label={`Diagram lingkaran: ${stages.map((s) => `${s.name} ${s.value}`).join(', ')}`}>
                  <ResponsiveContainer>
                    <PieChart>
                      <Pie data={stages.filter((s) => s.value > 0)} dataKey="value" nameKey="name" outerRadius={90} label>
                        {stages.map((_, i) => (
                          <Cell key={i} fill={COLORS[i % COLORS.length]} />
                        ))}
                      </Pie>
                      <Tooltip formatter={(v) => angka(Number(v))} />
                      <Legend />
                    </PieChart>
                  </ResponsiveContainer>
                </div>
              </Card>
              <Card withBorder>
                <Title order={2} size="h3" mb="sm">
                  Per unit kerja
                </Title>
                {units.length === 0 ? (
                  <Empty title="Belum ada data unit" />
                ) : (
                  <div style={{ width: '100%', height: Math.max(240, units.length * 36) }} role="img" aria-label="Diagram batang kelengkapan SKP per unit kerja">
                    <ResponsiveContainer>
                      <BarChart data={units} layout="vertical" margin={{ left: 8, right: 16 }}>
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis type="number" allowDecimals={false} />
                        <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 11 }} />
                        <Tooltip />
                        <Legend />
                        <Bar dataKey="SKP tersusun" stackId="a" fill={COLORS[0]} />
                        <Bar dataKey="Belum SKP" stackId="a" fill={COLORS[1]} />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                )}
              </Card>
            </>
          );
        })()
      )}
    </Stack>
  );
}
