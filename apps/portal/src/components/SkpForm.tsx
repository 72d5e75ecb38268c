import { ActionIcon, Button, Card, Fieldset, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { CreateSkp } from '../api/views';
import { useDraft } from '../lib/draft';
import { RhkPicker } from './appraisal/RhkPicker';
import type { PenilaiRhk } from './appraisal/views';
import { fieldError, FormErrors } from './FormErrors';

export interface IndicatorDraft {
  id?: string;
  description: string;
  aspek: 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
  target: number | '';
  unit: string;
  direction: 'NAIK' | 'TURUN';
  evidenceRequired: boolean;
}
export interface RhkDraft {
  id?: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  description: string;
  parentRhkId: string;
  indicators: IndicatorDraft[];
}
export interface SkpDraft {
  year: number;
  pendekatan: 'KUANTITATIF' | 'KUALITATIF';
  rhk: RhkDraft[];
}

export const emptyIndicator = (): IndicatorDraft => ({ description: '', aspek: 'KUANTITAS', target: '', unit: '', direction: 'NAIK', evidenceRequired: true });
export const emptyRhk = (): RhkDraft => ({ kind: 'UTAMA', description: '', parentRhkId: '', indicators: [emptyIndicator()] });

/** The request body: the form's empty strings become absent values. */
export function toRequest(d: SkpDraft): CreateSkp {
  return {
    year: d.year,
    pendekatan: d.pendekatan,
    rhk: d.rhk.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      kind: r.kind,
      description: r.description.trim(),
      ...(r.parentRhkId.trim() ? { parentRhkId: r.parentRhkId.trim() as unknown as Record<string, never> } : {}),
      indicators: r.indicators.map((i) => ({
        ...(i.id ? { id: i.id } : {}),
        description: i.description.trim(),
        aspek: i.aspek,
        target: (i.target === '' ? null : i.target) as unknown as Record<string, never>,
        unit: (i.unit.trim() || null) as unknown as Record<string, never>,
        direction: i.direction,
        evidenceRequired: i.evidenceRequired,
      })),
    })),
  } as CreateSkp;
}

/**
 * The SKP plan: RHK with their indicators. Kept as a draft in sessionStorage under `draftKey`, so
 * a session that runs out mid-form loses nothing; the API's refusals show next to their field.
 */
export function SkpForm(props: {
  draftKey: string;
  initial: SkpDraft;
  yearEditable?: boolean;
  error: unknown;
  busy: boolean;
  submitLabel: string;
  onSubmit(draft: SkpDraft, clear: () => void): void;
  /** The penilai's RHK to link to (GET …/penilai-rhk); without it the link is a code typed by hand. */
  penilaiRhk?: { data?: PenilaiRhk; loading: boolean; failed: boolean };
}) {
  const [d, setD, clear] = useDraft<SkpDraft>(props.draftKey, props.initial);
  const setRhk = (i: number, patch: Partial<RhkDraft>) => setD((p) => ({ ...p, rhk: p.rhk.map((r, k) => (k === i ? { ...r, ...patch } : r)) }));
  const setInd = (i: number, j: number, patch: Partial<IndicatorDraft>) =>
    setRhk(i, { indicators: d.rhk[i].indicators.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
  const err = (f: string) => fieldError(props.error, f);
  const known = ['year', 'pendekatan', ...d.rhk.flatMap((r, i) => [`rhk.${i}.description`, `rhk.${i}.parentRhkId`, `rhk.${i}.kind`, ...r.indicators.flatMap((_, j) => ['description', 'aspek', 'target', 'unit', 'direction'].map((f) => `rhk.${i}.indicators.${j}.${f}`))])];

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(d, clear);
      }}
      noValidate
    >
      <Stack>
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput label="Tahun" value={d.year} onChange={(v) => setD((p) => ({ ...p, year: Number(v) }))} disabled={!props.yearEditable} error={err('year')} min={2020} max={2100} />
          <Select
            label="Pendekatan"
            value={d.pendekatan}
            onChange={(v) => v && setD((p) => ({ ...p, pendekatan: v as SkpDraft['pendekatan'] }))}
            data={[
              { value: 'KUANTITATIF', label: 'Kuantitatif' },
              { value: 'KUALITATIF', label: 'Kualitatif' },
            ]}
            allowDeselect={false}
            error={err('pendekatan')}
          />
        </Group>
        {d.rhk.map((r, i) => (
          <Card withBorder key={i} padding="sm">
            <Fieldset legend={`Rencana hasil kerja (RHK) ${i + 1}`} variant="unstyled">
              <Stack gap="xs">
                <Select
                  label="Jenis RHK"
                  value={r.kind}
                  onChange={(v) => v && setRhk(i, { kind: v as RhkDraft['kind'] })}
                  data={[
                    { value: 'UTAMA', label: 'Utama' },
                    { value: 'TAMBAHAN', label: 'Tambahan' },
                  ]}
                  allowDeselect={false}
                />
                <Textarea label="Uraian RHK" required autosize minRows={2} value={r.description} onChange={(e) => setRhk(i, { description: e.currentTarget.value })} error={err(`rhk.${i}.description`)} />
                {props.penilaiRhk ? (
                  <RhkPicker
                    index={i}
                    value={r.parentRhkId}
                    onChange={(v) => setRhk(i, { parentRhkId: v })}
                    error={err(`rhk.${i}.parentRhkId`)}
                    options={props.penilaiRhk.data}
                    loading={props.penilaiRhk.loading}
                    failed={props.penilaiRhk.failed}
                  />
                ) : (
                  <TextInput
                    label="RHK pejabat penilai yang diintervensi (opsional)"
                    description="Kode RHK dari SKP pejabat penilai Anda yang sudah ditetapkan"
                    value={r.parentRhkId}
                    onChange={(e) => setRhk(i, { parentRhkId: e.currentTarget.value })}
                    error={err(`rhk.${i}.parentRhkId`)}
                  />
                )}
                {r.indicators.map((ind, j) => (
                  <Card key={j} bg="gray.0" padding="xs">
                    <Stack gap={6}>
                      <Group justify="space-between">
                        <Text fw={600} size="sm">
                          Indikator {i + 1}.{j + 1}
                        </Text>
                        {r.indicators.length > 1 && (
                          <ActionIcon variant="subtle" color="red.8" aria-label={`Hapus indikator ${i + 1}.${j + 1}`} onClick={() => setRhk(i, { indicators: r.indicators.filter((_, k) => k !== j) })}>
                            ✕
                          </ActionIcon>
                        )}
                      </Group>
                      <TextInput label="Uraian indikator" required value={ind.description} onChange={(e) => setInd(i, j, { description: e.currentTarget.value })} error={err(`rhk.${i}.indicators.${j}.description`)} />
                      <Group grow wrap="wrap" align="flex-start">
                        <Select
                          label="Aspek"
                          value={ind.aspek}
                          allowDeselect={false}
                          onChange={(v) => v && setInd(i, j, { aspek: v as IndicatorDraft['aspek'] })}
                          data={[
                            { value: 'KUANTITAS', label: 'Kuantitas' },
                            { value: 'KUALITAS', label: 'Kualitas' },
                            { value: 'WAKTU', label: 'Waktu' },
                            { value: 'BIAYA', label: 'Biaya' },
                          ]}
                        />
                        <NumberInput label="Target" value={ind.target} onChange={(v) => setInd(i, j, { target: v === '' ? '' : Number(v) })} error={err(`rhk.${i}.indicators.${j}.target`)} decimalSeparator="," thousandSeparator="." />
                        <TextInput label="Satuan" value={ind.unit} onChange={(e) => setInd(i, j, { unit: e.currentTarget.value })} error={err(`rhk.${i}.indicators.${j}.unit`)} />
                      </Group>
                      <Group wrap="wrap">
                        <Select
                          label="Arah"
                          value={ind.direction}
                          allowDeselect={false}
                          onChange={(v) => v && setInd(i, j, { direction: v as IndicatorDraft['direction'] })}
                          data={[
                            { value: 'NAIK', label: 'Makin tinggi makin baik' },
                            { value: 'TURUN', label: 'Makin rendah makin baik' },
                          ]}
                        />
                        <Switch mt="lg" label="Wajib bukti dukung" checked={ind.evidenceRequired} onChange={(e) => setInd(i, j, { evidenceRequired: e.currentTarget.checked })} />
                      </Group>
                    </Stack>
                  </Card>
                ))}
                <Group>
                  <Button variant="light" size="xs" onClick={() => setRhk(i, { indicators: [...r.indicators, emptyIndicator()] })}>
                    Tambah indikator
                  </Button>
                  {d.rhk.length > 1 && (
                    <Button variant="subtle" color="red.8" size="xs" onClick={() => setD((p) => ({ ...p, rhk: p.rhk.filter((_, k) => k !== i) }))}>
                      Hapus RHK {i + 1}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Fieldset>
          </Card>
        ))}
        <Button variant="light" onClick={() => setD((p) => ({ ...p, rhk: [...p.rhk, emptyRhk()] }))} w="fit-content">
          Tambah RHK
        </Button>
        <FormErrors error={props.error} fields={known} />
        <Button type="submit" loading={props.busy} w="fit-content">
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
