import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

/** Path of `GET /jp/employees/:nip`. */
export class NipParam {
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @IsString()
  @Matches(/^\d{18}$/)
  nip: string;
}
