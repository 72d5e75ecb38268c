import { Stack, Tabs } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router';
import { PageTitle } from '../../../components/States';
import { BudgetsAdmin } from './BudgetsAdmin';
import { EnrolmentsAdmin } from './EnrolmentsAdmin';
import { JpAdmin } from './JpAdmin';
import { PartnersAdmin } from './PartnersAdmin';
import { ProgramsAdmin } from './ProgramsAdmin';

export const CAREER_ADMIN_TABS = [
  ['pendaftaran', 'Pendaftaran peserta'],
  ['program', 'Program dan sesi'],
  ['anggaran', 'Anggaran'],
  ['mitra', 'Lembaga mitra'],
  ['jp', 'Pemenuhan JP dan ekspor'],
] as const;
type Tab = (typeof CAREER_ADMIN_TABS)[number][0];

/** The OPD admins' and BKPSDM's career work, one address per tab so a tab can be linked and reloaded. */
export function CareerAdminPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!CAREER_ADMIN_TABS.some(([t]) => t === tab)) return <Navigate to="/admin/pengembangan/pendaftaran" replace />;
  const current = tab as Tab;
  return (
    <Stack>
      <PageTitle>Kelola pengembangan kompetensi</PageTitle>
      <Tabs value={current} onChange={(v) => v && navigate(`/admin/pengembangan/${v}`)} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {CAREER_ADMIN_TABS.map(([value, label]) => (
            <Tabs.Tab key={value} value={value}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="pendaftaran" pt="md">
          <EnrolmentsAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="program" pt="md">
          <ProgramsAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="anggaran" pt="md">
          <BudgetsAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="mitra" pt="md">
          <PartnersAdmin />
        </Tabs.Panel>
        <Tabs.Panel value="jp" pt="md">
          <JpAdmin />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
