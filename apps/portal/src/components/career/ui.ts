import type { ButtonProps } from '@mantine/core';

/** Long button labels wrap onto a second line on a 360 px phone instead of being cut off. */
export const WRAP: ButtonProps['styles'] = { root: { height: 'auto', minHeight: 36, paddingTop: 6, paddingBottom: 6 }, label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } };
export const WRAP_COMPACT: ButtonProps['styles'] = { root: { height: 'auto', minHeight: 26, paddingTop: 3, paddingBottom: 3 }, label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } };

/** A number typed in a NumberInput: '' while empty. */
export type NumberValue = number | '';
export const toNumber = (v: string | number): NumberValue => (v === '' ? '' : Number(v));
