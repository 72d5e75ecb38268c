import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ProblemException } from './problem';

/** Indonesian messages for class-validator constraints; the constraint name is the field error's code. */
export const validationMessages: Readonly<Record<string, string>> = {
  whitelistValidation: 'Kolom ini tidak dikenal',
  isDefined: 'Wajib diisi',
  isNotEmpty: 'Tidak boleh kosong',
  isString: 'Harus berupa teks',
  isInt: 'Harus berupa bilangan bulat',
  isNumber: 'Harus berupa angka',
  isBoolean: 'Harus bernilai benar atau salah',
  isEnum: 'Nilai tidak termasuk pilihan yang diizinkan',
  isIn: 'Nilai tidak termasuk pilihan yang diizinkan',
  isEmail: 'Harus berupa alamat e-mail yang valid',
  isDateString: 'Harus berupa tanggal (YYYY-MM-DD)',
  isISO8601: 'Harus berupa tanggal (YYYY-MM-DD)',
  isUUID: 'Harus berupa UUID',
  isArray: 'Harus berupa daftar',
  arrayNotEmpty: 'Daftar tidak boleh kosong',
  arrayMinSize: 'Jumlah isi daftar terlalu sedikit',
  arrayMaxSize: 'Jumlah isi daftar terlalu banyak',
  min: 'Nilai terlalu kecil',
  max: 'Nilai terlalu besar',
  minLength: 'Teks terlalu pendek',
  maxLength: 'Teks terlalu panjang',
  length: 'Panjang teks tidak sesuai',
  matches: 'Format tidak sesuai',
  isPositive: 'Harus lebih besar dari nol',
  nestedValidation: 'Isi tidak valid',
};

export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const constraint of Object.keys(error.constraints ?? {})) {
      out.push({
        field,
        code: constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(),
        message: validationMessages[constraint] ?? error.constraints![constraint],
      });
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/** Rejects unknown fields, converts types, and answers 400 VALIDASI_GAGAL listing every field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      new ProblemException(400, 'VALIDASI_GAGAL', 'Data yang dikirim tidak valid', { errors: toFieldErrors(errors) }),
  });
}
