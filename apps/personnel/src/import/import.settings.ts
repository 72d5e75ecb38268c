import type { PersonnelConfig } from '../personnel.config';
import type { ImportFormat } from './infrastructure/import-readers';

export const IMPORT_SETTINGS = Symbol('IMPORT_SETTINGS');
export type ImportSettings = PersonnelConfig['imports'];

/** The body of an import is the file itself; its Content-Type says which kind. */
export const IMPORT_CONTENT_TYPES: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};
