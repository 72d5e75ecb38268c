import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { rupiah } from '../../lib/format';
import { FormErrors, fieldError } from '../FormErrors';
import { type NumberValue, toNumber, WRAP } from './ui';

export interface AllocationBody {
  fiscalYear: number;
  ownerCode: string;
  change: number;
  note?: string;
}

/**
 * Adds to or cuts a yearly budget (a negative change cuts). An OPD admin's owner is their OPD and
 * cannot be changed here; BKPSDM types an OPD code or BKPSDM for the central budget.
 */
export function AllocationForm({ year, fixedOwner, error, busy, onSubmit }: { year: number; fixedOwner?: string; error: unknown; busy: boolean; onSubmit(body: AllocationBody): void }) {
  const [ownerCode, setOwnerCode] = useState(fixedOwner ?? '');
  const [change, setChange] = useState<NumberValue>('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const err = (f: string) => fieldError(error, f);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (change === '' || change === 0) {
          setLocal('Isi perubahan alokasi: positif untuk menambah, negatif untuk mengurangi.');
          return;
        }
        setLocal(undefined);
        onSubmit({ fiscalYear: year, ownerCode: ownerCode.trim().toUpperCase(), change, ...(note.trim() ? { note: note.trim() } : {}) });
      }}
      noValidate
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Pemilik anggaran" description="Kode OPD, atau BKPSDM untuk anggaran pusat" required value={ownerCode} onChange={(e) => setOwnerCode(e.currentTarget.value)} readOnly={!!fixedOwner} error={err('ownerCode')} />
          <NumberInput
            label="Perubahan alokasi"
            description="Negatif untuk mengurangi"
            required
            allowDecimal={false}
            prefix="Rp "
            thousandSeparator="."
            decimalSeparator=","
            value={change}
            onChange={(v) => setChange(toNumber(v))}
            error={local ?? err('change')}
          />
          <TextInput label="Catatan (opsional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('note')} />
        </SimpleGrid>
        {change !== '' && change !== 0 && (
          <Text size="sm">
            {change > 0 ? 'Menambah' : 'Mengurangi'} alokasi {year} sebesar {rupiah(Math.abs(change))}.
          </Text>
        )}
        <FormErrors error={error} fields={['fiscalYear', 'ownerCode', 'change', 'note']} />
        <Group>
          <Button type="submit" loading={busy} styles={WRAP}>
            Simpan perubahan alokasi
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
