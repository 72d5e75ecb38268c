import { Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { PageTitle } from '../components/States';
import { NAV } from '../routes';

const HINTS: Record<string, string> = {
  '/profil': 'Jabatan, unit kerja, dan pejabat penilai Anda.',
  '/skp': 'Susun rencana hasil kerja, ajukan, dan laporkan realisasi.',
  '/tim': 'SKP bawahan yang menunggu penetapan, umpan balik, dan penilaian.',
  '/pengembangan': 'Katalog, rekomendasi, pendaftaran, sertifikat, dan capaian JP tahun ini.',
  '/kotak-masuk': 'Pemberitahuan terbaru untuk Anda.',
  '/admin': 'Kelengkapan SKP per unit dan siapa yang tertunda.',
  '/admin/pegawai': 'Cari pegawai berdasarkan nama atau NIP.',
  '/admin/impor': 'Impor data pegawai dengan uji coba terlebih dahulu.',
  '/admin/pengembangan': 'Verifikasi peserta, kehadiran, program, anggaran, mitra, dan rekap JP.',
  '/admin/periode': 'Jadwal pelaporan dan penilaian per OPD.',
  '/pimpinan': 'Grafik kelengkapan dan sebaran status SKP.',
};

export function HomePage() {
  const auth = useAuth();
  const items = NAV.filter((r) => r.path !== '/' && (!r.roles || auth.hasRole(...r.roles)));
  return (
    <>
      <PageTitle>Selamat datang, {auth.principal?.name || 'Pegawai'}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {items.map((r) => (
          <Card key={r.path} withBorder component={Link} to={r.path}>
            <Text fw={700} c="teal.9">
              {r.label}
            </Text>
            <Text size="sm">{HINTS[r.path]}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
