import { DynamicModule, Module } from '@nestjs/common';
import { ImportQueries } from './import.queries';
import { IMPORT_SETTINGS, type ImportSettings } from './import.settings';
import { ImportsHttpController } from './imports.http.controller';
import { EmployeeBulkWriter } from './infrastructure/employee-bulk-writer';
import { ImportJobRepository } from './infrastructure/import-job.repository';
import { FailInterruptedImports } from './use-cases/fail-interrupted-imports';
import { RunImport } from './use-cases/run-import';
import { UploadImport } from './use-cases/upload-import';

/** Bulk import of employees from CSV or XLSX: the upload, the background job, and the job's reads. */
@Module({})
export class ImportModule {
  static forRoot(settings: ImportSettings): DynamicModule {
    return {
      module: ImportModule,
      controllers: [ImportsHttpController],
      providers: [{ provide: IMPORT_SETTINGS, useValue: settings }, ImportJobRepository, EmployeeBulkWriter, ImportQueries, RunImport, UploadImport, FailInterruptedImports],
      exports: [RunImport, ImportQueries, EmployeeBulkWriter],
    };
  }
}
