import { Button, FileInput, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../lib/problem';
import { WRAP } from './ui';

/** Career keeps certificates up to this size (the shared upload policy); the screen says so before sending. */
export const MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;
export const CERTIFICATE_TYPES = 'application/pdf,image/png,image/jpeg';
const LIMIT_TEXT = 'PDF, PNG atau JPEG; paling besar 10 MB';

/** Why a file cannot be sent, or null: the size and the type are checked here first, the server checks again. */
export function certificateProblem(file: File): string | null {
  if (file.size > MAX_CERTIFICATE_BYTES) return `Berkas ${file.name} terlalu besar (${(file.size / (1024 * 1024)).toFixed(1).replace('.', ',')} MB): paling besar 10 MB. Perkecil atau pindai ulang dengan resolusi lebih rendah.`;
  if (file.type && !CERTIFICATE_TYPES.split(',').includes(file.type)) return `Berkas ${file.name} bukan PDF, PNG atau JPEG.`;
  return null;
}

/** The message for a refused upload, next to the file field: a 413 restates the limit. */
export function uploadErrorMessage(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    if (error.problem.status === 413) return `${error.message} Batas ukuran berkas 10 MB.`;
    return error.fieldError('file') ?? error.message;
  }
  return error instanceof Error ? error.message : 'Berkas belum terkirim. Periksa koneksi Anda lalu coba lagi.';
}

interface Props {
  /** What the file stands for, e.g. "Sertifikat (STTPP)". */
  label: string;
  /** Ask for the JP on the certificate (at most this many); absent: no JP field. */
  maxJp?: number;
  busy?: boolean;
  onUpload(file: File, jp: number | undefined): Promise<unknown>;
}

/** A certificate or evidence upload that explains the size limit before sending and when refused. */
export function CertificateUpload({ label, maxJp, busy, onUpload }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [jp, setJp] = useState<number | ''>(maxJp ?? '');
  const [error, setError] = useState<string | undefined>();
  const [jpError, setJpError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  const choose = (f: File | null) => {
    setFile(f);
    setError(f ? (certificateProblem(f) ?? undefined) : undefined);
  };
  const send = async () => {
    if (!file) {
      setError('Pilih berkas terlebih dahulu.');
      return;
    }
    const local = certificateProblem(file);
    if (local) {
      setError(local);
      return;
    }
    if (maxJp !== undefined && (jp === '' || jp < 1 || jp > maxJp)) {
      setJpError(`Isi JP pada sertifikat, 1 sampai ${maxJp}.`);
      return;
    }
    setJpError(undefined);
    setSending(true);
    try {
      await onUpload(file, maxJp !== undefined ? Number(jp) : undefined);
      setError(undefined);
      setFile(null);
    } catch (e) {
      if (e instanceof ApiError && e.fieldError('jp')) setJpError(e.fieldError('jp'));
      else setError(uploadErrorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group align="flex-start" wrap="wrap">
        <FileInput
          label={label}
          description={LIMIT_TEXT}
          placeholder="Pilih berkas"
          value={file}
          onChange={choose}
          error={error}
          accept={CERTIFICATE_TYPES}
          clearable
          w={{ base: '100%', sm: 300 }}
        />
        {maxJp !== undefined && (
          <NumberInput label="JP pada sertifikat" description={`Paling banyak ${maxJp} JP`} value={jp} onChange={(v) => setJp(v === '' ? '' : Number(v))} min={1} max={maxJp} allowDecimal={false} error={jpError} w={{ base: '100%', sm: 160 }} />
        )}
      </Group>
      <Group>
        <Button onClick={() => void send()} loading={sending || busy} variant="light" styles={WRAP}>
          Unggah {label.toLowerCase()}
        </Button>
        {file && !error && <Text size="sm">{file.name}</Text>}
      </Group>
    </Stack>
  );
}
