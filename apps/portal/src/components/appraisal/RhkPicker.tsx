import { Select, Stack, Text, TextInput } from '@mantine/core';
import { angka } from '../../lib/format';
import type { PenilaiRhk } from './views';

const LABEL = 'RHK pejabat penilai yang diintervensi';

/**
 * Picks the RHK of the penilai's set SKP that this RHK supports (intervensi), from the list the
 * appraisal API gives, instead of a code typed by hand. Without the list (it failed to load) the
 * code can still be typed; at the top of an OPD there is nothing to link to.
 */
export function RhkPicker(props: {
  index: number;
  value: string;
  onChange(value: string): void;
  error?: string;
  options?: PenilaiRhk;
  loading?: boolean;
  failed?: boolean;
}) {
  const { options: o, value } = props;
  if (props.failed || (!o && !props.loading)) {
    return (
      <TextInput
        label={`${LABEL} (kode)`}
        description="Daftar RHK pejabat penilai tidak dapat dimuat; Anda dapat mengetik kode RHK dari SKP beliau."
        value={value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        error={props.error}
      />
    );
  }
  if (o && !o.linkRequired) {
    return (
      <Text size="sm" c="gray.7" data-testid="rhk-picker-top">
        Anda berada di puncak OPD: RHK Anda tidak perlu diintervensi ke RHK pejabat lain.
      </Text>
    );
  }
  const known = new Set(o?.rhk.map((r) => r.id));
  const group = (kind: 'UTAMA' | 'TAMBAHAN') => (o?.rhk ?? []).filter((r) => r.kind === kind).map((r) => ({ value: r.id, label: r.description }));
  const data = [
    ...(value && o && !known.has(value) ? [{ group: 'Pilihan sebelumnya', items: [{ value, label: 'RHK yang dipilih sebelumnya (tidak ada lagi pada SKP pejabat penilai)' }] }] : []),
    { group: 'RHK utama', items: group('UTAMA') },
    { group: 'RHK tambahan', items: group('TAMBAHAN') },
  ].filter((g) => g.items.length > 0);
  const chosen = o?.rhk.find((r) => r.id === value);
  const description = !o
    ? 'Memuat RHK pejabat penilai…'
    : !o.penilai
      ? 'Anda belum memiliki pejabat penilai; hubungi admin OPD.'
      : !o.skp
        ? `SKP ${o.year} ${o.penilai.name} belum ditetapkan. Simpan rencana sebagai draf; RHK beliau dapat dipilih setelah SKP-nya ditetapkan.`
        : `Pilih RHK dari SKP ${o.penilai.name} yang didukung RHK ini (wajib sebelum diajukan).`;
  return (
    <Stack gap={4}>
      <Select
        label={LABEL}
        description={description}
        placeholder={o?.skp ? 'Pilih RHK pejabat penilai' : undefined}
        data={data}
        value={value || null}
        onChange={(v) => props.onChange(v ?? '')}
        disabled={!o?.skp}
        searchable
        clearable
        nothingFoundMessage="Tidak ada RHK yang cocok"
        error={props.error}
        comboboxProps={{ withinPortal: true }}
        data-testid={`rhk-picker-${props.index}`}
      />
      {chosen && chosen.indicators.length > 0 && (
        <Text size="xs" c="gray.7">
          Indikator RHK atasan: {chosen.indicators.map((i) => `${i.description}${i.target === null ? '' : ` (${angka(i.target)} ${i.unit ?? ''})`}`.trim()).join('; ')}
        </Text>
      )}
    </Stack>
  );
}
