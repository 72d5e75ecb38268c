import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormErrors, fieldError } from '../FormErrors';
import { DEVELOPMENT_FORMS } from './career-api';
import { type NumberValue, toNumber, WRAP } from './ui';

export interface ClaimBody {
  title: string;
  form: string;
  organizer: string;
  endDate?: string;
  jp?: number;
}

/** JP from an activity outside the platform (e.g. an e-learning certificate); the certificate follows. */
export function ClaimForm({ error, busy, onSubmit }: { error: unknown; busy: boolean; onSubmit(body: ClaimBody): void }) {
  const [title, setTitle] = useState('');
  const [form, setForm] = useState('e_learning');
  const [organizer, setOrganizer] = useState('');
  const [endDate, setEndDate] = useState('');
  const [jp, setJp] = useState<NumberValue>('');
  const err = (f: string) => fieldError(error, f);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ title: title.trim(), form, organizer: organizer.trim(), ...(endDate ? { endDate } : {}), ...(jp !== '' ? { jp } : {}) });
      }}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Nama kegiatan" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={err('title')} />
          <Select label="Bentuk kegiatan" data={DEVELOPMENT_FORMS.map(([value, label]) => ({ value, label }))} value={form} onChange={(v) => setForm(v ?? 'e_learning')} allowDeselect={false} error={err('form')} />
          <TextInput label="Penyelenggara" required value={organizer} onChange={(e) => setOrganizer(e.currentTarget.value)} error={err('organizer')} />
          <TextInput label="Tanggal selesai" type="date" required value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={err('endDate')} />
          <NumberInput label="JP pada sertifikat" required min={1} allowDecimal={false} value={jp} onChange={(v) => setJp(toNumber(v))} error={err('jp')} />
        </SimpleGrid>
        <FormErrors error={error} fields={['title', 'form', 'organizer', 'endDate', 'jp']} />
        <Group>
          <Button type="submit" loading={busy} variant="light" styles={WRAP}>
            Ajukan klaim JP
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
