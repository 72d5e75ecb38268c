import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthService } from '@capaian/shared/http';
import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';
import { ProcessLease } from './process-lease';

@Module({})
class DatabaseHealthRegistration implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.health.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}

/**
 * TypeORM for one service's own database, its `database` readiness check, and the process's
 * ProcessLease (available everywhere: idempotency keys and long jobs mark their work with it).
 */
@Module({})
export class PersistenceModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    return {
      global: true,
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...options, retryAttempts: 3, retryDelay: 1000 })],
      providers: [DatabaseHealthRegistration, ProcessLease],
      exports: [ProcessLease],
    };
  }
}
