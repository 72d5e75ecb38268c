export * from './dates';
export * from './jenis-asn';
export * from './nomor-induk';
export * from './golongan';
export * from './jabatan';
export * from './violations';
