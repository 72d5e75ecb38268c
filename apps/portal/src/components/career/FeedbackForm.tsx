import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormErrors, fieldError } from '../FormErrors';
import { WRAP } from './ui';

export interface FeedbackBody {
  content: number;
  facilitator: number;
  organisation: number;
  comment?: string;
}

const SCORES = [
  ['1', '1 · Sangat kurang'],
  ['2', '2 · Kurang'],
  ['3', '3 · Cukup'],
  ['4', '4 · Baik'],
  ['5', '5 · Sangat baik'],
] as const;
const ASPECTS = [
  ['content', 'Materi pelatihan'],
  ['facilitator', 'Fasilitator/pengajar'],
  ['organisation', 'Penyelenggaraan'],
] as const;
type Aspect = (typeof ASPECTS)[number][0];

/** A participant's feedback on a session attended: three scores 1–5 and a comment (given once). */
export function FeedbackForm({ error, busy, onSubmit }: { error: unknown; busy: boolean; onSubmit(body: FeedbackBody): void }) {
  const [scores, setScores] = useState<Record<Aspect, string>>({ content: '', facilitator: '', organisation: '' });
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<Aspect[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const empty = ASPECTS.map(([k]) => k).filter((k) => !scores[k]);
        setMissing(empty);
        if (empty.length) return;
        onSubmit({ content: Number(scores.content), facilitator: Number(scores.facilitator), organisation: Number(scores.organisation), ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
      noValidate
    >
      <Stack gap="sm">
        {ASPECTS.map(([key, label]) => (
          <Radio.Group
            key={key}
            name={`nilai-${key}`}
            label={label}
            required
            value={scores[key]}
            onChange={(v) => setScores((p) => ({ ...p, [key]: v }))}
            error={missing.includes(key) ? `Pilih nilai ${label.toLowerCase()}.` : fieldError(error, key)}
          >
            <Group gap="sm" mt={4} wrap="wrap">
              {SCORES.map(([value, text]) => (
                <Radio key={value} value={value} label={text} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Textarea label="Saran atau komentar (opsional)" autosize minRows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={fieldError(error, 'comment')} />
        <FormErrors error={error} fields={['content', 'facilitator', 'organisation', 'comment']} />
        <Group>
          <Button type="submit" loading={busy} styles={WRAP}>
            Kirim umpan balik
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
