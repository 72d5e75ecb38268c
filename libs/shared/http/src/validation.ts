import { ArgumentMetadata, ValidationError, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
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
  isNotNull: 'Wajib berisi nilai, tidak boleh dikosongkan',
};

/** A value that is missing (or null) gets one error, "Wajib diisi", not every rule it would also break. */
const MISSING_MESSAGE = 'Wajib diisi';
/** Constraints that name the expected type: for a missing value the code of the error is one of these. */
const TYPE_CONSTRAINTS = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isIn', 'isEnum', 'isArray', 'isEmail', 'isDateString', 'isISO8601', 'isUUID', 'isDefined'];

const toCode = (constraint: string) => constraint.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.keys(error.constraints ?? {});
    if (constraints.length > 0 && (error.value === undefined || error.value === null) && !constraints.includes('isNotNull')) {
      const constraint = constraints.find((c) => TYPE_CONSTRAINTS.includes(c)) ?? constraints[0];
      out.push({ field, code: toCode(constraint), message: MISSING_MESSAGE });
    } else {
      for (const constraint of constraints) {
        out.push({ field, code: toCode(constraint), message: validationMessages[constraint] ?? error.constraints![constraint] });
      }
    }
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** Whether a DTO property accepts `null`: only when its OpenAPI description says `nullable: true`. */
function isNullable(instance: object, property: string): boolean {
  const metadata = Reflect.getMetadata(API_MODEL_PROPERTIES, Object.getPrototypeOf(instance), property) as { nullable?: boolean } | undefined;
  return metadata?.nullable === true;
}

/**
 * `null` fields a DTO does not declare nullable, found iteratively in the transformed value (nested
 * DTOs included): `@IsOptional()` lets null through, and handlers then read properties of null.
 */
function nullFieldErrors(entity: object, reported: Set<string>): ValidationError[] {
  const out: ValidationError[] = [];
  const stack: [unknown, string][] = [[entity, '']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, path] = next;
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([item, path ? `${path}.${i}` : String(i)]));
      continue;
    }
    if (current === null || typeof current !== 'object' || Object.getPrototypeOf(current) === Object.prototype) continue;
    for (const [key, value] of Object.entries(current)) {
      const field = path ? `${path}.${key}` : key;
      if (value === null) {
        if (!isNullable(current, key) && !reported.has(field)) {
          out.push({ property: field, value: null, constraints: { isNotNull: validationMessages.isNotNull }, children: [] });
        }
      } else if (typeof value === 'object') {
        stack.push([value, field]);
      }
    }
  }
  return out;
}

function reportedFields(errors: ValidationError[], parent = '', into = new Set<string>()): Set<string> {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    into.add(field);
    if (error.children?.length) reportedFields(error.children, field, into);
  }
  return into;
}

/**
 * The platform's validation pipe: a body must be a JSON object (`null`, a string or an array is
 * refused, not validated as an empty object), and `null` is accepted only where a DTO declares it.
 */
export class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata) && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new ProblemException(400, 'ISI_HARUS_OBJEK', 'Isi permintaan harus berupa objek JSON', {
        errors: [{ field: '', code: 'ISI_HARUS_OBJEK', message: 'Kirim data sebagai objek JSON ({ ... })' }],
      });
    }
    // `?token=a&token=b` arrives as an array where a handler reads one text (`@Query('token')`).
    if ((metadata.type === 'query' || metadata.type === 'param') && typeof metadata.data === 'string' && Array.isArray(value) && metadata.metatype !== Array) {
      throw new ProblemException(400, 'VALIDASI_GAGAL', 'Data yang dikirim tidak valid', {
        errors: [{ field: `${metadata.type === 'query' ? 'query' : 'path'}.${metadata.data}`, code: 'PARAMETER_GANDA', message: 'Parameter ini hanya boleh diisi sekali' }],
      });
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, validatorOptions?: ValidationPipeOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    return [...errors, ...nullFieldErrors(object, reportedFields(errors))];
  }
}

/** Rejects unknown fields, converts types, and answers 400 VALIDASI_GAGAL listing every field. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) =>
      new ProblemException(400, 'VALIDASI_GAGAL', 'Data yang dikirim tidak valid', { errors: toFieldErrors(errors) }),
  });
}
